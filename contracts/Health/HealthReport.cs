using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Health;

[Description("The process is alive. Says nothing about the database: see /readyz.")]
public sealed record HealthReport
{
    [Description("Always `alive` when the process answers.")]
    [MaxLength(16)]
    public required string Status { get; init; }
}
