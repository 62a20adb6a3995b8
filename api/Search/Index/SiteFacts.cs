namespace Registry.Api.Search.Index;

/// <summary>
/// What the in-process index is given of one published site: exactly the columns the SQL search filters and sorts on
/// (derived arrays with ancestors, disclosure levels, location, the search text, capability envelopes and equipment
/// key specs), so both paths answer alike. The index keeps a compact copy, not this record.
/// </summary>
public sealed record SiteFacts
{
    public required Guid Id { get; init; }

    public required string NameJa { get; init; }

    /// <summary>lower(name_ja, name_en, name_kana): a word found here ranks a site higher (relevance).</summary>
    public string NameText { get; init; } = "";

    /// <summary>The lower-cased search_text column; its characters and character pairs are the text postings.</summary>
    public string SearchText { get; init; } = "";

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

    /// <summary>Capability rows as stored (numeric(10,1) mm and numeric(10,2) µm read as float8).</summary>
    public IReadOnlyList<CapabilityFacts> Capabilities { get; init; } = [];

    /// <summary>Equipment rows that declare a key spec value.</summary>
    public IReadOnlyList<(string TypeCode, double Spec)> EquipmentSpecs { get; init; } = [];

    /// <summary>The 法人番号, which makes sites of one firm one firm in chains (null: the site is its own firm).</summary>
    public string? CorporateNumber { get; init; }

    public int? SpareCapacityPct { get; init; }

    public DateOnly? SpareCapacityValidUntil { get; init; }

    public int? TypicalLeadDays { get; init; }

    public short CapabilitiesLevel { get; init; }

    public short EquipmentLevel { get; init; }

    public short CertificationsLevel { get; init; }

    public short StaffLevel { get; init; }

    public short CapacityLevel { get; init; }
}

public sealed record CapabilityFacts(string ProcessCode, double? MaxXMm, double? MaxYMm, double? MaxZMm, double? BestToleranceUm)
{
    public int? LotMin { get; init; }

    public int? LotMax { get; init; }

    public int? LeadDays { get; init; }
}
