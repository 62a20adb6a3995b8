using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Registry.Api.Http;
using Registry.Contracts.BulkImports;

namespace Registry.Api.Errors;

/// <summary>
/// Every problem leaves in the caller's language (Accept-Language: ja by default, en when preferred): its title, its
/// detail and each field message, which names the field by the label the SPA's form uses ("創業年は 1600〜2100 の
/// 範囲で入力してください。"). A validation problem's detail names the fields to check. The code writes messages in
/// English; <see cref="ProblemCatalog"/> holds their Japanese. Runs once per problem, where every problem passes
/// (ProblemSetup's CustomizeProblemDetails), and says the language in Content-Language.
/// </summary>
public static class ProblemLanguage
{
    public static void Apply(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var english = Language.IsEnglish(http.Request);
        http.Response.Headers.ContentLanguage = english ? "en" : "ja";
        AddVary(http.Response);

        var problem = context.ProblemDetails;
        var scope = FieldLabels.ScopeOf(http.Request.Path);
        problem.Title = problem.Title is null ? null : ProblemCatalog.Say(problem.Title, english);
        var fields = TranslateErrors(problem, english, scope);
        problem.Detail = fields.Count > 0 && problem.Detail is null or ProblemCatalog.SeeErrors
            ? FieldsToCheck(fields, english, scope)
            : problem.Detail is null ? null : ProblemCatalog.Say(problem.Detail, english);
    }

    /// <summary>A field message in the caller's language, with the field's label where the message does not name it.</summary>
    public static string Message(string message, string field, bool english, string? scope) =>
        ProblemCatalog.Say(message, english, FieldLabels.Find(field, scope), field);

    /// <summary>"創業年、メールアドレスを確認してください。" / "Check these fields: founded year, e-mail address."</summary>
    public static string FieldsToCheck(IEnumerable<string> fields, bool english, string? scope)
    {
        var labels = fields
            .Select(f => FieldLabels.Find(f, scope) is { } label ? (english ? label.En : label.Ja) : f)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return english
            ? $"Check {(labels.Count == 1 ? "this field" : "these fields")}: {string.Join(", ", labels)}."
            : $"{string.Join("、", labels)}を確認してください。";
    }

    // Translates the errors in place and returns the fields they name, in order.
    private static List<string> TranslateErrors(ProblemDetails problem, bool english, string? scope)
    {
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var (field, messages) in validation.Errors.ToList())
            {
                validation.Errors[field] = [.. messages.Select(m => Message(m, field, english, scope))];
            }

            return [.. validation.Errors.Keys];
        }

        switch (problem.Extensions.TryGetValue("errors", out var errors) ? errors : null)
        {
            case IDictionary<string, string[]> byField:
                problem.Extensions["errors"] = byField.ToDictionary(
                    e => e.Key, e => e.Value.Select(m => Message(m, e.Key, english, scope)).ToArray(), StringComparer.Ordinal);
                return [.. byField.Keys];
            case IEnumerable<ImportRowError> rows:
                problem.Extensions["errors"] = rows.Select(r => r with { Message = Message(r.Message, r.Column, english, scope) }).ToList();
                return [];
            default:
                return [];
        }
    }

    private static void AddVary(HttpResponse response)
    {
        var vary = response.Headers.Vary.ToString();
        if (!vary.Contains("Accept-Language", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers[HeaderNames.Vary] = vary.Length == 0 ? "Accept-Language" : vary + ", Accept-Language";
        }
    }
}
