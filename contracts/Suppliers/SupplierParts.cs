using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Suppliers;

[Description("One process the site runs, with its envelope. Lengths in mm, tolerances and roughness in µm, mass in kg.")]
public sealed record CapabilityInput
{
    [Description("A process code from /api/v1/taxonomy/processes.")]
    [Required, MaxLength(80)]
    public required string ProcessCode { get; init; }

    [MaxLength(30)]
    [ItemMaxLength(80)]
    public IReadOnlyList<string>? MaterialCodes { get; init; }

    [Range(0.1, 100000)]
    public decimal? MaxXMm { get; init; }

    [Range(0.1, 100000)]
    public decimal? MaxYMm { get; init; }

    [Range(0.1, 100000)]
    public decimal? MaxZMm { get; init; }

    [Range(0.01, 1000000)]
    public decimal? MaxMassKg { get; init; }

    [Description("The tightest tolerance held in production, µm.")]
    [Range(0.01, 100000)]
    public decimal? BestToleranceUm { get; init; }

    [Description("Best surface roughness Ra, µm.")]
    [Range(0.001, 1000)]
    public decimal? RoughnessRaUm { get; init; }

    [Range(1, 100_000_000)]
    public int? LotMin { get; init; }

    [Range(1, 100_000_000)]
    public int? LotMax { get; init; }

    [Description("Pieces (or the process's natural unit) per month.")]
    [Range(0, 100_000_000)]
    public int? MonthlyCapacity { get; init; }

    [Range(0, 3650)]
    public int? LeadDays { get; init; }

    [Description("Equipment of this site used for the process.")]
    [MaxLength(50)]
    public IReadOnlyList<Guid>? EquipmentIds { get; init; }

    [MaxLength(1000)]
    public string? Note { get; init; }
}

public sealed record Capability
{
    public required Guid Id { get; init; }

    [MaxLength(80)]
    public required string ProcessCode { get; init; }

    [MaxLength(30)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> MaterialCodes { get; init; }

    [Range(0, 100000)]
    public decimal? MaxXMm { get; init; }

    [Range(0, 100000)]
    public decimal? MaxYMm { get; init; }

    [Range(0, 100000)]
    public decimal? MaxZMm { get; init; }

    [Range(0, 1000000)]
    public decimal? MaxMassKg { get; init; }

    [Range(0, 100000)]
    public decimal? BestToleranceUm { get; init; }

    [Range(0, 1000)]
    public decimal? RoughnessRaUm { get; init; }

    [Range(1, 100_000_000)]
    public int? LotMin { get; init; }

    [Range(1, 100_000_000)]
    public int? LotMax { get; init; }

    [Range(0, 100_000_000)]
    public int? MonthlyCapacity { get; init; }

    [Range(0, 3650)]
    public int? LeadDays { get; init; }

    [MaxLength(50)]
    public required IReadOnlyList<Guid> EquipmentIds { get; init; }

    [MaxLength(1000)]
    public string? Note { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }
}

[Description("A machine or line. The key spec's meaning and unit come from the equipment type (press: capacity in tf, …).")]
public sealed record EquipmentInput
{
    [Required, MaxLength(80)]
    public required string TypeCode { get; init; }

    [MaxLength(200)]
    public string? Maker { get; init; }

    [MaxLength(200)]
    public string? Model { get; init; }

    [Range(1, 10000)]
    public int Count { get; init; } = 1;

    [Description("The value of the type's key spec, in its unit.")]
    [Range(0, 1e9)]
    public decimal? SpecValue { get; init; }

    [Range(1900, 2100)]
    public int? Year { get; init; }
}

public sealed record Equipment
{
    public required Guid Id { get; init; }

    [MaxLength(80)]
    public required string TypeCode { get; init; }

    [MaxLength(200)]
    public string? Maker { get; init; }

    [MaxLength(200)]
    public string? Model { get; init; }

    [Range(1, 10000)]
    public required int Count { get; init; }

    [Range(0, 1e9)]
    public decimal? SpecValue { get; init; }

    [Description("The key spec's unit (tf, mm, kW, …).")]
    [MaxLength(16)]
    public string? SpecUnit { get; init; }

    [Range(1900, 2100)]
    public int? Year { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }
}

public sealed record CertificationInput
{
    [Required, MaxLength(80)]
    public required string Code { get; init; }

    [MaxLength(100)]
    public string? Number { get; init; }

    [Description("An expired certification no longer counts in search and matching.")]
    public DateOnly? ValidUntil { get; init; }
}

public sealed record Certification
{
    public required Guid Id { get; init; }

    [MaxLength(80)]
    public required string Code { get; init; }

    [MaxLength(100)]
    public string? Number { get; init; }

    public DateOnly? ValidUntil { get; init; }

    public required bool Expired { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }
}

[Description("Qualified staff: how many people hold a qualification (技能検定, welding JIS, licences).")]
public sealed record StaffInput
{
    [Required, MaxLength(80)]
    public required string QualificationCode { get; init; }

    [Range(1, 100000)]
    public required int Headcount { get; init; }
}

public sealed record StaffQualification
{
    public required Guid Id { get; init; }

    [MaxLength(80)]
    public required string QualificationCode { get; init; }

    [Range(1, 100000)]
    public required int Headcount { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }
}
