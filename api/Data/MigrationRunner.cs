using System.Reflection;
using Dapper;
using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace Registry.Api.Data;

/// <summary>
/// Applies the embedded migrations with DbUp, one transaction per script, while holding a PostgreSQL advisory lock
/// so that two processes starting at once take turns instead of racing on the same scripts.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource db, RegistryConnectionString connectionString, ILogger<MigrationRunner> logger)
{
    public const string JournalTable = "schema_migrations";

    // Any constant shared by every process of this service; it names the lock in pg_locks.
    private const long AdvisoryLockKey = 0x5245_4749_5354_5259; // "REGISTRY"

    private static readonly Assembly s_assembly = typeof(MigrationRunner).Assembly;
    private const string ResourcePrefix = "Registry.Api.Data.Migrations.";

    /// <summary>The script names DbUp records in its journal, in the order they are applied.</summary>
    public static IReadOnlyList<string> ScriptNames { get; } =
        [.. s_assembly.GetManifestResourceNames()
            .Where(IsMigration)
            .Order(StringComparer.Ordinal)];

    private static bool IsMigration(string resourceName) =>
        resourceName.StartsWith(ResourcePrefix, StringComparison.Ordinal)
        && resourceName.EndsWith(".sql", StringComparison.Ordinal);

    public async Task ApplyAsync(CancellationToken ct)
    {
        await using var lockConnection = await db.OpenConnectionAsync(ct);
        await lockConnection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: ct));
        try
        {
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString.Value)
                .WithScriptsEmbeddedInAssembly(s_assembly, IsMigration)
                .JournalToPostgresqlTable("public", JournalTable)
                .WithTransactionPerScript()
                .LogTo(new DbUpLog(logger))
                .Build();

            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new MigrationFailedException(result.ErrorScript?.Name ?? "(unknown)", result.Error);
            }
        }
        finally
        {
            await lockConnection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>The embedded scripts that the database's journal does not list yet.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var journalExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass(@table) IS NOT NULL", new { table = "public." + JournalTable }, cancellationToken: ct));
        if (!journalExists)
        {
            return ScriptNames;
        }

        var applied = await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT scriptname FROM public.{JournalTable}", cancellationToken: ct));
        return [.. ScriptNames.Except(applied, StringComparer.Ordinal)];
    }

    // DbUp hands over composite format strings ("{0}"), not message templates: format first, log as one value.
    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => Log(LogLevel.Trace, null, format, args);
        public void LogDebug(string format, params object[] args) => Log(LogLevel.Debug, null, format, args);
        public void LogInformation(string format, params object[] args) => Log(LogLevel.Information, null, format, args);
        public void LogWarning(string format, params object[] args) => Log(LogLevel.Warning, null, format, args);
        public void LogError(string format, params object[] args) => Log(LogLevel.Error, null, format, args);
        public void LogError(Exception ex, string format, params object[] args) => Log(LogLevel.Error, ex, format, args);

        private void Log(LogLevel level, Exception? ex, string format, object[] args)
        {
            if (logger.IsEnabled(level))
            {
                logger.Log(level, ex, "DbUp: {Message}", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
            }
        }
    }
}

public sealed class MigrationFailedException(string script, Exception? inner)
    : Exception($"Migration {script} failed: {inner?.Message}", inner)
{
    public string Script { get; } = script;
}
