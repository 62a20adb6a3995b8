using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Registry.Contracts.Matching;

namespace Registry.Contracts.Gatherings;

[Description("What kind of gathering: a working-level matching meeting (マッチング会), a technical showcase (技術展示会) or an exchange meeting (交流会).")]
public enum GatheringKind
{
    MatchingMeeting,
    Showcase,
    ExchangeMeeting,
}

[Description("draft → published (registration open) → booking_open (participants request meetings) → scheduled → held → closed; cancelled before it is held.")]
public enum GatheringStatus
{
    Draft,
    Published,
    BookingOpen,
    Scheduled,
    Held,
    Closed,
    Cancelled,
}

[Description("A session of the day: from its start (local time in Japan), slots of 15 to 30 minutes at a number of tables.")]
public sealed record GatheringSession
{
    [MaxLength(80)]
    public string? Label { get; init; }

    [Description("Start, HH:mm, Japan time on the day of the gathering.")]
    [Required, RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$"), MaxLength(5)]
    public required string StartsAt { get; init; }

    [Range(15, 30)]
    public required int SlotMinutes { get; init; }

    [Range(1, 40)]
    public required int Slots { get; init; }

    [Range(1, 200)]
    public required int Tables { get; init; }
}

[Description("A gathering as its organisers describe it.")]
public sealed record GatheringInput
{
    public required GatheringKind Kind { get; init; }

    [Required, MaxLength(200)]
    public required string TitleJa { get; init; }

    [MaxLength(200)]
    public string? TitleEn { get; init; }

    [MaxLength(4000)]
    public string? Description { get; init; }

    [Description("The venue's name (会場).")]
    [MaxLength(200)]
    public string? Venue { get; init; }

    [MaxLength(200)]
    public string? VenueAddress { get; init; }

    [Description("For an online gathering: the meeting link.")]
    [MaxLength(500), Url]
    public string? OnlineUrl { get; init; }

    [Description("The day it is held (Japan).")]
    public required DateOnly HeldOn { get; init; }

    [Description("Registration closes then (default: when booking opens).")]
    public DateTimeOffset? RegistrationClosesAt { get; init; }

    [Description("Meeting requests close then (default: when it is scheduled).")]
    public DateTimeOffset? BookingClosesAt { get; init; }

    [Description("How many participants it takes.")]
    [Range(2, 2000)]
    public required int Capacity { get; init; }

    [Description("The cluster it is held for, if any.")]
    public Guid? ClusterId { get; init; }

    [Description("Coordinator accounts that organise it; the creator is always one of them.")]
    [MaxLength(20)]
    public IReadOnlyList<Guid>? OrganiserAccountIds { get; init; }

    [Description("Meeting requests each participant may send (default 10).")]
    [Range(1, 50)]
    public int? MaxRequests { get; init; }

    [Description("Meetings each participant has at most (default 8).")]
    [Range(1, 40)]
    public int? MaxMeetings { get; init; }

    [Description("A break after this many meetings in a row (default 4; 0: no breaks).")]
    [Range(0, 20)]
    public int? MaxConsecutive { get; init; }

    [Required, MinLength(1), MaxLength(6)]
    public required IReadOnlyList<GatheringSession> Sessions { get; init; }
}

public sealed record Gathering
{
    public required Guid Id { get; init; }

    public required GatheringKind Kind { get; init; }

    public required GatheringStatus Status { get; init; }

    [MaxLength(200)]
    public required string TitleJa { get; init; }

    [MaxLength(200)]
    public string? TitleEn { get; init; }

    [MaxLength(4000)]
    public string? Description { get; init; }

    [MaxLength(200)]
    public string? Venue { get; init; }

    [MaxLength(200)]
    public string? VenueAddress { get; init; }

    [MaxLength(500)]
    public string? OnlineUrl { get; init; }

    public required DateOnly HeldOn { get; init; }

    public DateTimeOffset? RegistrationClosesAt { get; init; }

    public DateTimeOffset? BookingClosesAt { get; init; }

    [Range(2, 2000)]
    public required int Capacity { get; init; }

    public Guid? ClusterId { get; init; }

    [MaxLength(20)]
    public required IReadOnlyList<Guid> OrganiserAccountIds { get; init; }

    [Range(1, 50)]
    public required int MaxRequests { get; init; }

    [Range(1, 40)]
    public required int MaxMeetings { get; init; }

    [Range(0, 20)]
    public required int MaxConsecutive { get; init; }

    [MaxLength(6)]
    public required IReadOnlyList<GatheringSession> Sessions { get; init; }

    [Description("Approved participants.")]
    [Range(0, 2000)]
    public required int Participants { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

public enum ParticipantRole
{
    Buyer,
    Supplier,
}

public enum ParticipantStatus
{
    Pending,
    Approved,
    Refused,
    Withdrawn,
}

[Description("A registration: a buyer brings its needs (its matching requests, or steps in the request shape); a supplier brings one of its sites and what it will show.")]
public sealed record ParticipantInput
{
    public required ParticipantRole Role { get; init; }

    [Description("The supplier's site (one of the caller's own).")]
    public Guid? SupplierId { get; init; }

    [Description("The buyer's own matching requests it brings.")]
    [MaxLength(10)]
    public IReadOnlyList<Guid>? RequestIds { get; init; }

    [Description("Or needs as steps, in the matching request's shape.")]
    [MaxLength(10)]
    public IReadOnlyList<MatchingStepInput>? Needs { get; init; }

    [Description("What the supplier will show or demonstrate.")]
    [MaxLength(1000)]
    public string? Shows { get; init; }

    [Description("The processes it demonstrates (codes of its capabilities).")]
    [MaxLength(20)]
    [ItemMaxLength(80)]
    public IReadOnlyList<string>? ShowProcesses { get; init; }

    [Description("The sessions it attends, by position (0-based).")]
    [Required, MinLength(1), MaxLength(6)]
    [ItemRange(0, 5)]
    public required IReadOnlyList<int> Sessions { get; init; }

    [MaxLength(1000)]
    public string? Note { get; init; }
}

public sealed record Participant
{
    public required Guid Id { get; init; }

    public required Guid GatheringId { get; init; }

    public required ParticipantRole Role { get; init; }

    [Description("The registering account (organisers and the participant itself only).")]
    public Guid? AccountId { get; init; }

    [Description("Who takes part: the site's name for a supplier, the account's organisation for a buyer.")]
    [MaxLength(200)]
    public required string Name { get; init; }

    public Guid? SupplierId { get; init; }

    [MaxLength(10)]
    public required IReadOnlyList<Guid> RequestIds { get; init; }

    [Description("The buyer's needs as process codes, from its requests and steps.")]
    [MaxLength(20)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> NeedProcesses { get; init; }

    [MaxLength(1000)]
    public string? Shows { get; init; }

    [MaxLength(20)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> ShowProcesses { get; init; }

    [MaxLength(6)]
    [ItemRange(0, 5)]
    public required IReadOnlyList<int> Sessions { get; init; }

    [Description("The participant's note to the organisers (organisers and the participant only).")]
    [MaxLength(1000)]
    public string? Note { get; init; }

    public required ParticipantStatus Status { get; init; }

    [MaxLength(1000)]
    public string? Reason { get; init; }

    public DateTimeOffset? CheckedInAt { get; init; }

    [Description("Marked as not come on the day: its meetings were cancelled and their tables freed.")]
    public DateTimeOffset? NoShowAt { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

[Description("Why a registration is refused, a meeting declined.")]
public sealed record GatheringReasonInput
{
    [Required, MaxLength(1000)]
    public required string Reason { get; init; }
}
