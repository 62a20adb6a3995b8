using System.Net;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>
/// Conditional reads (DESIGN §6): a resource's ETag is its version and a digest of the caller's view, and asking again
/// with it answers 304.
/// </summary>
public static class Revalidation
{
    public static async Task AssertAsync(HttpClient client, string path, int version)
    {
        using var read = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.StartsWith($"\"{version}-", read.Headers.ETag?.Tag, StringComparison.Ordinal);
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(read.Headers.ETag!);
        using var unchanged = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }
}
