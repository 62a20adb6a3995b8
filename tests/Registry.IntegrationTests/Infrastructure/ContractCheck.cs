using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>
/// The contract is what the service answers: every response an integration test receives through the factory's
/// clients is checked against the published contract — the operation exists, its status is declared, a JSON body
/// matches the declared schema, and the declared headers are present. An undeclared answer fails the test that
/// provoked it. The contract is read from the service's own /swagger/v1/swagger.json, which
/// <see cref="OpenApiContractTests"/> holds equal to the committed openapi.yaml.
/// </summary>
public sealed partial class Contract
{
    private const string Base = "urn:registry:contract";

    // Sent only when the request names an allowed Origin (CORS); every other declared header must be there.
    private static readonly HashSet<string> s_conditionalHeaders = new(StringComparer.OrdinalIgnoreCase) { "Access-Control-Allow-Origin" };

    private readonly List<(Regex Pattern, string Template, JsonObject Item)> _paths = [];
    private readonly JsonObject _components;
    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Contract(string openApiJson)
    {
        var document = JsonNode.Parse(openApiJson)!.AsObject();
        _components = document["components"]!.AsObject();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            var pattern = "^" + ParameterPattern().Replace(Regex.Escape(template).Replace("\\{", "{", StringComparison.Ordinal), "[^/]+") + "$";
            _paths.Add((new Regex(pattern, RegexOptions.CultureInvariant), template, item!.AsObject()));
        }

        // Literal segments win over parameters (/suppliers/verification-queue before /suppliers/{id}).
        _paths.Sort((a, b) => b.Template.Count(c => c != '{').CompareTo(a.Template.Count(c => c != '{')));
        var defs = new JsonObject();
        foreach (var (name, schema) in _components["schemas"]!.AsObject())
        {
            defs[name] = ToJsonSchema(schema!.DeepClone());
        }

        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$id"] = Base, ["$defs"] = defs };
        _build.SchemaRegistry.Register(JsonSchema.FromText(root.ToJsonString(), _build));
    }

    /// <summary>What in this exchange the contract does not declare (empty when all is declared).</summary>
    public IReadOnlyList<string> Violations(HttpRequestMessage request, HttpResponseMessage response, byte[] body)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal) && !_paths.Exists(p => p.Template == path))
        {
            return [];
        }

        var status = (int)response.StatusCode;
        var what = $"{request.Method} {request.RequestUri.PathAndQuery} → {status}";
        var match = _paths.Find(p => p.Pattern.IsMatch(path));
        if (match.Item is null)
        {
            // Any path under /api that does not exist answers 404 with a problem; nothing else may be answered there.
            return status == 404 && response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? [] : [$"{what}: no such path in the contract"];
        }

        if (match.Item[request.Method.Method.ToLowerInvariant()] is not JsonObject operation)
        {
            // A method the path does not have: 405 naming the ones it has is the declared behaviour of every path.
            return status == 405 && response.Content.Headers.Allow.Count > 0 ? [] : [$"{what}: {request.Method} is not declared for {match.Template}"];
        }

        var responses = operation["responses"]!.AsObject();
        if ((responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"]) is not JsonObject declared)
        {
            return [$"{what}: status {status} is not declared for {request.Method} {match.Template} (declared: {string.Join(", ", responses.Select(r => r.Key))})"];
        }

        declared = Resolve(declared);
        var problems = new List<string>();
        foreach (var (name, _) in declared["headers"]?.AsObject() ?? [])
        {
            if (!s_conditionalHeaders.Contains(name) && !response.Headers.NonValidated.Contains(name) && !response.Content.Headers.NonValidated.Contains(name))
            {
                problems.Add($"{what}: declared header {name} is missing");
            }
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var content = declared["content"]?.AsObject();
        if (body.Length == 0 || mediaType is null)
        {
            return problems;
        }

        if (content is null || content[mediaType] is not JsonObject media)
        {
            problems.Add($"{what}: content type {mediaType} is not declared (declared: {string.Join(", ", content?.Select(c => c.Key) ?? [])})");
            return problems;
        }

        // JSON bodies as a whole; NDJSON line by line (the schema is that of one line).
        var lines = mediaType is "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal) ? [body]
            : mediaType == "application/x-ndjson" ? System.Text.Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(System.Text.Encoding.UTF8.GetBytes)
            : [];
        if (media["schema"] is not JsonNode schema)
        {
            return problems;
        }

        foreach (var line in lines)
        {
            JsonElement instance;
            try
            {
                instance = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException ex)
            {
                problems.Add($"{what}: the body is not JSON ({ex.Message})");
                return problems;
            }

            var results = SchemaFor($"{match.Template} {request.Method} {status} {mediaType}", schema)
                .Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!results.IsValid)
            {
                var errors = (results.Details ?? [])
                    .Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                    .Take(5);
                problems.Add($"{what}: the body does not match the declared schema: {string.Join("; ", errors)}\n{Truncate(System.Text.Encoding.UTF8.GetString(line))}");
                return problems;
            }
        }

        return problems;
    }

    private JsonSchema SchemaFor(string key, JsonNode schema)
    {
        lock (_lock)
        {
            if (!_schemas.TryGetValue(key, out var built))
            {
                var converted = ToJsonSchema(schema.DeepClone()).AsObject();
                converted["$schema"] = "https://json-schema.org/draft/2020-12/schema";
                converted["$id"] = $"{Base}:{_schemas.Count}";
                built = JsonSchema.FromText(converted.ToJsonString(), _build);
                _schemas[key] = built;
            }

            return built;
        }
    }

    private JsonObject Resolve(JsonObject node) =>
        node["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/components/", StringComparison.Ordinal)
            ? Resolve(reference["#/components/".Length..].Split('/').Aggregate((JsonNode)_components, (n, part) => n[part]!).AsObject())
            : node;

    /// <summary>OpenAPI 3.0's schema dialect as JSON Schema 2020-12: nullable, boolean exclusive bounds, component references.</summary>
    private static JsonNode ToJsonSchema(JsonNode node)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                array[i] = array[i] is { } item ? ToJsonSchema(item.DeepClone()) : null;
            }

            return array;
        }

        if (node is not JsonObject schema)
        {
            return node;
        }

        foreach (var name in schema.Select(p => p.Key).ToList())
        {
            // Examples and other values are data, not schemas.
            if (name is not ("example" or "examples" or "enum" or "default" or "const") && schema[name] is { } child)
            {
                schema[name] = ToJsonSchema(child.DeepClone());
            }
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
        {
            schema["$ref"] = $"{Base}#/$defs/{reference["#/components/schemas/".Length..]}";
        }

        foreach (var (flag, bound) in new[] { ("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum") })
        {
            if (schema[flag] is JsonValue exclusive && exclusive.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                schema.Remove(flag);
                if (exclusive.GetValue<bool>() && schema[bound] is { } value)
                {
                    schema.Remove(bound);
                    schema[flag] = value.DeepClone();
                }
            }
        }

        if (schema["nullable"] is JsonValue nullable)
        {
            schema.Remove("nullable");
            if (nullable.GetValue<bool>())
            {
                if (schema["enum"] is JsonArray values && !values.Any(v => v is null))
                {
                    values.Add(null);
                }

                if (schema["type"] is JsonValue type)
                {
                    schema["type"] = new JsonArray(type.GetValue<string>(), "null");
                }
                else
                {
                    var copy = schema.DeepClone();
                    schema.Clear();
                    schema["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" });
                }
            }
        }

        return schema;
    }

    private static string Truncate(string text) => text.Length <= 600 ? text : text[..600] + "…";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex ParameterPattern();
}

/// <summary>Checks each exchange of a test client against the <see cref="Contract"/>.</summary>
public sealed class ContractCheck(Func<Contract?> contract) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (contract() is not { } known)
        {
            return response;
        }

        // Read once and put back, so the test reads the same body.
        var body = response.Content is null ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = response.Content?.Headers.ToList() ?? [];
        response.Content = new ByteArrayContent(body);
        foreach (var (name, values) in headers)
        {
            response.Content.Headers.TryAddWithoutValidation(name, values);
        }

        if (known.Violations(request, response, body) is { Count: > 0 } violations)
        {
            Assert.Fail("The service answered outside its contract (openapi.yaml):\n" + string.Join("\n", violations));
        }

        return response;
    }
}
