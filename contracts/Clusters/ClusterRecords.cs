using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Registry.Contracts.Matching;

namespace Registry.Contracts.Clusters;

public enum ClusterSector
{
    AutomotiveParts,
    ElectricalPrecision,
    FoodPackaging,
    PlasticsChemical,
    Other,
}

public enum ClusterStatus
{
    Draft,
    Published,
    Archived,
}

[Description("An industry cluster as its coordinators describe it: the region it draws on and the value chain it needs.")]
public sealed record ClusterInput
{
    [Description("Stable short code: lower-case letters, digits and hyphens.")]
    [Required, MaxLength(40), RegularExpression("^[a-z0-9][a-z0-9-]{1,39}$")]
    public required string Code { get; init; }

    [Required, MaxLength(200)]
    public required string NameJa { get; init; }

    [MaxLength(200)]
    public string? NameEn { get; init; }

    public required ClusterSector Sector { get; init; }

    public required MatchingRegion Region { get; init; }

    [MaxLength(4000)]
    public string? Description { get; init; }

    [Description("The ordered process codes the cluster's products go through.")]
    [Required, MinLength(1), MaxLength(20)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> ValueChain { get; init; }

    [Description("Coordinator accounts that run the cluster; the creator is always one of them.")]
    [MaxLength(20)]
    public IReadOnlyList<Guid>? CoordinatorAccountIds { get; init; }
}

public sealed record Cluster
{
    public required Guid Id { get; init; }

    [MaxLength(40)]
    public required string Code { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    [MaxLength(200)]
    public string? NameEn { get; init; }

    public required ClusterSector Sector { get; init; }

    public required MatchingRegion Region { get; init; }

    [MaxLength(4000)]
    public string? Description { get; init; }

    [MaxLength(20)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> ValueChain { get; init; }

    [MaxLength(20)]
    public required IReadOnlyList<Guid> CoordinatorAccountIds { get; init; }

    public required ClusterStatus Status { get; init; }

    [Description("Accepted member sites.")]
    [Range(0, int.MaxValue)]
    public required int MemberCount { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

public enum MembershipStatus
{
    Applied,
    Member,
}

[Description("A site applying to a cluster (its own accounts) or added by a coordinator.")]
public sealed record MembershipInput
{
    public required Guid SupplierId { get; init; }

    [MaxLength(1000)]
    public string? Note { get; init; }
}

[Description("A member or applicant site and the value-chain steps it covers (by its published processes).")]
public sealed record ClusterMember
{
    public required Guid SupplierId { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    [MaxLength(200)]
    public string? NameEn { get; init; }

    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    public required MembershipStatus Status { get; init; }

    [Description("Indexes of the value-chain steps the site can do.")]
    [MaxLength(20)]
    [ItemRange(0, 19)]
    public required IReadOnlyList<int> CoveredSteps { get; init; }

    [MaxLength(1000)]
    public string? Note { get; init; }

    public required DateTimeOffset AppliedAt { get; init; }

    public DateTimeOffset? JoinedAt { get; init; }
}

public enum ThemeKind
{
    JointDevelopment,
    JointOrder,
    JointLogistics,
}

public enum ThemeStatus
{
    Proposed,
    Active,
    Completed,
    Dropped,
    [Description("A member's proposal the coordinators sent back with a reason; the proposer changes it and proposes it again.")]
    Returned,
}

public enum ThemeInvitationStatus
{
    Invited,
    Accepted,
    Declined,
}

[Description("A member site proposes a theme to its cluster and invites partner members; the cluster's coordinators adopt it (activate) or return it.")]
public sealed record ThemeProposalInput
{
    [Description("The proposing member site (one of the caller's own).")]
    public required Guid SupplierId { get; init; }

    public required ThemeKind Kind { get; init; }

    [MinLength(1)]
    [MaxLength(200)]
    public required string Title { get; init; }

    [MaxLength(4000)]
    public string? Goal { get; init; }

    [Description("For a joint order: the process steps its consortium covers.")]
    [MaxLength(20)]
    [ItemMaxLength(64)]
    public IReadOnlyList<string>? Steps { get; init; }

    [Description("Member sites invited as partners; each accepts or declines.")]
    [MaxLength(20)]
    public IReadOnlyList<Guid>? InvitedSupplierIds { get; init; }

    [Description("The gathering (an exchange meeting) the proposal came from, if any.")]
    public Guid? GatheringId { get; init; }
}

public sealed record ThemeInvitation
{
    public required Guid SupplierId { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    public required ThemeInvitationStatus Status { get; init; }

    [MaxLength(1000)]
    public string? Reason { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }
}

public sealed record ThemeProposer
{
    public required Guid SupplierId { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }
}

[Description("Why: a declined invitation, or a proposal returned to its proposer.")]
public sealed record ThemeReasonInput
{
    [MinLength(1)]
    [MaxLength(1000)]
    public required string Reason { get; init; }
}

public sealed record Milestone
{
    [Required, MaxLength(200)]
    public required string Title { get; init; }

    public DateOnly? DueDate { get; init; }

    public bool Done { get; init; }
}

[Description("A co-creation theme of a cluster. A joint order names the ordered steps its consortium must cover (the "
    + "cluster's value chain when omitted).")]
public sealed record ThemeInput
{
    public required ThemeKind Kind { get; init; }

    [Required, MaxLength(200)]
    public required string Title { get; init; }

    [MaxLength(4000)]
    public string? Goal { get; init; }

    [MaxLength(20)]
    [ItemMaxLength(80)]
    public IReadOnlyList<string>? Steps { get; init; }

    [MaxLength(50)]
    public IReadOnlyList<Milestone>? Milestones { get; init; }
}

public sealed record ThemeParticipant
{
    public required Guid SupplierId { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    public required DateTimeOffset JoinedAt { get; init; }
}

public sealed record Theme
{
    public required Guid Id { get; init; }

    public required Guid ClusterId { get; init; }

    public required ThemeKind Kind { get; init; }

    [MaxLength(200)]
    public required string Title { get; init; }

    [MaxLength(4000)]
    public string? Goal { get; init; }

    public required ThemeStatus Status { get; init; }

    [MaxLength(20)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> Steps { get; init; }

    [MaxLength(50)]
    public required IReadOnlyList<Milestone> Milestones { get; init; }

    [MaxLength(500)]
    public required IReadOnlyList<ThemeParticipant> Participants { get; init; }

    [Description("The member site that proposed it (none: proposed by the cluster's coordinators).")]
    public ThemeProposer? ProposedBy { get; init; }

    [MaxLength(20)]
    public required IReadOnlyList<ThemeInvitation> Invitations { get; init; }

    [Description("Why the coordinators returned the proposal.")]
    [MaxLength(1000)]
    public string? ReturnReason { get; init; }

    public Guid? GatheringId { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

[Description("Member sites that together cover a joint order's steps, chosen by the chain planner (fewer firms, "
    + "shorter legs, verified sites and spare capacity first); steps no member covers are the gaps.")]
public sealed record ConsortiumProposal
{
    [MaxLength(20)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> Steps { get; init; }

    public required MatchChain Chain { get; init; }

    public required DateTimeOffset ProposedAt { get; init; }
}
