using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Clusters;

public sealed record MunicipalityCount
{
    [Description("全国地方公共団体コード; null for sites without one.")]
    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    [Range(0, int.MaxValue)]
    public required int Sites { get; init; }
}

[Description("How many published sites in the region can do a process. Spare capacity and contract work count only "
    + "where the caller may see the site's capacity section.")]
public sealed record CoverageRow
{
    [MaxLength(80)]
    public required string ProcessCode { get; init; }

    [Description("The value-chain step (cluster coverage only).")]
    [Range(0, 19)]
    public int? Step { get; init; }

    [Range(0, int.MaxValue)]
    public required int Sites { get; init; }

    [Range(0, int.MaxValue)]
    public required int Verified { get; init; }

    [Description("Sites taking contract work (open or limited).")]
    [Range(0, int.MaxValue)]
    public required int AcceptingContractWork { get; init; }

    [Description("Sites declaring unexpired spare capacity above 0 %.")]
    [Range(0, int.MaxValue)]
    public required int WithSpareCapacity { get; init; }

    [Description("Mean declared spare capacity of those sites, %.")]
    public double? SpareCapacityAvgPct { get; init; }

    [Description("Accepted cluster members doing it (cluster coverage only).")]
    [Range(0, int.MaxValue)]
    public int? Members { get; init; }

    [MaxLength(2000)]
    public required IReadOnlyList<MunicipalityCount> ByMunicipality { get; init; }
}

public sealed record ClusterCoverage
{
    public required Guid ClusterId { get; init; }

    [MaxLength(20)]
    public required IReadOnlyList<CoverageRow> Steps { get; init; }

    [Description("Value-chain steps no published site in the region can do.")]
    [MaxLength(20)]
    [ItemRange(0, 19)]
    public required IReadOnlyList<int> Gaps { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }
}

public sealed record CodeCount
{
    [MaxLength(80)]
    public required string Code { get; init; }

    [Range(0, int.MaxValue)]
    public required int Sites { get; init; }
}

public sealed record QualifiedStaff
{
    [MaxLength(80)]
    public required string QualificationCode { get; init; }

    [Range(0, int.MaxValue)]
    public required int Headcount { get; init; }

    [Range(0, int.MaxValue)]
    public required int Sites { get; init; }
}

[Description("Region-wide indicators a municipality reports on. Each `…Known` is the number of sites whose section the "
    + "caller may see, the denominator of the shares built on it.")]
public sealed record RegionIndicators
{
    [Range(0, int.MaxValue)]
    public required int PublishedSites { get; init; }

    [Range(0, int.MaxValue)]
    public required int CertificationsKnown { get; init; }

    [Range(0, int.MaxValue)]
    public required int WithCertifications { get; init; }

    [MaxLength(200)]
    public required IReadOnlyList<CodeCount> Certifications { get; init; }

    [Range(0, int.MaxValue)]
    public required int Edi { get; init; }

    [Range(0, int.MaxValue)]
    public required int OnlineOrdering { get; init; }

    [Range(0, int.MaxValue)]
    public required int FaxOnly { get; init; }

    [Range(0, int.MaxValue)]
    public required int CapacityKnown { get; init; }

    [Range(0, int.MaxValue)]
    public required int ContractWorkOpen { get; init; }

    [Range(0, int.MaxValue)]
    public required int ContractWorkLimited { get; init; }

    [Range(0, int.MaxValue)]
    public required int ContractWorkClosed { get; init; }

    [Range(0, int.MaxValue)]
    public required int StaffKnown { get; init; }

    [MaxLength(500)]
    public required IReadOnlyList<QualifiedStaff> QualifiedStaff { get; init; }
}

public sealed record RegionCoverage
{
    [Description("One row per process family (the top of the process taxonomy).")]
    [MaxLength(100)]
    public required IReadOnlyList<CoverageRow> Families { get; init; }

    [Description("Process families no published site in the region does.")]
    [MaxLength(100)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> Gaps { get; init; }

    public required RegionIndicators Indicators { get; init; }

    public required DateTimeOffset ComputedAt { get; init; }
}

[Description("Steps of opened matching requests grouped by one key: how many were asked, how many had no candidate in "
    + "the region (unserved) and how many fewer than three (thin).")]
public sealed record DemandRow
{
    [MaxLength(80)]
    public required string Key { get; init; }

    [Range(0, int.MaxValue)]
    public required int Asked { get; init; }

    [Range(0, int.MaxValue)]
    public required int Unserved { get; init; }

    [Range(0, int.MaxValue)]
    public required int Thin { get; init; }
}

[Description("What buyers asked for that the region could not serve or served only thinly, from the candidates "
    + "snapshotted when their requests opened.")]
public sealed record DemandGaps
{
    [Range(0, int.MaxValue)]
    public required int Requests { get; init; }

    [MaxLength(1000)]
    public required IReadOnlyList<DemandRow> Processes { get; init; }

    [MaxLength(200)]
    public required IReadOnlyList<DemandRow> Certifications { get; init; }

    [Description("By the longest side of the workpiece: ≤100, ≤500, ≤1000, ≤2000, >2000 mm, or unspecified.")]
    [MaxLength(10)]
    public required IReadOnlyList<DemandRow> Envelopes { get; init; }

    [Description("By the municipality of the published site nearest the request's delivery point when it opened.")]
    [MaxLength(2000)]
    public required IReadOnlyList<DemandRow> Municipalities { get; init; }

    [Description("By the month the request opened (YYYY-MM).")]
    [MaxLength(120)]
    public required IReadOnlyList<DemandRow> Months { get; init; }
}
