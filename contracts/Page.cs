using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts;

[Description("One page of a list. Pass nextCursor as cursor to get the next page; it is absent on the last page.")]
public sealed record Page<T>
{
    [MaxLength(200)]
    public required IReadOnlyList<T> Items { get; init; }

    [MaxLength(1024)]
    public string? NextCursor { get; init; }
}
