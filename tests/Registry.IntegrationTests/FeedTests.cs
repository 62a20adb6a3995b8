using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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
        var start = await FeedFollower.EndAsync(reader);
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
        var during = await FeedFollower.PageAsync(reader, start);
        Assert.DoesNotContain(during.Items, e => e.ResourceId == late || e.ResourceId == early);
        Assert.Equal(start, during.NextCursor);

        await txA.CommitAsync();
        var after = await FeedFollower.PageAsync(reader, start);
        Assert.Equal([early, late], after.Items.Select(e => e.ResourceId).Where(id => id == early || id == late || id == rolledBack));
        Assert.Equal(after.Items[^1].Cursor, after.NextCursor);
        Assert.DoesNotContain((await FeedFollower.PageAsync(reader, after.NextCursor)).Items, e => e.ResourceId == early || e.ResourceId == late);
    }

    [Fact]
    public async Task ReadersSeeTheEventsTheirLevelMaySeeWithTheFieldsThatChanged()
    {
        using var anonymous = api.CreateClient();
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var start = await FeedFollower.EndAsync(coordinator.Client);
        var (open, hidden) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var connection = await OpenAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            await InsertAsync(connection, tx, open);
            await InsertAsync(connection, tx, hidden, "coordinators");
            await tx.CommitAsync();
        }

        var seen = (await FeedFollower.PageAsync(anonymous, start)).Items.Where(e => e.ResourceId == open || e.ResourceId == hidden).ToList();
        Assert.Equal([open], seen.Select(e => e.ResourceId));
        Assert.Equal(("test.changed", "test", "nameJa"), (seen[0].Type, seen[0].Resource, seen[0].Changed.Single()));
        Assert.Equal("テスト", seen[0].Data!.Value.GetProperty("nameJa").GetString());
        Assert.Equal([open, hidden], (await FeedFollower.PageAsync(coordinator.Client, start)).Items.Select(e => e.ResourceId).Where(id => id == open || id == hidden));

        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/feed?cursor=nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/feed?limit=1001")).StatusCode);
    }

    [Fact]
    public async Task ACursorFromBeforeTheEventsKeptIsToldToStartAgainFromAnExport()
    {
        using var reader = api.CreateClient();
        var start = await FeedFollower.EndAsync(reader);
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
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/feed?cursor={await FeedFollower.EndAsync(reader)}")).StatusCode);
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
}
