using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Gatherings;

[Description("What came of gatherings, step by step: registered (approved participants) → met (meetings both sides came to) → followed up (an outcome other than none) → request (a quote requested, a trial order or a linked matching request or order) → order (a trial order or a linked order); and the meetings of a buyer and a site that had never met at a gathering nor traded through the registry before.")]
public sealed record FunnelCounts
{
    [Range(0, int.MaxValue)]
    public required int Registered { get; init; }

    [Range(0, int.MaxValue)]
    public required int Met { get; init; }

    [Range(0, int.MaxValue)]
    public required int FollowedUp { get; init; }

    [Range(0, int.MaxValue)]
    public required int Requests { get; init; }

    [Range(0, int.MaxValue)]
    public required int Orders { get; init; }

    [Description("Meetings (met) of a buyer and a supplier site with no earlier meeting at a gathering and no earlier order between them.")]
    [Range(0, int.MaxValue)]
    public required int FirstTimeTies { get; init; }
}

public sealed record GatheringFunnelRow
{
    public required Guid GatheringId { get; init; }

    public required GatheringKind Kind { get; init; }

    public required GatheringStatus Status { get; init; }

    [MaxLength(200)]
    public required string TitleJa { get; init; }

    [MaxLength(200)]
    public string? TitleEn { get; init; }

    public required DateOnly HeldOn { get; init; }

    public Guid? ClusterId { get; init; }

    [MaxLength(200)]
    public string? ClusterNameJa { get; init; }

    public required FunnelCounts Counts { get; init; }
}

public sealed record ClusterFunnelRow
{
    [Description("None: gatherings outside any cluster.")]
    public Guid? ClusterId { get; init; }

    [MaxLength(200)]
    public string? ClusterNameJa { get; init; }

    [Range(0, int.MaxValue)]
    public required int Gatherings { get; init; }

    public required FunnelCounts Counts { get; init; }
}

[Description("The funnel of the gatherings held from a day to a day, per gathering (latest first), per cluster and in total (coordinators).")]
public sealed record GatheringFunnel
{
    [MaxLength(1000)]
    public required IReadOnlyList<GatheringFunnelRow> Gatherings { get; init; }

    [MaxLength(1000)]
    public required IReadOnlyList<ClusterFunnelRow> Clusters { get; init; }

    public required FunnelCounts Total { get; init; }
}
