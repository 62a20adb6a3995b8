using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>One operation of the contract, with what the fuzz test needs of it.</summary>
public sealed record ContractOperation(string Method, string Template, IReadOnlyList<JsonObject> Parameters, JsonObject? Body)
{
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>One request the fuzz test sends, kept as text so that a failure can show it whole.</summary>
public sealed record FuzzCase(ContractOperation Operation, string Kind, string PathAndQuery, string? MediaType, string? Body, string? IfMatch)
{
    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), PathAndQuery);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (MediaType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(MediaType);
            }
        }

        if (IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        }

        return request;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : $" [{MediaType ?? "no Content-Type"}] {(Body.Length <= 300 ? Body : Body[..300] + $"… ({Body.Length} chars)")}";
        return $"{Operation.Method} {PathAndQuery}{body}";
    }
}

/// <summary>
/// Requests that break the contract of an operation on purpose, generated from the contract itself. Each one is invalid
/// by construction: a request with a body always gets at least one invalid part of the body (the service must never
/// write), one without a body gets a malformed or unknown path id or an unknown or invalid query parameter. All other
/// parts are as valid as this class knows how to make them (real ids from <paramref name="realValue"/>, the property
/// values in <see cref="s_goodStrings"/>), so that the one invalid part is what the service has to catch.
/// </summary>
public sealed class InvalidRequests(JsonObject document, Func<string, string, string?> realValue, Random random)
{
    private const string Raw = "\u0001raw:";

    // Values the service accepts for these properties, so that a base body is valid except where it is made invalid.
    private static readonly Dictionary<string, string> s_goodStrings = new(StringComparer.Ordinal)
    {
        ["nameJa"] = "ファズ精工",
        ["title"] = "ファズ試験",
        ["prefectureCode"] = "23",
        ["prefectures"] = "23",
        ["municipalityCode"] = "232114",
        ["processCode"] = "machining.milling.5axis",
        ["steps"] = "machining.turning",
        ["valueChain"] = "machining.turning",
        ["typeCode"] = "machining_centre.5axis",
        ["qualificationCode"] = "welding.jis_z3801",
        ["code"] = "iso_9001",
        ["industryCodes"] = "25",
        ["email"] = "nobody@fuzz.test.example",
        ["password"] = "not anybody's password at all",
        ["url"] = "http://127.0.0.1:9/hooks",
        ["eventTypes"] = "supplier.archived",
        ["scopes"] = "feed:read",
        ["grant_type"] = "client_credentials",
        ["client_secret"] = "not the secret of any client",
    };

    // No U+0000: the test server refuses a path with one before the service sees it (Kestrel answers 400 itself).
    private static readonly string[] s_malformedIds = ["not-a-uuid", "123", "\u0007", "00000000-0000-0000-0000-00000000000g", new string('a', 300), "e30", "-1", "1e400", "NaN"];
    private static readonly string[] s_malformedCursors = ["e30", "abc", "eyJ4IjoxfQ", "eyJ4IjoxfQ==", "!!!", "\0", new string('A', 2000)];
    private static readonly string[] s_controlStrings = ["\0", "a\0b", "\u0007", "x\u0007y"];
    private static readonly string[] s_notJson = ["{", "not json", "<fuzz/>", "{\"a\":}", "[1,2", "\0", "{'a':1}"];
    private static readonly string[] s_notCsv = ["name_ja\n\"unterminated", "a\0b\n\0", "\u0007"];
    private static readonly string[] s_wrongShapes = ["[]", "\"fuzz\"", "42", "true", "null"];

    public IReadOnlyList<ContractOperation> Operations { get; } = Read(document);

    /// <summary>A new invalid request for the operation; <see cref="FuzzCase.Kind"/> names what was made invalid.</summary>
    public FuzzCase Next(ContractOperation operation)
    {
        var path = operation.Parameters.Where(p => (string?)p["in"] == "path").ToList();
        var query = operation.Parameters.Where(p => (string?)p["in"] == "query").ToList();
        var pathValues = path.ToDictionary(p => (string)p["name"]!, p => realValue(operation.Template, (string)p["name"]!) ?? Guid.NewGuid().ToString());
        var queryValues = new List<(string Name, string Value)>();
        var kinds = new List<string>();

        // Requests without a body need an invalid path or query; those with one may add that to an invalid body.
        var withoutBody = operation.Body is null;
        if (path.Count > 0 && (withoutBody ? random.Next(3) < 2 : random.Next(4) == 0))
        {
            var parameter = path[random.Next(path.Count)];
            var name = (string)parameter["name"]!;
            var unknown = random.Next(2) == 0;
            pathValues[name] = unknown ? ((string?)parameter["schema"]?["format"] == "uuid" ? Guid.NewGuid().ToString() : "no-such-" + name) : Pick(s_malformedIds);
            kinds.Add(unknown ? $"unknown {name}" : $"malformed {name}");
        }

        if (withoutBody ? kinds.Count == 0 || random.Next(4) == 0 : random.Next(4) == 0)
        {
            kinds.Add(InvalidQuery(query, queryValues));
        }

        string? mediaType = null;
        string? body = null;
        if (operation.Body is { } content)
        {
            (mediaType, body, var kind) = InvalidBody(content);
            kinds.Add(kind);
        }

        var target = path.Aggregate(operation.Template, (t, p) => t.Replace("{" + (string)p["name"]! + "}", Uri.EscapeDataString(pathValues[(string)p["name"]!]), StringComparison.Ordinal));
        if (queryValues.Count > 0)
        {
            target += "?" + string.Join("&", queryValues.Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value)));
        }

        var ifMatch = operation.Parameters.Any(p => (string?)p["name"] == "If-Match") ? "\"1\"" : null;
        return new FuzzCase(operation, string.Join(" + ", kinds), target, mediaType, body, ifMatch);
    }

    private string InvalidQuery(List<JsonObject> declared, List<(string Name, string Value)> values)
    {
        if (declared.Count == 0 || random.Next(3) == 0)
        {
            // Names the service ignores case of would not be unknown: these differ in letters.
            var name = declared.Count > 0 && random.Next(2) == 0 ? (string)declared[random.Next(declared.Count)]["name"]! + "x" : "fuzz";
            values.Add((name, "1"));
            return "unknown query parameter";
        }

        var parameter = declared[random.Next(declared.Count)];
        var parameterName = (string)parameter["name"]!;
        var schema = Resolve(parameter["schema"]!.AsObject());
        if (parameterName == "cursor")
        {
            values.Add((parameterName, Pick(s_malformedCursors)));
            return "malformed cursor";
        }

        var item = (string?)schema["type"] == "array" ? Resolve(schema["items"]!.AsObject()) : schema;
        var (value, kind) = InvalidScalar(item, query: true);
        values.Add((parameterName, value));
        return $"{kind} in query {parameterName}";
    }

    /// <summary>A value that cannot be a valid instance of this scalar schema, written as in a query string.</summary>
    private (string Value, string Kind) InvalidScalar(JsonObject schema, bool query)
    {
        var type = (string?)schema["type"];
        var format = (string?)schema["format"];
        var choices = new List<(string, string)>();
        switch (type)
        {
            case "integer":
                choices.Add((Pick(["abc", "1.5", "0x10", "true"]), "wrong type"));
                choices.Add((format == "int64" ? "99999999999999999999" : Pick(["2147483648", "-2147483649", "99999999999"]), "huge number"));
                break;
            case "number":
                choices.Add((Pick(["abc", "1,5", "true"]), "wrong type"));
                choices.Add((Pick(["NaN", "Infinity", "-Infinity", "1e400", "-1e400"]), "not a finite number"));
                break;
            case "boolean":
                choices.Add((Pick(["maybe", "2", "yes!"]), "wrong type"));
                break;
            default:
                choices.Add((Pick(s_controlStrings), "control character"));
                if (schema["enum"] is JsonArray)
                {
                    choices.Add(("no_such_value", "unknown enum value"));
                }

                if (format is "date" or "date-time" or "uuid")
                {
                    choices.Add((Pick(["2024-13-45", "yesterday", "2024-02-30T25:61:00Z", "0"]), $"malformed {format}"));
                }

                break;
        }

        if (schema["minimum"] is JsonValue min && !(query && schema["exclusiveMinimum"] is not null))
        {
            choices.Add(((min.GetValue<decimal>() - 1).ToString(CultureInfo.InvariantCulture), "below minimum"));
        }

        if (schema["maximum"] is JsonValue max)
        {
            choices.Add(((max.GetValue<decimal>() + 1).ToString(CultureInfo.InvariantCulture), "above maximum"));
        }

        if (schema["maxLength"] is JsonValue maxLength && maxLength.GetValue<int>() < 100_000)
        {
            choices.Add((new string(random.Next(2) == 0 ? 'x' : 'あ', maxLength.GetValue<int>() + 1 + random.Next(20)), "over-long string"));
        }

        return choices[random.Next(choices.Count)];
    }

    private (string? MediaType, string? Body, string Kind) InvalidBody(JsonObject content)
    {
        var types = content.Select(c => c.Key).ToList();
        var declaredType = types[random.Next(types.Count)];
        var schema = Resolve(content[declaredType]!["schema"]!.AsObject());
        var form = declaredType == "application/x-www-form-urlencoded";
        var structured = form || declaredType == "application/json";
        var roll = random.Next(structured ? 10 : 3);
        switch (roll)
        {
            case 0:
                var wrongType = Pick(new[] { "text/plain", "application/xml", "multipart/form-data; boundary=fuzz", form ? "application/json" : "application/x-www-form-urlencoded" }
                    .Where(t => !types.Contains(t.Split(';')[0])).ToArray());
                return (wrongType, structured ? Serialize(Sample(schema, ""), form) : "fuzz", "body of the wrong content type");
            case 1:
                return (declaredType, "", "empty body");
            case 2 when form:
                return (declaredType, "%zz=%", "malformed form");
            case 2 when structured:
                return (declaredType, Pick(s_notJson), "non-JSON body");
            case 2:
                return (declaredType, Pick(s_notCsv), "malformed text");
            case 3 when !form:
                // An empty array is of the right shape for a body that is an array.
                return (declaredType, Pick(s_wrongShapes.Where(s => !(s == "[]" && (string?)schema["type"] == "array")).ToArray()), "JSON of the wrong shape");
            default:
                var (body, kind) = InvalidStructure(schema, form);
                return (declaredType, Serialize(body, form), kind);
        }
    }

    /// <summary>A sample of the schema with one property made invalid (and sometimes a property it does not declare added).</summary>
    private (JsonNode Body, string Kind) InvalidStructure(JsonObject schema, bool form)
    {
        var slots = new List<(string[] Path, JsonObject Schema)>();
        Slots(schema, [], slots, form ? 1 : 4);
        var options = new List<(string[] Path, Func<(JsonNode? Value, string Kind)> Make)>();
        foreach (var (path, slot) in slots)
        {
            var where = string.Join(".", path).Replace(".[]", "[]", StringComparison.Ordinal);
            if ((string?)slot["type"] == "string" || slot["enum"] is JsonArray)
            {
                options.Add((path, () => (Pick(s_controlStrings), $"control character in {where}")));
            }

            if (form)
            {
                // A form has only strings: neither types nor numbers to get wrong.
                if (slot["maxLength"] is JsonValue formLength)
                {
                    options.Add((path, () => (new string('x', formLength.GetValue<int>() + 1 + random.Next(20)), $"over-long {where}")));
                }

                continue;
            }

            options.Add((path, () => WrongType(slot, where)));
            if (HasBounds(slot))
            {
                options.Add((path, () => Pick(OutOfRange(slot, where).ToArray())));
            }
        }

        foreach (var required in Required(schema))
        {
            options.Add(([required], () => (Raw + "remove", $"missing required {required}")));
        }

        var (chosenPath, make) = options[random.Next(options.Count)];
        var (value, kind) = make();
        var body = Build(schema, chosenPath, 0, value, "");
        if (random.Next(3) == 0 && body is JsonObject top)
        {
            // The contract says additionalProperties: false; added to an already invalid body, so a service that
            // ignores unknown properties still writes nothing.
            top["fuzzUnknown"] = random.Next(2) == 0 ? 1 : "x";
            kind += " + unknown property";
        }

        return (body!, kind);
    }

    private static bool HasBounds(JsonObject slot) =>
        (string?)slot["type"] is "integer" or "number" || (int?)slot["maxLength"] < 100_000 || (int?)slot["minLength"] > 0
        || ((string?)slot["type"] == "array" && (int?)slot["maxItems"] < 1000);

    /// <summary>The values past the schema's bounds (and the numbers no type holds), each with what it is.</summary>
    private List<(JsonNode? Value, string Kind)> OutOfRange(JsonObject slot, string where)
    {
        var choices = new List<(JsonNode?, string)>();
        var type = (string?)slot["type"];
        if (slot["minimum"] is JsonValue min)
        {
            choices.Add((JsonValue.Create(min.GetValue<decimal>() - (type == "integer" ? 1 : 0.5m)), $"below minimum {where}"));
        }

        if (slot["maximum"] is JsonValue max)
        {
            choices.Add((JsonValue.Create(max.GetValue<decimal>() + (type == "integer" ? 1 : 0.5m)), $"above maximum {where}"));
        }

        if (type == "integer")
        {
            choices.Add((Raw + ((string?)slot["format"] == "int64" ? "99999999999999999999" : "2147483648"), $"huge number {where}"));
        }

        if (type == "number")
        {
            // As bare tokens (not JSON) and as the strings a lenient reader might take for numbers.
            choices.Add((Raw + Pick(["NaN", "Infinity", "-Infinity", "1e400"]), $"non-finite number {where}"));
            choices.Add((Pick(["NaN", "Infinity", "-Infinity"]), $"non-finite number {where}"));
        }

        if (slot["maxLength"] is JsonValue maxLength && maxLength.GetValue<int>() < 100_000)
        {
            choices.Add((new string(random.Next(2) == 0 ? 'x' : 'あ', maxLength.GetValue<int>() + 1 + random.Next(50)), $"over-long {where}"));
        }

        if (slot["minLength"] is JsonValue minLength && minLength.GetValue<int>() > 0)
        {
            choices.Add(("", $"empty {where}"));
        }

        if (type == "array" && slot["maxItems"] is JsonValue maxItems && maxItems.GetValue<int>() < 1000)
        {
            var items = new JsonArray();
            for (var i = 0; i <= maxItems.GetValue<int>(); i++)
            {
                items.Add(Sample(Resolve(slot["items"]!.AsObject()), ""));
            }

            choices.Add((items, $"too many items in {where}"));
        }

        return choices;
    }

    /// <summary>A JSON value no serializer may read as an instance of the schema (numbers in strings are read as numbers).</summary>
    private (JsonNode? Value, string Kind) WrongType(JsonObject slot, string where)
    {
        if (slot["enum"] is JsonArray && random.Next(4) == 0)
        {
            // An enum's number, which some enum converters take (and then hold a member that does not exist).
            return (42, $"integer for enum {where}");
        }

        var value = (string?)slot["type"] switch
        {
            "integer" or "number" => Pick<JsonNode?>(["abc", true, new JsonObject(), new JsonArray()]),
            "boolean" => Pick<JsonNode?>(["yes", 1, new JsonObject(), new JsonArray()]),
            "array" => Pick<JsonNode?>(["x", 1, new JsonObject()]),
            "object" => Pick<JsonNode?>(["x", 1, new JsonArray()]),
            _ when slot["enum"] is JsonArray => Pick<JsonNode?>([true, new JsonObject(), new JsonArray()]),
            _ => Pick<JsonNode?>([42, true, new JsonObject(), new JsonArray()]),
        };
        return (value, $"wrong type of {where}");
    }

    /// <summary>The schema's properties (through objects and array items), with the path to each.</summary>
    private void Slots(JsonObject schema, string[] path, List<(string[], JsonObject)> slots, int depth)
    {
        schema = Resolve(schema);
        if (path.Length > 0)
        {
            slots.Add((path, schema));
        }

        if (depth == 0)
        {
            return;
        }

        if ((string?)schema["type"] == "array" && schema["items"] is JsonObject items)
        {
            Slots(items, [.. path, "[]"], slots, depth - 1);
        }

        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            Slots(property!.AsObject(), [.. path, name], slots, depth - 1);
        }
    }

    /// <summary>A sample of the schema whose value at the path is replaced (or removed).</summary>
    private JsonNode? Build(JsonObject schema, string[] path, int at, JsonNode? leaf, string name)
    {
        schema = Resolve(schema);
        if (at == path.Length)
        {
            return leaf;
        }

        if (path[at] == "[]")
        {
            return new JsonArray(Build(schema["items"]!.AsObject(), path, at + 1, leaf, name));
        }

        var sample = (JsonObject)Sample(schema, name)!;
        if (leaf is JsonValue remove && at == path.Length - 1 && remove.TryGetValue<string>(out var text) && text == Raw + "remove")
        {
            sample.Remove(path[at]);
            return sample;
        }

        sample[path[at]] = Build(schema["properties"]![path[at]]!.AsObject(), path, at + 1, leaf, path[at]);
        return sample;
    }

    /// <summary>A valid instance of the schema as far as this class knows: required properties only.</summary>
    private JsonNode? Sample(JsonObject schema, string name)
    {
        schema = Resolve(schema);
        if (schema["enum"] is JsonArray values)
        {
            return values.First(v => v is not null)!.DeepClone();
        }

        var format = (string?)schema["format"];
        switch ((string?)schema["type"])
        {
            case "object":
                var sample = new JsonObject();
                foreach (var required in Required(schema))
                {
                    sample[required] = Sample(schema["properties"]![required]!.AsObject(), required);
                }

                return sample;
            case "array":
                return new JsonArray(Sample(schema["items"]!.AsObject(), name));
            case "integer":
            case "number":
                var minimum = (decimal?)schema["minimum"] ?? 1;
                return JsonValue.Create(schema["maximum"] is JsonValue max ? Math.Min(Math.Max(minimum, 1), max.GetValue<decimal>()) : Math.Max(minimum, 1));
            case "boolean":
                return false;
            default:
                return s_goodStrings.TryGetValue(name, out var good) ? good
                    : format == "uuid" ? realValue("", name) ?? Guid.NewGuid().ToString()
                    : format == "date" ? "2030-01-15"
                    : format == "date-time" ? "2030-01-15T00:00:00Z"
                    : format == "email" ? "nobody@fuzz.test.example"
                    : format == "uri" ? "https://fuzz.test.example/"
                    : new string('x', Math.Max(4, (int?)schema["minLength"] ?? 0));
        }
    }

    private static IEnumerable<string> Required(JsonObject schema) =>
        schema["required"]?.AsArray().Select(r => (string)r!) ?? [];

    private static string Serialize(JsonNode? body, bool form)
    {
        if (form)
        {
            var fields = body?.AsObject().Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value?.ToString() ?? "")) ?? [];
            return string.Join("&", fields);
        }

        // Tokens that are not JSON (NaN, a number too large for any type) are spliced in after serializing.
        var text = body?.ToJsonString() ?? "null";
        var at = text.IndexOf("\"\\u0001raw:", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var end = text.IndexOf('"', at + 1);
        return text[..at] + text[(at + "\"\\u0001raw:".Length)..end] + text[(end + 1)..];
    }

    private JsonObject Resolve(JsonObject schema)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            return Resolve(((string)reference!)["#/".Length..].Split('/').Aggregate((JsonNode)document, (n, part) => n[part]!).AsObject());
        }

        return schema["allOf"] is JsonArray { Count: > 0 } all ? Resolve(all[0]!.AsObject())
            : schema["oneOf"] is JsonArray { Count: > 0 } one ? Resolve(one[0]!.AsObject())
            : schema["anyOf"] is JsonArray { Count: > 0 } any ? Resolve(any[0]!.AsObject())
            : schema;
    }

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];

    private static List<ContractOperation> Read(JsonObject document)
    {
        var operations = new List<ContractOperation>();
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is not JsonObject spec || method == "parameters")
                {
                    continue;
                }

                var parameters = (spec["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()).ToList();
                operations.Add(new ContractOperation(method.ToUpperInvariant(), template, parameters, spec["requestBody"]?["content"]?.AsObject()));
            }
        }

        return operations;
    }
}
