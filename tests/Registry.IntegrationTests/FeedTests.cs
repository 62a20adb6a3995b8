using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Contracts.Feed;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>The change feed: commit order with interleaved writers, nothing from a rollback, visibility by caller.</summary>
[Collection(SharedApi.Name)]
public sealed class FeedTests(RegistryApiFactory api)
{
    [Fact]
    public async Task AnEventThatCommitsLateIsNeitherSkippedNorServedOutOfOrder()
    {
        using var reader = api.CreateClient();
        var start = await EndAsync(reader);
        var (early, late, rolledBack) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

        // Writer A takes its sequence value first but commits last; writer B commits in between; writer C rolls back.
        await using var a = await OpenAsync();
        await using var txA = await a.BeginTransactionAsync();
        await InsertAsync(a, txA, early);
        await using (var b = await OpenAsync())
        {
            await using var txB = await b.BeginTransactionAsync();
            await InsertAsync(b, txB, late);
            await txB.CommitAsync();
        }

        await using (var c = await OpenAsync())
        {
            await using var txC = await c.BeginTransactionAsync();
            await InsertAsync(c, txC, rolledBack);
            await txC.RollbackAsync();
        }

        // While A runs, B's event is held back: serving it would move the cursor past A's.
        var during = await PageAsync(reader, start);
        Assert.DoesNotContain(during.Items, e => e.ResourceId == late || e.ResourceId == early);
        Assert.Equal(start, during.NextCursor);

        await txA.CommitAsync();
        var after = await PageAsync(reader, start);
        Assert.Equal([early, late], after.Items.Select(e => e.ResourceId).Where(id => id == early || id == late || id == rolledBack));
        Assert.Equal(after.Items[^1].Cursor, after.NextCursor);
        Assert.DoesNotContain((await PageAsync(reader, after.NextCursor)).Items, e => e.ResourceId == early || e.ResourceId == late);
    }

    [Fact]
    public async Task ReadersSeeTheEventsTheirLevelMaySeeWithTheFieldsThatChanged()
    {
        using var anonymous = api.CreateClient();
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var start = await EndAsync(coordinator.Client);
        var (open, hidden) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var connection = await OpenAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            await InsertAsync(connection, tx, open);
            await InsertAsync(connection, tx, hidden, "coordinators");
            await tx.CommitAsync();
        }

        var seen = (await PageAsync(anonymous, start)).Items.Where(e => e.ResourceId == open || e.ResourceId == hidden).ToList();
        Assert.Equal([open], seen.Select(e => e.ResourceId));
        Assert.Equal(("test.changed", "test", "nameJa"), (seen[0].Type, seen[0].Resource, seen[0].Changed.Single()));
        Assert.Equal("テスト", seen[0].Data!.Value.GetProperty("nameJa").GetString());
        Assert.Equal([open, hidden], (await PageAsync(coordinator.Client, start)).Items.Select(e => e.ResourceId).Where(id => id == open || id == hidden));

        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/feed?cursor=nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/feed?limit=1001")).StatusCode);
    }

    [Fact]
    public async Task ACursorFromBeforeTheEventsKeptIsToldToStartAgainFromAnExport()
    {
        using var reader = api.CreateClient();
        var start = await EndAsync(reader);
        var old = Guid.CreateVersion7();
        await using (var connection = await OpenAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            await InsertAsync(connection, tx, old);
            await connection.ExecuteAsync("UPDATE events SET occurred_at = now() - interval '91 days' WHERE resource_id = @old", new { old }, tx);
            await tx.CommitAsync();
        }

        var removed = await api.Services.GetRequiredService<Registry.Api.Feed.FeedRetention>().PurgeAsync(CancellationToken.None);

        Assert.True(removed >= 1);
        using var expired = await reader.GetAsync($"/api/v1/feed?cursor={start}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("/problems/feed-expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/feed")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/feed?cursor={await EndAsync(reader)}")).StatusCode);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid resourceId, string visibility = "public") =>
        connection.ExecuteAsync("""
            INSERT INTO events (type, resource, resource_id, visibility, changed, payload)
            VALUES ('test.changed', 'test', @resourceId, @visibility, '{nameJa}', '{"nameJa": "テスト"}')
            """, new { resourceId, visibility }, tx);

    /// <summary>The cursor at the end of the feed as it is now.</summary>
    private static async Task<string> EndAsync(HttpClient client)
    {
        string? cursor = null;
        while (true)
        {
            var page = await PageAsync(client, cursor);
            if (page.Items.Count == 0)
            {
                return page.NextCursor;
            }

            cursor = page.NextCursor;
        }
    }

    private static async Task<FeedPage> PageAsync(HttpClient client, string? cursor)
    {
        using var response = await client.GetAsync("/api/v1/feed?limit=1000" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<FeedPage>())!;
    }
}
