namespace Registry.Api.Search.Index;

/// <summary>
/// What the in-process index keeps of one published site: exactly the columns the SQL search filters and sorts on
/// (derived arrays with ancestors, disclosure levels, location), so both paths answer alike.
/// </summary>
public sealed record SiteFacts
{
    public required Guid Id { get; init; }

    public required string NameJa { get; init; }

    public double? Lat { get; init; }

    public double? Lon { get; init; }

    public required string PrefectureCode { get; init; }

    public string? MunicipalityCode { get; init; }

    public int? Employees { get; init; }

    public bool Verified { get; init; }

    public required string ContractAcceptance { get; init; }

    public IReadOnlyList<string> ProcessCodes { get; init; } = [];

    public IReadOnlyList<string> MaterialCodes { get; init; } = [];

    public IReadOnlyList<string> EquipmentTypeCodes { get; init; } = [];

    public IReadOnlyList<string> QualificationCodes { get; init; } = [];

    /// <summary>The derived certification_codes column (unexpired when the site was last written): filters and facets.</summary>
    public IReadOnlyList<string> CertificationCodes { get; init; } = [];

    /// <summary>Every certificate with its expiry (null: none); expiry is checked at query time, as in SQL.</summary>
    public IReadOnlyList<(string Code, DateOnly? ValidUntil)> Certifications { get; init; } = [];

    public short CapabilitiesLevel { get; init; }

    public short EquipmentLevel { get; init; }

    public short CertificationsLevel { get; init; }

    public short StaffLevel { get; init; }

    public short CapacityLevel { get; init; }
}
