using System.Net;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>Conditional reads (DESIGN §6): a resource's ETag is its version, and asking again with it answers 304.</summary>
public static class Revalidation
{
    public static async Task AssertAsync(HttpClient client, string path, int version)
    {
        using var read = await client.GetAsync(path);
        Assert.Equal((HttpStatusCode.OK, $"\"{version}\""), (read.StatusCode, read.Headers.ETag?.Tag));
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(read.Headers.ETag!);
        using var unchanged = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }
}
