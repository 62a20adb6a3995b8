using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Registry.Api.Data;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class MigrationTests(RegistryApiFactory api)
{
    [Fact]
    public async Task TwoProcessesMigratingAtOnceApplyEachScriptExactlyOnce()
    {
        await using var database = await ScratchDatabase.CreateAsync(api.ConnectionString);

        // Two runners with their own data sources stand for two processes starting together.
        await using var first = NpgsqlDataSource.Create(database.ConnectionString);
        await using var second = NpgsqlDataSource.Create(database.ConnectionString);
        await Task.WhenAll(
            Runner(first, database.ConnectionString).ApplyAsync(CancellationToken.None),
            Runner(second, database.ConnectionString).ApplyAsync(CancellationToken.None));

        await using var connection = await first.OpenConnectionAsync();
        var journal = (await connection.QueryAsync<string>($"SELECT scriptname FROM {MigrationRunner.JournalTable}")).ToList();
        Assert.Equal(MigrationRunner.ScriptNames.Order(StringComparer.Ordinal), journal.Order(StringComparer.Ordinal));
        Assert.Empty(await Runner(first, database.ConnectionString).PendingAsync(connection, CancellationToken.None));
    }

    [Fact]
    public async Task FirstMigrationInstallsPostGisAndTrigramExtensions()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();

        var extensions = await connection.QueryAsync<string>("SELECT extname FROM pg_extension");

        Assert.Contains("postgis", extensions);
        Assert.Contains("pg_trgm", extensions);
    }

    private static MigrationRunner Runner(NpgsqlDataSource db, string connectionString) =>
        new(db, new RegistryConnectionString(connectionString), NullLogger<MigrationRunner>.Instance);
}
