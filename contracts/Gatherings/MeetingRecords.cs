using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

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

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }
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
