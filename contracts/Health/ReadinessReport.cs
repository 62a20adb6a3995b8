using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Health;

[Description("Whether this process can serve requests: the database answers and every migration is applied.")]
public sealed record ReadinessReport
{
    [Description("`ready` when every check is `ok`.")]
    public required ReadinessStatus Status { get; init; }

    [Description("One entry per dependency that was checked.")]
    [MaxLength(16)]
    public required IReadOnlyList<ReadinessCheck> Checks { get; init; }
}

[Description("The result of checking one dependency.")]
public sealed record ReadinessCheck
{
    [Description("What was checked: `database`, `migrations` or `search_index`.")]
    [MaxLength(32)]
    public required string Name { get; init; }

    public required CheckStatus Status { get; init; }

    [Description("Why the check failed, in words an operator can act on.")]
    [MaxLength(500)]
    public string? Detail { get; init; }
}

public enum ReadinessStatus
{
    Ready,
    NotReady,
}

public enum CheckStatus
{
    Ok,
    Failing,
}
