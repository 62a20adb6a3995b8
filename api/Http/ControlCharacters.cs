using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.Errors;
using Registry.Api.OpenApi;

namespace Registry.Api.Http;

/// <summary>
/// One rule for every input: no control characters other than tab, line feed and carriage return. PostgreSQL cannot
/// store U+0000 in text or jsonb (it was a 500 wherever one got through), and none of them has a use in a field of
/// this API. Refused at the edge, before a handler runs: the path, query string and headers (the middleware below),
/// form fields of the endpoints that read a form, every string of a JSON body (<see cref="RefusingJsonStrings"/>),
/// and every cell of an import file (ImportFile).
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<char> s_refused = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c).Where(c => c is not ('\t' or '\n' or '\r'))]);

    public static bool In(string? value) => value is not null && value.AsSpan().ContainsAny(s_refused);

    /// <summary>The message for a field that holds one (ProblemLanguage puts it in the caller's language).</summary>
    public const string FieldMessage = "Must not contain control characters (such as U+0000); only tab, line feed and carriage return are allowed.";

    /// <summary>The 400 validation problem that names the fields holding one.</summary>
    public static ProblemDetails Problem(IEnumerable<string> fields)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "Control character in the request",
            Detail = "One or more values contain a control character; see errors.",
        };
        problem.Extensions["errors"] = fields.Distinct(StringComparer.Ordinal).ToDictionary(f => f, _ => new[] { FieldMessage }, StringComparer.Ordinal);
        return problem;
    }

    /// <summary>
    /// Refuses a request whose path, query string, headers or (for endpoints that read one) form holds a control
    /// character. After authorization, so that a caller without access learns nothing more than 401/403.
    /// </summary>
    public static WebApplication UseControlCharacterGuard(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (In(request.Path.Value) || In(request.PathBase.Value) || request.Headers.Any(h => h.Value.Any(In)))
            {
                // Kestrel itself refuses %00 in the path (a bare 400); other servers and hosts may not.
                await WriteAsync(context, Malformed("The path or a header contains a control character (such as %00)."));
                return;
            }

            var fields = request.Query.Where(q => In(q.Key) || q.Value.Any(In)).Select(q => q.Key).ToList();
            // Form endpoints take application/x-www-form-urlencoded only and refuse anything else themselves (415); a
            // multipart body is not read here, where a malformed one would throw before that refusal.
            if (string.Equals(request.GetTypedHeaders().ContentType?.MediaType.Value, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                && context.GetEndpoint()?.Metadata.GetMetadata<FormBody>() is not null)
            {
                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(context.RequestAborted);
                }
                catch (Exception e) when (e is InvalidDataException or IOException)
                {
                    // The form reader refuses %00 itself, as it refuses a form over its limits: not the endpoint's 500.
                    await WriteAsync(context, Malformed("The form cannot be read: it contains a control character (such as %00) or exceeds the form limits."));
                    return;
                }

                fields.AddRange(form.Where(f => In(f.Key) || f.Value.Any(In)).Select(f => f.Key));
            }

            if (fields.Count > 0)
            {
                await WriteAsync(context, Problem(fields));
                return;
            }

            await next(context);
        });
        return app;
    }

    private static ProblemDetails Malformed(string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Type = ProblemTypes.MalformedRequest,
        Title = "Malformed request",
        Detail = detail,
    };

    private static Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}

/// <summary>
/// Every string read from a JSON body, at any depth (properties, array items, dictionary keys), passes the rule of
/// <see cref="ControlCharacters"/>; one that does not fails binding with <see cref="ControlCharacterException"/>,
/// which the problem handler turns into a 400 naming the field. Registered once for all bodies (Program.cs).
/// </summary>
public sealed class RefusingJsonStrings : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? value) => ControlCharacters.In(value) ? throw new ControlCharacterException() : value;
}

/// <summary>A JSON string with a control character; the serializer adds the path of the field to it.</summary>
public sealed class ControlCharacterException() : JsonException("The string contains a control character.");
