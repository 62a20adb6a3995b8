using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Suppliers;

[Description("The editable facts of a supplier site. Sub-resources (capabilities, equipment, certifications, staff) have their own endpoints.")]
public sealed record SupplierInput
{
    [Required, MinLength(1), MaxLength(200)]
    public required string NameJa { get; init; }

    [MaxLength(200)]
    public string? NameEn { get; init; }

    [Description("Reading of the name in katakana or hiragana.")]
    [MaxLength(200)]
    public string? NameKana { get; init; }

    [Description("法人番号: 13 digits with its check digit.")]
    [MaxLength(13)]
    public string? CorporateNumber { get; init; }

    [Description("郵便番号 NNN-NNNN.")]
    [MaxLength(8)]
    public string? PostalCode { get; init; }

    [Description("JIS X 0401 prefecture code, 01–47.")]
    [Required, MaxLength(2)]
    public required string PrefectureCode { get; init; }

    [Description("全国地方公共団体コード: 6 digits with its check digit, inside the prefecture.")]
    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    [MaxLength(300)]
    public string? Address { get; init; }

    [Description("Required for publication; inside Japan.")]
    public GeoLocation? Location { get; init; }

    [Range(0, 1000000)]
    public int? Employees { get; init; }

    [Range(1600, 2100)]
    public int? FoundedYear { get; init; }

    [Range(0, 10_000_000_000_000)]
    public long? CapitalJpy { get; init; }

    [Description("JSIC manufacturing middle categories, 09–32.")]
    [MaxLength(10)]
    [ItemMaxLength(2)]
    public IReadOnlyList<string>? IndustryCodes { get; init; }

    [Url, MaxLength(300)]
    public string? Website { get; init; }

    [MaxLength(4000)]
    public string? DescriptionJa { get; init; }

    [MaxLength(4000)]
    public string? DescriptionEn { get; init; }

    [Description("得意: what the site is good at.")]
    [MaxLength(2000)]
    public string? Strengths { get; init; }

    public ContactInput? Contact { get; init; }

    public CapacityInput? Capacity { get; init; }

    [Description("不得意 and 課題: what the site is weak at and its challenges.")]
    public ChallengesInput? Challenges { get; init; }

    public DigitalReadiness? DigitalReadiness { get; init; }

    [Description("Who may see each section. Defaults: contact members, capabilities public, equipment public, certifications public, staff members, capacity members, challenges coordinators.")]
    public Disclosure? Disclosure { get; init; }
}

public sealed record GeoLocation
{
    [Range(20.0, 46.0)]
    public required double Lat { get; init; }

    [Range(122.0, 154.0)]
    public required double Lon { get; init; }
}

public sealed record ContactInput
{
    [MaxLength(200)]
    public string? Name { get; init; }

    [EmailAddress, MaxLength(254)]
    public string? Email { get; init; }

    [MaxLength(40)]
    public string? Phone { get; init; }
}

public sealed record CapacityInput
{
    public ContractAcceptance ContractAcceptance { get; init; } = ContractAcceptance.Open;

    [Description("Share of capacity free for outside work now.")]
    [Range(0, 100)]
    public int? SpareCapacityPct { get; init; }

    [Description("Until when the spare capacity holds; default 90 days from now. After it, spare capacity counts as unknown.")]
    public DateOnly? SpareCapacityValidUntil { get; init; }

    [Range(0, 3650)]
    public int? TypicalLeadDays { get; init; }

    [Range(1, 100_000_000)]
    public int? MinLot { get; init; }
}

public sealed record ChallengesInput
{
    [MaxLength(2000)]
    public string? Weaknesses { get; init; }

    [MaxLength(2000)]
    public string? Challenges { get; init; }
}

public sealed record DigitalReadiness
{
    [Description("Takes orders by EDI.")]
    public bool Edi { get; init; }

    [Description("Takes orders online (web form, portal, email with structured data).")]
    public bool OnlineOrdering { get; init; }

    [Description("Takes orders only by FAX.")]
    public bool FaxOnly { get; init; }
}

[Description("Who may see each section of the profile. Names, municipality and process headlines are always public once published.")]
public sealed record Disclosure
{
    public DisclosureLevel Contact { get; init; } = DisclosureLevel.Members;

    public DisclosureLevel Capabilities { get; init; } = DisclosureLevel.Public;

    public DisclosureLevel Equipment { get; init; } = DisclosureLevel.Public;

    public DisclosureLevel Certifications { get; init; } = DisclosureLevel.Public;

    public DisclosureLevel Staff { get; init; } = DisclosureLevel.Members;

    public DisclosureLevel Capacity { get; init; } = DisclosureLevel.Members;

    public DisclosureLevel Challenges { get; init; } = DisclosureLevel.Coordinators;
}
