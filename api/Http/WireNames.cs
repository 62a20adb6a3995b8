using System.Text.Json;

namespace Registry.Api.Http;

/// <summary>
/// Enum values on the wire are snake_case (as the JSON converter writes them). Query strings bind through this, so
/// that `sort=distance` and `kinds=equipment_types` read the same as in a JSON body.
/// </summary>
public static class WireNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static string[] All<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(Of)];

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>A value stored by its wire name (the database's CHECK keeps it one of them).</summary>
    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}.");
}
