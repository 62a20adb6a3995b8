using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Errors;

namespace Registry.Tests.Errors;

/// <summary>
/// Every field a request can carry has a Japanese and an English label, so that a message about it names it the way
/// the form does. The fields are read from the handlers themselves: their body records (every property path, nested
/// records included), their [AsParameters] query records and their plain query and route parameters; and every
/// contract record named *Input.
/// </summary>
public sealed class FieldLabelsTests
{
    private static readonly Assembly s_api = typeof(ProblemLanguage).Assembly;
    private static readonly Assembly s_contracts = typeof(Registry.Contracts.Page<>).Assembly;

    // Shared parts whose methods answer with results for handlers (a commit's answer, a representation) but are none.
    private static readonly HashSet<string> s_notHandlers = new(StringComparer.Ordinal) { "Registry.Api.Changes", "Registry.Api.Http" };

    [Fact]
    public void EveryFieldARequestCarriesHasAJapaneseAndAnEnglishLabel()
    {
        var fields = RequestFields();

        // The scan finds bodies, nested records, lists of records and query records, or it would prove nothing.
        Assert.Contains(fields, f => f.Path == "foundedYear");
        Assert.Contains(fields, f => f.Path == "contact.email");
        Assert.Contains(fields, f => f.Path == "steps.processCode");
        Assert.Contains(fields, f => f.Path == "region.centre.lat");
        Assert.Contains(fields, f => f.Path == "toleranceUm");
        Assert.Contains(fields, f => f.Path == "withinKm");
        var missing = fields
            .Where(f => FieldLabels.Find(f.Path) is not { Ja.Length: > 0, En.Length: > 0 })
            .Select(f => $"{f.Path} ({f.Where})")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0,
            $"{missing.Count} field(s) without a label; add them to api/Errors/FieldLabels.cs (Japanese as in client/src/lib/i18n/messages/ja.ts):\n"
            + string.Join("\n", missing));
    }

    [Fact]
    public void ALabelIsFoundWithoutIndexesAndByTheLongestKnownTail()
    {
        Assert.Equal("工程の種類", FieldLabels.Find("steps[2].processCode")?.Ja);
        Assert.Equal("中心の緯度", FieldLabels.Find("region.centre.lat")?.Ja);
        Assert.Equal("メールアドレス", FieldLabels.Find("contact.email")?.Ja);
        Assert.Equal("業種（日本標準産業分類）", FieldLabels.Find("industryCodes[0]")?.Ja);
        Assert.Null(FieldLabels.Find("noSuchField"));
    }

    [Fact]
    public void AnAreaOfTheApiCanNameAFieldItsOwnWay()
    {
        Assert.Equal("事業所名", FieldLabels.Find("nameJa", FieldLabels.ScopeOf("/api/v1/suppliers"))?.Ja);
        Assert.Equal("名称（日本語）", FieldLabels.Find("nameJa", FieldLabels.ScopeOf("/api/v1/clusters"))?.Ja);
        Assert.Equal("テーマ名", FieldLabels.Find("title", FieldLabels.ScopeOf($"/api/v1/clusters/{Guid.Empty}/themes"))?.Ja);
        Assert.Equal("件名", FieldLabels.Find("title", FieldLabels.ScopeOf("/api/v1/matching-requests"))?.Ja);
    }

    private sealed record Field(string Path, string Where);

    private static List<Field> RequestFields()
    {
        var fields = new List<Field>();
        var handlers = s_api.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => IsResult(m.ReturnType) && !s_notHandlers.Contains(m.DeclaringType!.Namespace ?? ""));
        foreach (var handler in handlers)
        {
            var where = $"{handler.DeclaringType!.Name}.{handler.Name}";
            foreach (var parameter in handler.GetParameters())
            {
                var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
                {
                    fields.AddRange(type.GetProperties().Select(p => new Field(p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? Camel(p.Name), where)));
                }
                else if (IsRecord(type))
                {
                    Walk(type, "", where, fields, []);
                }
                else if (handler.IsPublic && IsPlain(type))
                {
                    fields.Add(new Field(parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!, where));
                }
            }
        }

        // Bodies of generic handlers (a site's parts) are open type parameters there; every *Input record is a body.
        foreach (var input in s_contracts.GetTypes().Where(t => IsRecord(t) && t.Name.EndsWith("Input", StringComparison.Ordinal)))
        {
            Walk(input, "", input.Name, fields, []);
        }

        return fields;
    }

    private static void Walk(Type type, string prefix, string where, List<Field> fields, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var path = prefix + (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? Camel(property.Name));
            fields.Add(new Field(path, where));
            var inner = Element(property.PropertyType);
            if (IsRecord(inner))
            {
                Walk(inner, path + ".", where, fields, [.. seen]);
            }
        }
    }

    private static Type Element(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type != typeof(string) && type.GetInterfaces().Concat([type])
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } list
            ? list.GetGenericArguments()[0]
            : type;
    }

    private static bool IsResult(Type type)
    {
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        return typeof(IResult).IsAssignableFrom(type) && type != typeof(ProblemHttpResult);
    }

    private static bool IsRecord(Type type) => type.Assembly == s_contracts && type.IsClass && !type.IsAbstract;

    private static bool IsPlain(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element.IsPrimitive || element.IsEnum || element == typeof(string) || element == typeof(decimal) || element == typeof(Guid)
            || element == typeof(DateOnly) || element == typeof(DateTimeOffset) || element == typeof(DateTime);
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
