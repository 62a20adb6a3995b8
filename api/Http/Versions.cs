using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Api.Errors;

namespace Registry.Api.Http;

/// <summary>
/// DESIGN §6: the version is the ETag's number. Reads send it (with a digest of the caller's view, see
/// <see cref="Representation{T}"/>); updates must name it in If-Match (428 when missing, 412 when stale, decided by the
/// UPDATE's own WHERE version = @expected).
/// </summary>
public static class Versions
{
    public static string ETag(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The version and the first 96 bits of the body's digest: <c>"12-AbCd…"</c>.</summary>
    public static string ETag(int version, ReadOnlySpan<byte> digest) =>
        "\"" + version.ToString(CultureInfo.InvariantCulture) + "-" + WebEncoders.Base64UrlEncode(digest[..12].ToArray()) + "\"";

    public static void SetETag(this HttpResponse response, int version) => response.Headers.ETag = ETag(version);

    /// <summary>The version the caller read (the number of either ETag form), or the problem to answer with.</summary>
    public static (int Version, ProblemHttpResult? Problem) ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return (0, Problems.PreconditionRequired());
        }

        if (header.StartsWith("W/", StringComparison.Ordinal))
        {
            header = header[2..];
        }

        if (header.Length <= 2 || header[0] != '"' || header[^1] != '"')
        {
            return (0, Problems.PreconditionFailed());
        }

        var tag = header[1..^1];
        var number = tag.IndexOf('-', StringComparison.Ordinal) is var dash and >= 0 ? tag[..dash] : tag;
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (version, null)
            : (0, Problems.PreconditionFailed());
    }

    /// <summary>True when If-None-Match names this exact ETag (or *): answer 304.</summary>
    public static bool NotModified(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Any(v => v is not null
            && (v.Trim() == "*" || v.Split(',').Select(t => t.Trim().Replace("W/", "", StringComparison.Ordinal)).Contains(etag, StringComparer.Ordinal)));
}
