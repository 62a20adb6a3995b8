using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Registry.Contracts.Problems;

namespace Registry.Contracts.Health;

[Description("The 503 answer of /readyz: a problem document that also lists every check.")]
public sealed record ReadinessProblem : Problem
{
    [MaxLength(16)]
    public required IReadOnlyList<ReadinessCheck> Checks { get; init; }
}
