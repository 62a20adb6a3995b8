using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Registry.Contracts.Audit;

[Description("One recorded write: who did what to which resource, with the state before and after (secrets redacted).")]
public sealed record AuditEntry
{
    public required Guid Id { get; init; }

    public required DateTimeOffset At { get; init; }

    [Description("`account`, `client` or `system`.")]
    [MaxLength(16)]
    public required string ActorKind { get; init; }

    [MaxLength(64)]
    public required string ActorId { get; init; }

    [Description("The account's display name or the API client's name, when the actor is known to this registry.")]
    [MaxLength(200)]
    public string? ActorName { get; init; }

    [Description("What happened, e.g. `account.created`, `auth.login`.")]
    [MaxLength(64)]
    public required string Action { get; init; }

    [MaxLength(64)]
    public required string Resource { get; init; }

    [MaxLength(64)]
    public required string ResourceId { get; init; }

    public JsonElement? Before { get; init; }

    public JsonElement? After { get; init; }

    [MaxLength(64)]
    public string? TraceId { get; init; }
}
