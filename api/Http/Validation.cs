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
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(body, new ValidationContext(body), results, validateAllProperties: true);
        return results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: JsonNamingPolicy.CamelCase.ConvertName(m), r.ErrorMessage)))
            .GroupBy(e => e.Member, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "Invalid.").ToArray(), StringComparer.Ordinal);
    }
}
