using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Suppliers;

[Description("A supplier site as the caller may see it. A section the caller may not see says so (hidden: true) and carries no data.")]
public sealed record SupplierProfile
{
    public required Guid Id { get; init; }

    public required SupplierStatus Status { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    [MaxLength(200)]
    public string? NameEn { get; init; }

    [MaxLength(200)]
    public string? NameKana { get; init; }

    [MaxLength(13)]
    public string? CorporateNumber { get; init; }

    [MaxLength(8)]
    public string? PostalCode { get; init; }

    [MaxLength(2)]
    public required string PrefectureCode { get; init; }

    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    [MaxLength(300)]
    public string? Address { get; init; }

    public GeoLocation? Location { get; init; }

    [Range(0, 1000000)]
    public int? Employees { get; init; }

    [Range(1600, 2100)]
    public int? FoundedYear { get; init; }

    [Range(0, 10_000_000_000_000)]
    public long? CapitalJpy { get; init; }

    [MaxLength(10)]
    [ItemMaxLength(2)]
    public required IReadOnlyList<string> IndustryCodes { get; init; }

    [MaxLength(300)]
    public string? Website { get; init; }

    [MaxLength(4000)]
    public string? DescriptionJa { get; init; }

    [MaxLength(4000)]
    public string? DescriptionEn { get; init; }

    [MaxLength(2000)]
    public string? Strengths { get; init; }

    public required DigitalReadiness DigitalReadiness { get; init; }

    [Description("How the site actually answers orders through the registry (DESIGN §11), beside the readiness it declares. Shown to coordinators and the site's own accounts only; absent for others and before any order needed an answer.")]
    public OrderAnswering? AnswersOrdersBy { get; init; }

    [Description("Process headlines (always public once published): the codes of the site's capabilities.")]
    [MaxLength(200)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> Processes { get; init; }

    public required Verification Verification { get; init; }

    public required Disclosure Disclosure { get; init; }

    public required ContactSection Contact { get; init; }

    public required CapabilitiesSection Capabilities { get; init; }

    public required EquipmentSection Equipment { get; init; }

    public required CertificationsSection Certifications { get; init; }

    public required StaffSection Staff { get; init; }

    public required CapacitySection Capacity { get; init; }

    public required ChallengesSection Challenges { get; init; }

    [Description("When the site last confirmed its facts (any edit, or the one-click reconfirmation).")]
    public required DateTimeOffset ConfirmedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    [Description("Whether the caller may edit this site.")]
    public required bool CanEdit { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }
}

public sealed record Verification
{
    public required VerificationStatus Status { get; init; }

    public DateTimeOffset? VerifiedAt { get; init; }

    [Description("The coordinator who verified (shown to coordinators).")]
    [MaxLength(64)]
    public string? VerifiedBy { get; init; }
}

public sealed record ContactSection
{
    public required DisclosureLevel Level { get; init; }

    public required bool Hidden { get; init; }

    [MaxLength(200)]
    public string? Name { get; init; }

    [MaxLength(254)]
    public string? Email { get; init; }

    [MaxLength(40)]
    public string? Phone { get; init; }
}

public sealed record CapabilitiesSection
{
    public required DisclosureLevel Level { get; init; }

    public required bool Hidden { get; init; }

    [MaxLength(200)]
    public IReadOnlyList<Capability>? Items { get; init; }
}

public sealed record EquipmentSection
{
    public required DisclosureLevel Level { get; init; }

    public required bool Hidden { get; init; }

    [MaxLength(500)]
    public IReadOnlyList<Equipment>? Items { get; init; }
}

public sealed record CertificationsSection
{
    public required DisclosureLevel Level { get; init; }

    public required bool Hidden { get; init; }

    [MaxLength(100)]
    public IReadOnlyList<Certification>? Items { get; init; }
}

public sealed record StaffSection
{
    public required DisclosureLevel Level { get; init; }

    public required bool Hidden { get; init; }

    [MaxLength(200)]
    public IReadOnlyList<StaffQualification>? Items { get; init; }
}

public sealed record CapacitySection
{
    public required DisclosureLevel Level { get; init; }

    public required bool Hidden { get; init; }

    public ContractAcceptance? ContractAcceptance { get; init; }

    [Description("Absent when undeclared or when the declaration has expired.")]
    [Range(0, 100)]
    public int? SpareCapacityPct { get; init; }

    public DateOnly? SpareCapacityValidUntil { get; init; }

    [Description("True when a declaration exists but its validUntil has passed: the figure is no longer trusted.")]
    public bool? SpareCapacityExpired { get; init; }

    [Range(0, 3650)]
    public int? TypicalLeadDays { get; init; }

    [Range(1, 100_000_000)]
    public int? MinLot { get; init; }
}

public sealed record ChallengesSection
{
    public required DisclosureLevel Level { get; init; }

    public required bool Hidden { get; init; }

    [MaxLength(2000)]
    public string? Weaknesses { get; init; }

    [MaxLength(2000)]
    public string? Challenges { get; init; }
}

[Description("A site waiting for a coordinator to verify its facts.")]
public sealed record VerificationQueueItem
{
    public required Guid Id { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    public required SupplierStatus Status { get; init; }

    [Description("`pending` when a verified site changed its facts since; `unverified` when never verified.")]
    public required VerificationStatus Verification { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    [Description("Facts of the site that contradict each other (empty when none): for a coordinator to ask the site to correct.")]
    [MaxLength(10)]
    public required IReadOnlyList<DataQualityIssue> Issues { get; init; }
}

[Description("A contradiction in a site's facts: `staff_above_employees` (a qualification held by more people than the site employs), `spare_capacity_while_closed` (spare capacity offered while contract work is closed).")]
public enum DataQualityIssue
{
    StaffAboveEmployees,
    SpareCapacityWhileClosed,
}
