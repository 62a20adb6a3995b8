using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Registry.Contracts.Suppliers;

namespace Registry.Contracts.Gatherings;

[Description("The organisers give an exhibitor its booth (null: none yet).")]
public sealed record BoothInput
{
    [MinLength(1)]
    [MaxLength(20)]
    public string? Booth { get; init; }
}

[Description("A process an exhibitor demonstrates, with the site's capabilities on it as the caller may see them.")]
public sealed record BoothProcess
{
    [MaxLength(80)]
    public required string ProcessCode { get; init; }

    [MaxLength(50)]
    public required IReadOnlyList<Capability> Capabilities { get; init; }
}

[Description("An exhibitor's booth at a showcase: what it demonstrates, linked to its capabilities and equipment — each at the caller's disclosure level, so a hidden section shows nothing.")]
public sealed record Booth
{
    public required Guid ParticipantId { get; init; }

    [MaxLength(20)]
    public string? Number { get; init; }

    public required Guid SupplierId { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    [MaxLength(200)]
    public string? NameEn { get; init; }

    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    [MaxLength(1000)]
    public string? Shows { get; init; }

    [MaxLength(50)]
    public required IReadOnlyList<BoothProcess> Processes { get; init; }

    [Description("The site's capabilities are hidden from the caller.")]
    public required bool CapabilitiesHidden { get; init; }

    [Description("The equipment it demonstrates (none when the site's equipment is hidden from the caller).")]
    [MaxLength(20)]
    public required IReadOnlyList<Equipment> Equipment { get; init; }

    public required bool EquipmentHidden { get; init; }
}

public enum TopicKind
{
    [Description("A subject to talk about at the exchange meeting.")]
    Topic,
    [Description("A problem a firm wants help with; it may be posted without the firm's name.")]
    Challenge,
}

public enum TopicStatus
{
    Open,
    Withdrawn,
}

[Description("A topic or challenge a participant brings to an exchange meeting before the day.")]
public sealed record TopicInput
{
    public required TopicKind Kind { get; init; }

    [MinLength(1)]
    [MaxLength(200)]
    public required string Title { get; init; }

    [MaxLength(4000)]
    public string? Body { get; init; }

    [Description("A challenge without the firm's name: other participants do not see who posted it; the organisers do.")]
    public bool Anonymous { get; init; }

    [Description("Which of the caller's registrations posts it (default: its only one).")]
    public Guid? ParticipantId { get; init; }
}

[Description("The organisers give a topic a table to be discussed at (null: none).")]
public sealed record TopicTableInput
{
    [Range(0, 199)]
    public int? Table { get; init; }
}

public sealed record GatheringTopic
{
    public required Guid Id { get; init; }

    public required Guid GatheringId { get; init; }

    public required TopicKind Kind { get; init; }

    [MaxLength(200)]
    public required string Title { get; init; }

    [MaxLength(4000)]
    public string? Body { get; init; }

    public required bool Anonymous { get; init; }

    [Description("Who posted it; absent for an anonymous challenge unless the caller is an organiser or posted it.")]
    public Guid? ParticipantId { get; init; }

    [MaxLength(200)]
    public string? PostedBy { get; init; }

    [Description("The caller posted it.")]
    public required bool Mine { get; init; }

    [Description("The table it is discussed at (0-based).")]
    [Range(0, 199)]
    public int? Table { get; init; }

    public required TopicStatus Status { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
