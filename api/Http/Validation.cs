using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Registry.Api.Errors;

namespace Registry.Api.Http;

/// <summary>
/// Validates request bodies against the data annotations of their contract records before the handler runs, and
/// answers 400 with the field errors (camelCase names, as on the wire) when any fails.
/// </summary>
public static class Validation
{
    public static RouteHandlerBuilder ValidateBody<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var body = invocation.Arguments.OfType<T>().FirstOrDefault();
            if (body is null)
            {
                return Problems.Validation("body", "A JSON body is required.");
            }

            var errors = Errors(body);
            return errors.Count == 0 ? await next(invocation) : Problems.Validation(errors);
        });

    public static Dictionary<string, string[]> Errors(object body)
    {
        // What data annotations do not say: numbers are finite (checked first: [Range] with whole bounds throws on NaN),
        // and each item of a list keeps its declared length.
        var results = new List<ValidationResult>();
        var nonFinite = false;
        foreach (var property in body.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(body);
            if (value is double number && !double.IsFinite(number))
            {
                nonFinite = true;
                results.Add(new ValidationResult("Must be a finite number.", [property.Name]));
            }

            if (property.GetCustomAttributes(typeof(Registry.Contracts.ItemMaxLengthAttribute), true).FirstOrDefault() is Registry.Contracts.ItemMaxLengthAttribute items
                && value is IEnumerable<string> texts && texts.Any(t => t is not null && t.Length > items.Length))
            {
                results.Add(new ValidationResult($"Each value at most {items.Length} characters.", [property.Name]));
            }
        }

        if (!nonFinite)
        {
            Validator.TryValidateObject(body, new ValidationContext(body), results, validateAllProperties: true);
        }

        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage)))
            .GroupBy(e => e.Member, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "Invalid.").ToArray(), StringComparer.Ordinal);
    }
}
