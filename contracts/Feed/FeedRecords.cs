using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Registry.Contracts.Feed;

[Description("One committed change: what happened to which resource, the fields that changed, and the resource as it "
    + "then was (absent for a tombstone: the resource is gone or no longer visible to the caller's level).")]
public sealed record FeedEvent
{
    [Description("Resource and what happened, e.g. cluster.published, matching_request.opened.")]
    [MaxLength(80)]
    public required string Type { get; init; }

    [MaxLength(40)]
    public required string Resource { get; init; }

    public required Guid ResourceId { get; init; }

    [Description("The supplier site the event concerns, if any.")]
    public Guid? SupplierId { get; init; }

    [Range(1, int.MaxValue)]
    public int? Version { get; init; }

    [MaxLength(100)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> Changed { get; init; }

    [Description("The resource's representation after the change; absent for a tombstone.")]
    public JsonElement? Data { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    [Description("Resume after this event with this cursor.")]
    [MaxLength(100)]
    public required string Cursor { get; init; }
}

[Description("Events in commit order. Keep nextCursor and ask again with it: it is always present, also when the page "
    + "is empty, and a later request returns what committed since.")]
public sealed record FeedPage
{
    [MaxLength(1000)]
    public required IReadOnlyList<FeedEvent> Items { get; init; }

    [MaxLength(100)]
    public required string NextCursor { get; init; }
}
