using System.Net.Http.Headers;
using Registry.Contracts.BulkImports;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>Sends import files and waits for the import worker.</summary>
public static class ImportFiles
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, byte[] body, string contentType, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The import once the worker has run it, which must have succeeded.</summary>
    public static async Task<ImportJob> FinishedAsync(HttpClient client, string location)
    {
        var job = await Eventually.UntilAsync(async () => (await (await client.GetAsync(location)).ReadJsonAsync<ImportJob>())!,
            job => job.Status is ImportStatus.Succeeded or ImportStatus.Failed, "The import");
        Assert.True(job.Status == ImportStatus.Succeeded, job.Problem);
        return job;
    }
}
