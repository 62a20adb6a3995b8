using System.Text.Json;
using System.Text.Json.Serialization;

// In the tests' root namespace, so that it is found before the JSON Schema library's root namespace "Json".
namespace Registry.IntegrationTests;

/// <summary>The wire format of the API (camelCase, snake_case enum values), for reading responses into contracts.</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
