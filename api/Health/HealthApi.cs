using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Data;
using Registry.Api.Errors;
using Registry.Api.OpenApi;
using Registry.Api.Search.Index;
using Registry.Contracts.Health;

namespace Registry.Api.Health;

public static class HealthApi
{
    // A readiness probe must answer quickly even when the database host does not.
    private static readonly TimeSpan s_checkTimeout = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Health").AllowAnonymous().AnswersWithoutDatabase();

        group.MapGet("/healthz", GetHealth)
            .WithName("getHealth")
            .WithSummary("Is the process alive?")
            .WithDescription("Answers 200 whenever the process can serve HTTP. Use /readyz to know whether it can serve requests.");

        group.MapGet("/readyz", GetReadiness)
            .WithName("getReadiness")
            .WithSummary("Can this process serve requests?")
            .WithDescription("200 when the database answers and every migration is applied; 503 with a problem body naming the failing checks otherwise.")
            .Produces<ReadinessProblem>(StatusCodes.Status503ServiceUnavailable, ContractConventions.ProblemMediaType);

        return app;
    }

    public static Ok<HealthReport> GetHealth() => TypedResults.Ok(new HealthReport { Status = "alive" });

    public static async Task<Results<Ok<ReadinessReport>, ProblemHttpResult>> GetReadiness(
        NpgsqlDataSource db, MigrationRunner migrations, StartupData startup, SearchIndexFollower searchIndex, Auth.Revocations revocations,
        ILoggerFactory loggers, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(s_checkTimeout);

        ReadinessCheck database;
        ReadinessCheck migrationCheck;
        try
        {
            await using var connection = await db.OpenConnectionAsync(timeout.Token);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: timeout.Token));
            database = new ReadinessCheck { Name = "database", Status = CheckStatus.Ok };

            var pending = await migrations.PendingAsync(connection, timeout.Token);
            migrationCheck = pending.Count == 0 && startup.Prepared
                ? new ReadinessCheck { Name = "migrations", Status = CheckStatus.Ok }
                : pending.Count == 0
                ? new ReadinessCheck { Name = "migrations", Status = CheckStatus.Failing, Detail = "Migrations are applied; the start-up data is still being written." }
                : new ReadinessCheck
                {
                    Name = "migrations",
                    Status = CheckStatus.Failing,
                    Detail = $"{pending.Count} migration(s) not applied yet, first: {pending[0]}",
                };
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(HealthApi)).LogWarning("Readiness: database unreachable: {Message}", ex.Message);
            // Pooled connections to a database that went away are dead; drop them so the next probe reconnects.
            db.Clear();
            database = new ReadinessCheck { Name = "database", Status = CheckStatus.Failing, Detail = "The database does not answer." };
            migrationCheck = new ReadinessCheck { Name = "migrations", Status = CheckStatus.Failing, Detail = "Unknown while the database does not answer." };
        }

        // Search answers from the in-process index; until it has loaded, this process cannot serve searches.
        var index = !searchIndex.Enabled || searchIndex.IsLoaded
            ? new ReadinessCheck { Name = "search_index", Status = CheckStatus.Ok }
            : new ReadinessCheck { Name = "search_index", Status = CheckStatus.Failing, Detail = "The search index is still loading." };
        // Until the revoked tokens are known, this process could let a revoked token in.
        var revoked = revocations.IsLoaded
            ? new ReadinessCheck { Name = "revocations", Status = CheckStatus.Ok }
            : new ReadinessCheck { Name = "revocations", Status = CheckStatus.Failing, Detail = "The list of revoked tokens is still loading." };
        ReadinessCheck[] checks = [database, migrationCheck, index, revoked];
        if (checks.All(c => c.Status == CheckStatus.Ok))
        {
            return TypedResults.Ok(new ReadinessReport { Status = ReadinessStatus.Ready, Checks = checks });
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            type: ProblemTypes.NotReady,
            title: "The service is not ready",
            detail: string.Join(" ", checks.Where(c => c.Status == CheckStatus.Failing).Select(c => c.Detail)),
            extensions: new Dictionary<string, object?> { ["checks"] = checks });
    }
}
