using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Registry.Contracts.Matching;

namespace Registry.Contracts.Gatherings;

public enum MeetingStatus
{
    Requested,
    Accepted,
    Declined,
    Cancelled,
}

public enum MeetingRequester
{
    Buyer,
    Supplier,
    Organiser,
}

[Description("A participant asks to meet another (a buyer a supplier, or a supplier a buyer); an organiser proposes a meeting between two.")]
public sealed record MeetingRequestInput
{
    [Description("The participant to meet (a participant asking) — or, for an organiser, the buyer.")]
    public required Guid WithParticipantId { get; init; }

    [Description("For an organiser proposing: the supplier.")]
    public Guid? AndParticipantId { get; init; }

    [MaxLength(1000)]
    public string? Note { get; init; }
}

[Description("Where a meeting takes place: a slot of a session, at a table.")]
public sealed record MeetingPlace
{
    [Range(0, 5)]
    public required int Session { get; init; }

    [Description("The slot within its session (0-based).")]
    [Range(0, 39)]
    public required int Slot { get; init; }

    [Description("The table (0-based; shown as table 1, 2, … to people).")]
    [Range(0, 199)]
    public required int Table { get; init; }
}

[Description("An organiser places a meeting by hand: it stays there when the schedule is run again, until unpinned (place null).")]
public sealed record MeetingPlacementInput
{
    public MeetingPlace? Place { get; init; }
}

public sealed record Meeting
{
    public required Guid Id { get; init; }

    public required Guid GatheringId { get; init; }

    public required Guid BuyerId { get; init; }

    [MaxLength(200)]
    public required string BuyerName { get; init; }

    public required Guid SupplierId { get; init; }

    [MaxLength(200)]
    public required string SupplierName { get; init; }

    public required MeetingRequester RequestedBy { get; init; }

    [Description("Both sides asked for it.")]
    public required bool Mutual { get; init; }

    [Description("How well the supplier fits the buyer's needs (the matching engine's score at the request).")]
    [Range(0.0, 1.0)]
    public double? Score { get; init; }

    public required MeetingStatus Status { get; init; }

    [MaxLength(1000)]
    public string? Note { get; init; }

    [MaxLength(1000)]
    public string? Reason { get; init; }

    public MeetingPlace? Place { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    [Description("Placed by an organiser by hand; running the schedule keeps it.")]
    public required bool Pinned { get; init; }

    [Description("The two sat down together: accepted, placed, and both checked in on the day.")]
    public required bool Met { get; init; }

    [Description("What the buyer says came of it (recorded after the gathering is held).")]
    public MeetingOutcome? BuyerOutcome { get; init; }

    [Description("What the supplier says came of it.")]
    public MeetingOutcome? SupplierOutcome { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }
}

public enum MeetingOutcomeKind
{
    None,
    Continue,
    QuoteRequested,
    TrialOrder,
}

[Description("What one side says came of a meeting: nothing, further talks, a request for a quote or a trial order, linked to the matching request or the order when there is one. Both sides of the meeting and the organisers see it.")]
public sealed record MeetingOutcomeInput
{
    public required MeetingOutcomeKind Outcome { get; init; }

    [Description("A matching request of the buyer's that followed from the meeting.")]
    public Guid? RequestId { get; init; }

    [Description("An order between the two that followed from the meeting.")]
    public Guid? OrderId { get; init; }

    [MaxLength(1000)]
    public string? Note { get; init; }
}

public sealed record MeetingOutcome
{
    public required MeetingOutcomeKind Outcome { get; init; }

    public Guid? RequestId { get; init; }

    public Guid? OrderId { get; init; }

    [MaxLength(1000)]
    public string? Note { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }
}

[Description("What running the schedule did.")]
public sealed record ScheduleResult
{
    [Range(0, 100000)]
    public required int Accepted { get; init; }

    [Range(0, 100000)]
    public required int Placed { get; init; }

    [Description("No schedule can place more than this many of the accepted meetings.")]
    [Range(0, 100000)]
    public required int UpperBound { get; init; }

    [Description("Meetings that could not be placed.")]
    [MaxLength(100000)]
    public required IReadOnlyList<Guid> Unplaced { get; init; }

    [Description("Pinned meetings that break a rule (a participant twice in a slot, a session it does not attend, …): kept where they are, to be moved by hand.")]
    [MaxLength(100000)]
    public required IReadOnlyList<Guid> PinnedConflicts { get; init; }

    [Range(0, 100000)]
    public required int IdleGaps { get; init; }
}

[Description("One participant's day: its meetings in time order.")]
public sealed record Agenda
{
    public required Participant Participant { get; init; }

    [MaxLength(200)]
    public required string GatheringTitle { get; init; }

    public required DateOnly HeldOn { get; init; }

    [MaxLength(200)]
    public string? Venue { get; init; }

    [MaxLength(200)]
    public string? VenueAddress { get; init; }

    [MaxLength(2000)]
    public required IReadOnlyList<Meeting> Meetings { get; init; }
}

[Description("A participant of the other side whose needs and capabilities fit: for a buyer, a supplier that can do one of its steps; for a supplier, a buyer with a step its site can do. Scored by the matching engine with what any participant may see of the site (the members' level).")]
public sealed record MeetingSuggestion
{
    [Description("The other side's participant.")]
    public required Guid ParticipantId { get; init; }

    [MaxLength(200)]
    public required string Name { get; init; }

    public required ParticipantRole Role { get; init; }

    [Description("The supplier's site (the other side's, or the caller's own when it is the supplier).")]
    public required Guid SupplierId { get; init; }

    [Description("The best score of the site on any of the buyer's steps.")]
    [Range(0.0, 1.0)]
    public required double Score { get; init; }

    [Description("The buyer's step the site fits best.")]
    [MaxLength(64)]
    public required string ProcessCode { get; init; }

    [Description("The buyer's matching request that step belongs to (none for needs given as steps at registration).")]
    public Guid? RequestId { get; init; }

    [Description("Why the site scored what it did on that step.")]
    [MaxLength(20)]
    public required IReadOnlyList<MatchCriterion> Explanation { get; init; }

    [Description("How many of the buyer's steps the site can do.")]
    [Range(1, 100)]
    public required int StepsFitted { get; init; }

    [Description("The meeting of the two, when one was asked for already.")]
    public Guid? MeetingId { get; init; }

    public MeetingStatus? MeetingStatus { get; init; }
}

[Description("One of the buyer's steps in a meeting's brief, with how the supplier's site fares on it.")]
public sealed record BriefStep
{
    [Description("The buyer's matching request the step belongs to (none for needs given as steps at registration).")]
    public Guid? RequestId { get; init; }

    [MaxLength(200)]
    public string? RequestTitle { get; init; }

    [Description("The step's place in its request (0-based).")]
    [Range(0, 9)]
    public required int Step { get; init; }

    public required MatchingStepInput Need { get; init; }

    [Range(1, 10000000)]
    public int? LotSize { get; init; }

    public DateOnly? DueDate { get; init; }

    [Description("The quality-assurance documents the buyer asks for.")]
    [MaxLength(4)]
    public required IReadOnlyList<QualityAssurance> QualityAssurance { get; init; }

    [Description("The site passes the step's hard filters (process, material, envelope, tolerance, certifications) with what members may see of it.")]
    public required bool Fits { get; init; }

    [Range(0.0, 1.0)]
    public double? Score { get; init; }

    [MaxLength(20)]
    public required IReadOnlyList<MatchCriterion> Explanation { get; init; }
}

[Description("The one-page brief of a meeting: the buyer's steps against the supplier's capabilities, envelopes, tolerances, certifications and spare capacity, with the explanation — the site as members see it, nothing it hides from them.")]
public sealed record MeetingBrief
{
    public required Meeting Meeting { get; init; }

    [MaxLength(200)]
    public required string GatheringTitle { get; init; }

    public required DateOnly HeldOn { get; init; }

    [MaxLength(200)]
    public string? Venue { get; init; }

    [MaxLength(100)]
    public required IReadOnlyList<BriefStep> Steps { get; init; }

    [Description("The supplier's site as members see it (absent when it is no longer published).")]
    public Suppliers.SupplierProfile? Supplier { get; init; }
}
