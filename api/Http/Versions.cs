using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Errors;

namespace Registry.Api.Http;

/// <summary>
/// DESIGN §6: the row version is the ETag. Reads send it; updates must name it in If-Match (428 when missing, 412 when
/// stale, decided by the UPDATE's own WHERE version = @expected).
/// </summary>
public static class Versions
{
    public static string ETag(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void SetETag(this HttpResponse response, int version) => response.Headers.ETag = ETag(version);

    /// <summary>The version the caller read, or the problem to answer with.</summary>
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

        return header.Length > 2 && header[0] == '"' && header[^1] == '"'
            && int.TryParse(header[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (version, null)
            : (0, Problems.PreconditionFailed());
    }

    /// <summary>True when If-None-Match names the current version: answer 304.</summary>
    public static bool NotModified(HttpRequest request, int version) =>
        request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Select(t => t.Trim().Replace("W/", "", StringComparison.Ordinal)).Contains(ETag(version))));
}
