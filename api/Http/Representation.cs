using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Registry.Api.Http;

/// <summary>
/// A versioned resource as this caller receives it (DESIGN §6). What a caller is shown depends on who asks (disclosure
/// levels, the owner's edit rights, roles), so the validator is computed from the bytes this caller receives, never
/// from the row: the ETag is the version the caller sees (the number If-Match names) and a digest of the body. Two
/// callers at different levels never share a validator, so no 304 can hand one of them the other's cached view.
/// Every such answer is private; a signed-in caller's is not stored at all (a shared computer, the next person).
/// </summary>
public sealed class Representation<T> : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IEndpointMetadataProvider
{
    internal Representation(T value, int version)
    {
        Value = value;
        Version = version;
    }

    public T Value { get; }

    object? IValueHttpResult.Value => Value;

    public int Version { get; }

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(Value, options);
        var response = httpContext.Response;
        var etag = Versions.ETag(Version, SHA256.HashData(body));
        response.Headers.ETag = etag;
        Representations.MarkPrivate(httpContext);
        if (HttpMethods.IsGet(httpContext.Request.Method) && Versions.NotModified(httpContext.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    // IEndpointMetadataProvider is a static abstract interface member, as on ASP.NET Core's own Ok<T>.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Required by IEndpointMetadataProvider.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

/// <summary>Answers with a <see cref="Representation{T}"/>, and the caching rules every caller-dependent answer follows.</summary>
public static class Representations
{
    /// <summary>200 with the caller's view, or 304 when If-None-Match names exactly that view.</summary>
    public static Representation<T> Ok<T>(T value, int version) => new(value, version);

    /// <summary>
    /// Every API answer that does not say otherwise (the taxonomy and the signing keys are the same for everyone and
    /// say so) is treated as depending on who asks: lists and searches are masked per caller just like profiles.
    /// </summary>
    public static IApplicationBuilder UsePrivateCaching(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            http.Response.OnStarting(() =>
            {
                if (!http.Response.Headers.ContainsKey("Cache-Control"))
                {
                    MarkPrivate(http);
                }

                return Task.CompletedTask;
            });
        }

        return next(http);
    });

    /// <summary>
    /// The answer depends on who asks: browsers and proxies may not share it, a signed-in caller's is not kept at
    /// all, and an anonymous one is revalidated before every reuse.
    /// </summary>
    public static void MarkPrivate(HttpContext http)
    {
        var signedIn = http.Request.Headers.Authorization.Count > 0 || http.User.Identity?.IsAuthenticated == true;
        http.Response.Headers.CacheControl = signedIn ? "private, no-store" : "private, no-cache";
        http.Response.Headers.Vary = "Authorization, Accept-Language";
    }
}
