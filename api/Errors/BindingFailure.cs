using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Registry.Api.Errors;

/// <summary>
/// Says in the API's words, in the caller's language, what ASP.NET Core's parameter binding and System.Text.Json
/// refused: a parameter that is not of its type, a required one missing, a missing body, a field the request does not
/// have or one given twice. The framework's messages name .NET types ("Nullable&lt;int&gt; Limit", "Implicit body
/// inferred…"), which mean nothing to a caller.
/// </summary>
public static partial class BindingFailure
{
    public static ProblemDetails? Explain(BadHttpRequestException bad, bool english)
    {
        if (bad.InnerException is JsonException json && json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return Problem(english, Field(json.Path), english ? "This request has no such field." : "この項目はありません。");
        }

        if (bad.InnerException is JsonException duplicate && duplicate.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(english, Field(duplicate.Path), english ? "The field is given more than once." : "同じ項目が二度あります。");
        }

        if (NotBound().Match(bad.Message) is { Success: true } notBound)
        {
            var (name, kind) = (Camel(notBound.Groups["name"].Value), notBound.Groups["type"].Value);
            return Problem(english, name, english ? $"Must be {Kind(kind, english)}." : $"{Kind(kind, english)}で指定してください。");
        }

        if (Missing().Match(bad.Message) is { Success: true } missing)
        {
            return Problem(english, Camel(missing.Groups["name"].Value), english ? "Required." : "必須です。");
        }

        return bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.Contains("body was provided", StringComparison.Ordinal)
            ? Problem(english, "body", english ? "This request needs a JSON body." : "JSON の本文が必要です。")
            : null;
    }

    private static ProblemDetails Problem(bool english, string field, string message) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Type = ProblemTypes.Validation,
        Title = english ? "Validation failed" : "入力内容に誤りがあります",
        Detail = english ? "One or more fields are invalid; see errors." : "項目ごとの理由は errors をご覧ください。",
        Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
    };

    private static string Kind(string type, bool english) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>') switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => english ? "a whole number" : "整数",
        "double" or "decimal" or "float" or "Double" => english ? "a number" : "数値",
        "bool" or "Boolean" => english ? "true or false" : "true または false",
        "Guid" => english ? "an id (UUID)" : "ID（UUID 形式）",
        "DateTimeOffset" or "DateTime" => english ? "a date and time (ISO 8601)" : "日時（ISO 8601 形式）",
        "DateOnly" => english ? "a date (YYYY-MM-DD)" : "日付（YYYY-MM-DD 形式）",
        _ => english ? "a valid value" : "正しい値",
    };

    // "$.contact.email" names the field contact.email.
    private static string Field(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from""")]
    private static partial Regex NotBound();

    [GeneratedRegex("""^Required parameter "(?<type>[^ "]+) (?<name>[^"]+)" was not provided""")]
    private static partial Regex Missing();
}
