using System.Net;
using Registry.Contracts.Feed;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>Reads the change feed as docs/integration.md tells an integrator to.</summary>
public static class FeedFollower
{
    public static async Task<FeedPage> PageAsync(HttpClient client, string? cursor)
    {
        using var response = await client.GetAsync("/api/v1/feed?limit=1000" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<FeedPage>())!;
    }

    /// <summary>The guide's loop: pages of 1,000 from the cursor (or the start) until an empty page.</summary>
    public static async Task<(List<FeedEvent> Events, string Cursor)> FollowAsync(HttpClient client, string? cursor)
    {
        var events = new List<FeedEvent>();
        while (true)
        {
            var page = await PageAsync(client, cursor);
            events.AddRange(page.Items);
            cursor = page.NextCursor;
            if (page.Items.Count == 0)
            {
                return (events, cursor);
            }
        }
    }

    /// <summary>The cursor at the end of the feed as it is now.</summary>
    public static async Task<string> EndAsync(HttpClient client) => (await FollowAsync(client, null)).Cursor;
}
