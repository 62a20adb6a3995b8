using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registry.Api.Http;

public static class JsonSetup
{
    /// <summary>One JSON dialect for every body the service reads and writes.</summary>
    public static IServiceCollection AddRegistryJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // Enum values by name only: a number (role 42) would bind to no member and reach the database.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
            options.SerializerOptions.Converters.Add(new RefusingJsonStrings());
            // One rule for every body: a field the request does not have, or one given twice, is refused (400), not ignored.
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.AllowDuplicateProperties = false;
        });
}
