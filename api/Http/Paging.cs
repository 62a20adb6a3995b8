using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Api.Errors;
using Registry.Contracts;

namespace Registry.Api.Http;

/// <summary>
/// DESIGN §6 keyset pagination: <c>limit</c> (1–200, default 50) and an opaque <c>cursor</c>; the answer carries
/// <c>nextCursor</c> and a <c>Link: &lt;…&gt;; rel="next"</c> header.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxCursorLength = 512;

    /// <summary>Reads limit and a cursor that wraps the last key of the previous page.</summary>
    public static (int Limit, string? After, ProblemHttpResult? Problem) Read(int? limit, string? cursor)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return (0, null, Problems.Validation("limit", $"limit must be between 1 and {MaxLimit}."));
        }

        if (cursor is null)
        {
            return (limit ?? DefaultLimit, null, null);
        }

        try
        {
            return (limit ?? DefaultLimit, Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)), null);
        }
        catch (FormatException)
        {
            return (0, null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidCursor,
                title: "Invalid cursor", detail: "The cursor is not one this service gave out. Start again without a cursor."));
        }
    }

    /// <summary>The id a list keyed by id continues after, or the problem when the cursor is not one of that list.</summary>
    public static (Guid? After, ProblemHttpResult? Problem) IdKey(string? after) =>
        after is null ? (null, null)
        : Guid.TryParse(after, out var id) ? (id, null)
        : (null, Problems.Validation("cursor", "Not a cursor of this list."));

    public static string Cursor(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    /// <summary>Cuts the one-row look-ahead off and sets nextCursor and the Link header.</summary>
    public static Page<T> ToPage<T>(this IReadOnlyList<T> rows, int limit, Func<T, string> key, HttpContext context)
    {
        var hasMore = rows.Count > limit;
        var items = hasMore ? rows.Take(limit).ToList() : rows;
        var next = hasMore ? Cursor(key(items[^1])) : null;
        LinkNext(context, next);
        return new Page<T> { Items = items, NextCursor = next };
    }

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
