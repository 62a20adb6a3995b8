using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registry.Api.Http;

/// <summary>
/// How the service writes JSON it keeps in PostgreSQL (audit states, saved request bodies): as on the wire —
/// camelCase names, snake_case enum names — so that what is stored reads like what the API answers.
/// </summary>
public static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
