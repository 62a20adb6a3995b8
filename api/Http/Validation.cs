using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Registry.Api.Errors;
using Registry.Contracts;

namespace Registry.Api.Http;

/// <summary>
/// Validates request bodies against the data annotations of their contract records before the handler runs, and
/// answers 400 with the field errors (camelCase names, as on the wire) when any fails. The messages are the service's
/// own and name no field ("Must be between 1600 and 2100."): the problem's field says which, and
/// <see cref="ProblemLanguage"/> puts them in the caller's language with the field's label.
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

    /// <summary>What is wrong with each property of <paramref name="body"/> (not of the records inside it), by wire name.</summary>
    public static Dictionary<string, string[]> Errors(object body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var property in body.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var messages = Messages(property.GetValue(body), property.GetCustomAttributes(true));
            if (messages.Count > 0)
            {
                errors[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = [.. messages];
            }
        }

        return errors;
    }

    /// <summary>
    /// The messages for a value and the rules declared on it: a missing required value is only that; a number is
    /// finite before its range is asked (a whole-number [Range] throws on NaN).
    /// </summary>
    public static List<string> Messages(object? value, IEnumerable<object> rules)
    {
        var all = rules.ToList();
        if (all.OfType<RequiredAttribute>().FirstOrDefault() is { } required && !required.IsValid(value))
        {
            return [Required];
        }

        if (value is double.NaN or double.PositiveInfinity or double.NegativeInfinity)
        {
            return [NotFinite];
        }

        var found = new List<string>();
        var items = value as IEnumerable<string> ?? (value is string one ? [one] : []);
        foreach (var rule in all)
        {
            var message = rule switch
            {
                RequiredAttribute => null,
                MaxLengthAttribute max when value is string text => text.Length > max.Length ? Invariant($"At most {max.Length} characters.") : null,
                MaxLengthAttribute max => max.IsValid(value) ? null : Items("At most", max.Length),
                MinLengthAttribute min when value is string text => text.Length < min.Length ? Invariant($"At least {min.Length} characters.") : null,
                MinLengthAttribute min => min.IsValid(value) ? null : Items("At least", min.Length),
                RangeAttribute range => range.IsValid(value) ? null : Invariant($"Must be between {range.Minimum} and {range.Maximum}."),
                EmailAddressAttribute email => email.IsValid(value) ? null : "Not a valid e-mail address.",
                UrlAttribute url => url.IsValid(value) ? null : "Must be an http or https URL.",
                ValidationAttribute other => other.IsValid(value) ? null : "Invalid.",
                ItemMaxLengthAttribute item => items.Any(i => i is not null && i.Length > item.Length) ? Invariant($"Each value at most {item.Length} characters.") : null,
                ItemRangeAttribute range => value is IEnumerable<int> numbers && numbers.Any(n => n < range.Minimum || n > range.Maximum)
                    ? Invariant($"Each value must be between {range.Minimum} and {range.Maximum}.") : null,
                OpenApi.WireEnumAttribute names => items.Any(i => !names.Values.Contains(i, StringComparer.Ordinal)) ? $"Must be one of: {string.Join(", ", names.Values)}." : null,
                _ => null,
            };
            if (message is not null)
            {
                found.Add(message);
            }
        }

        return found;
    }

    public const string Required = "Required.";

    public const string NotFinite = "Must be a finite number.";

    private static string Items(string bound, int count) =>
        count == 1 ? $"{bound} 1 item." : Invariant($"{bound} {count} items.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
