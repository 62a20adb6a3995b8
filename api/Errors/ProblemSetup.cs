using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Registry.Api.Http;

namespace Registry.Api.Errors;

public static class ProblemSetup
{
    /// <summary>
    /// Every error leaves as an RFC 9457 problem in the caller's language (<see cref="ProblemLanguage"/>): bare status
    /// codes get a body, binding failures (malformed JSON, wrong content type, body too large) become 4xx problems, a
    /// database that cannot be reached a 503 to retry, and an unexpected exception becomes a 500 that says nothing
    /// about the code.
    /// </summary>
    public static IServiceCollection AddRegistryProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = ProblemTypes.ForStatus(status);
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            ProblemLanguage.Apply(context);
        });
        // After the default writer, which declines a caller whose Accept names no JSON type: such a caller got the
        // problem unchanged (no traceId, English). This one writes it the same way, through the same customisation.
        services.AddSingleton<IProblemDetailsWriter, WhateverTheCallerAccepts>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseOutageHandler>();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();

        // Binding failures throw BadHttpRequestException in every environment, so the handler above can explain them.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseRegistryProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// An error is answered as a problem whatever media types the request accepts (RFC 9110 §12.1 allows it): a caller
    /// that asked for text/csv or text/html still learns what went wrong, in its language, with a traceId.
    /// </summary>
    private sealed class WhateverTheCallerAccepts(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => true;

        public ValueTask WriteAsync(ProblemDetailsContext context)
        {
            var problem = context.ProblemDetails;
            var response = context.HttpContext.Response;
            problem.Status ??= response.StatusCode;
            problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
            options.Value.CustomizeProblemDetails?.Invoke(context);
            return new ValueTask(response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json"));
        }
    }

    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            if (bad.InnerException is ControlCharacterException refused)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = ControlCharacters.Problem([FieldOf(refused.Path)]),
                });
            }

            if (BindingFailure.Explain(bad) is { } explained)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = explained });
            }

            var (type, title, detail) = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => (ProblemTypes.PayloadTooLarge, "Request body too large", "The request body exceeds the size this endpoint accepts."),
                StatusCodes.Status415UnsupportedMediaType => (ProblemTypes.UnsupportedMediaType, "Unsupported media type", "This endpoint expects a body of type application/json."),
                _ when bad.InnerException is System.Text.Json.JsonException json => (ProblemTypes.MalformedRequest, "Malformed request body", DescribeJsonError(json)),
                // The framework's own words name its types ("Nullable<int>"); a caller gets the API's.
                _ => (ProblemTypes.MalformedRequest, "Malformed request", "The request could not be read; see the operation in /swagger."),
            };

            context.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Type = type, Title = title, Detail = detail },
            });
        }

        // "$.contact.email" names the field contact.email; a bare string body is the body.
        private static string FieldOf(string? path) =>
            path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path is { Length: > 1 } ? path[1..] : "body";

        // The JSON reader's message names the path and position but never echoes the body back.
        private static string DescribeJsonError(System.Text.Json.JsonException json) =>
            json.Path is { Length: > 0 } path
                ? $"The request body is not valid JSON for this endpoint: error at {path} (line {json.LineNumber + 1}, byte {json.BytePositionInLine})."
                : $"The request body is not valid JSON for this endpoint: error at line {json.LineNumber + 1}, byte {json.BytePositionInLine}.";
    }

    /// <summary>
    /// The database cannot be reached (down, restarting, out of connections): not a bug, and the request may succeed
    /// later, so 503 with Retry-After. An SQL error is not this; it stays a 500.
    /// </summary>
    private sealed class DatabaseOutageHandler(IProblemDetailsService problems, ILogger<DatabaseOutageHandler> logger) : IExceptionHandler
    {
        public const int RetryAfterSeconds = 5;

        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            if (!Data.DatabaseOutage.Is(exception))
            {
                return false;
            }

            logger.LogWarning(exception, "Database unreachable on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Type = ProblemTypes.Unavailable,
                    Title = "Temporarily unavailable",
                    Detail = $"The database cannot be reached just now. Try again after {RetryAfterSeconds} seconds (Retry-After).",
                },
            });
        }
    }

    private sealed class UnexpectedExceptionHandler(IProblemDetailsService problems, ILogger<UnexpectedExceptionHandler> logger)
        : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                // No Exception here: the developer page and problem writers would otherwise echo it in Development.
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Type = ProblemTypes.Internal,
                    Title = "Unexpected error",
                    Detail = "The service failed to handle this request. It has been logged; quote the traceId when reporting it.",
                },
            });
        }
    }
}
