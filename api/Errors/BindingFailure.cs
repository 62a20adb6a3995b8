using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Registry.Api.Errors;

/// <summary>
/// Says in the API's words what ASP.NET Core's parameter binding and System.Text.Json refused: a parameter that is not
/// of its type, a required one missing, a missing body, a field the request does not have or one given twice. The
/// framework's messages name .NET types ("Nullable&lt;int&gt; Limit", "Implicit body inferred…"), which mean nothing
/// to a caller. Written in English; <see cref="ProblemLanguage"/> puts the problem in the caller's language.
/// </summary>
public static partial class BindingFailure
{
    public static ProblemDetails? Explain(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json && json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return Problem(Field(json.Path), "This request has no such field.");
        }

        if (bad.InnerException is JsonException duplicate && duplicate.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return Problem(Field(duplicate.Path), "The field is given more than once.");
        }

        if (NotBound().Match(bad.Message) is { Success: true } notBound)
        {
            var (name, kind) = (Camel(notBound.Groups["name"].Value), notBound.Groups["type"].Value);
            return Problem(name, MustBe(kind));
        }

        if (Missing().Match(bad.Message) is { Success: true } missing)
        {
            return Problem(Camel(missing.Groups["name"].Value), Http.Validation.Required);
        }

        return bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.Contains("body was provided", StringComparison.Ordinal)
            ? Problem("body", "This request needs a JSON body.")
            : null;
    }

    private static ProblemDetails Problem(string field, string message) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Type = ProblemTypes.Validation,
        Title = "Validation failed",
        Detail = ProblemCatalog.SeeErrors,
        Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
    };

    private static string MustBe(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>') switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "Must be a whole number.",
        "double" or "decimal" or "float" or "Double" => "Must be a number.",
        "bool" or "Boolean" => "Must be true or false.",
        "Guid" => "Must be an id (UUID).",
        "DateTimeOffset" or "DateTime" => "Must be a date and time (ISO 8601).",
        "DateOnly" => "Must be a date (YYYY-MM-DD).",
        _ => "Must be a valid value.",
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
