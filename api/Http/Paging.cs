using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Api.Errors;
using Registry.Contracts;

namespace Registry.Api.Http;

/// <summary>
/// DESIGN §6 keyset pagination: <c>limit</c> (1–200, default 50) and an opaque <c>cursor</c>; the answer carries
/// <c>nextCursor</c> and a <c>Link: &lt;…&gt;; rel="next"</c> header. Cursors are signed (<see cref="CursorCodec"/>).
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    // A signed name-sorted search cursor after a 200-character Japanese name is about 900 characters.
    public const int MaxCursorLength = 1024;

    /// <summary>The codec every process shares (Paging:CursorKey, else cursor.key in Auth:KeyDirectory); made on first use.</summary>
    public static IServiceCollection AddRegistryPaging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(sp => new CursorCodec(CursorCodec.LoadKey(configuration["Paging:CursorKey"],
            Path.GetFullPath(sp.GetRequiredService<Auth.AuthOptions>().KeyDirectory, sp.GetRequiredService<IHostEnvironment>().ContentRootPath))));

    /// <summary>
    /// Reads limit and the cursor, which wraps the last key of the previous page: a cursor this service did not issue
    /// for this list (and this sort, where the list has several) is the invalid-cursor problem.
    /// </summary>
    public static (int Limit, string? After, ProblemHttpResult? Problem) Read(HttpContext http, int? limit, string? cursor, string? sort = null)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return (0, null, Problems.Validation("limit", $"limit must be between 1 and {MaxLimit}."));
        }

        if (cursor is null)
        {
            return (limit ?? DefaultLimit, null, null);
        }

        var after = cursor.Length <= MaxCursorLength ? Codec(http).Decode(ListOf(http, sort), cursor) : null;
        return after is null ? (0, null, InvalidCursor(http)) : (limit ?? DefaultLimit, after, null);
    }

    /// <summary>The id a list keyed by id continues after (a verified cursor of such a list always holds one).</summary>
    public static (Guid? After, ProblemHttpResult? Problem) IdKey(HttpContext http, string? after) =>
        after is null ? (null, null)
        : Guid.TryParse(after, out var id) ? (id, null)
        : (null, InvalidCursor(http));

    /// <summary>The cursor that continues this list (and sort) after the row with this key.</summary>
    public static string Cursor(HttpContext http, string lastKey, string? sort = null) => Codec(http).Encode(ListOf(http, sort), lastKey);

    public static ProblemHttpResult InvalidCursor(HttpContext http)
    {
        const string Detail = "This cursor was not given out by this service for this list (and sort). Start again without a cursor.";
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidCursor,
            title: "Invalid cursor", detail: Detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["cursor"] = [Detail] } });
    }

    /// <summary>Cuts the one-row look-ahead off and sets nextCursor and the Link header.</summary>
    public static Page<T> ToPage<T>(this IReadOnlyList<T> rows, int limit, Func<T, string> key, HttpContext context, string? sort = null)
    {
        var hasMore = rows.Count > limit;
        var items = hasMore ? rows.Take(limit).ToList() : rows;
        var next = hasMore ? Cursor(context, key(items[^1]), sort) : null;
        LinkNext(context, next);
        return new Page<T> { Items = items, NextCursor = next };
    }

    /// <summary>
    /// What a cursor is bound to: the endpoint (its operation id), its route values (whose deliveries, whose history)
    /// and the sort. Filters are not part of it: they narrow the rows but do not change what the key means.
    /// </summary>
    private static string ListOf(HttpContext http, string? sort)
    {
        var endpoint = http.GetEndpoint();
        var name = endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
            ?? (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        var route = string.Join('&', http.Request.RouteValues.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"));
        return $"{name}?{route}#{sort}";
    }

    private static CursorCodec Codec(HttpContext http) => http.RequestServices.GetRequiredService<CursorCodec>();

    /// <summary>Sets the Link header to the same request with the next cursor, when there is a next page.</summary>
    public static void LinkNext(HttpContext context, string? next)
    {
        if (next is null)
        {
            return;
        }

        // Repeated parameters (process=a&process=b) are kept as they came.
        var query = context.Request.Query
            .Where(q => !string.Equals(q.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", next));
        var url = QueryHelpers.AddQueryString(context.Request.PathBase + context.Request.Path, query);
        context.Response.Headers.Link = $"<{url}>; rel=\"next\"";
    }
}
