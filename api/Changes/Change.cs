using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Audit;
using Registry.Api.Events;
using Registry.Api.Http;

namespace Registry.Api.Changes;

/// <summary>
/// One write to a resource, from the transaction it opens to the answer it gives. Every create, update and state
/// transition takes the same path: <see cref="BeginAsync"/>, read the row as it was (for update), change it, read it
/// as it is, <see cref="RecordAsync"/> the audit entry and <see cref="EmitAsync"/> its outbox event (both in the same
/// transaction, so nothing is recorded that did not happen and nothing happens unrecorded), then
/// <see cref="CommitAsync{T}"/>, which answers with the new version as the ETag. A change disposed without a commit
/// rolls back, so a refusal after the first statement changes nothing.
/// </summary>
public sealed class Change : IAsyncDisposable
{
    private readonly ClaimsPrincipal _user;
    private readonly CancellationToken _ct;

    private Change(NpgsqlConnection connection, NpgsqlTransaction tx, ClaimsPrincipal user, CancellationToken ct)
    {
        Connection = connection;
        Tx = tx;
        _user = user;
        _ct = ct;
    }

    public NpgsqlConnection Connection { get; }

    public NpgsqlTransaction Tx { get; }

    public static async Task<Change> BeginAsync(NpgsqlDataSource db, ClaimsPrincipal user, CancellationToken ct)
    {
        var connection = await db.OpenConnectionAsync(ct);
        try
        {
            return new Change(connection, await connection.BeginTransactionAsync(ct), user, ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The audit entry: who did <paramref name="happened"/> to which resource, and its state before and after.</summary>
    public Task RecordAsync(string happened, string resource, Guid id, object? before, object? after) =>
        AuditLog.RecordAsync(Connection, Tx, _user, happened, resource, id, before, after, _ct);

    /// <summary>The outbox event, delivered to the feed and webhooks once the change commits; <paramref name="after"/> null is a tombstone.</summary>
    public Task EmitAsync(Outbox.Change change, object? before, object? after) =>
        Outbox.EmitAsync(Connection, Tx, change, before, after, _ct);

    /// <summary>Commits and answers 200 with <paramref name="answer"/> and its <paramref name="version"/> as the ETag.</summary>
    public async Task<Ok<T>> CommitAsync<T>(T answer, int version, HttpResponse response)
    {
        await Tx.CommitAsync(_ct);
        response.SetETag(version);
        return TypedResults.Ok(answer);
    }

    /// <summary>Commits and answers 201 with <paramref name="answer"/> at <paramref name="location"/>, its <paramref name="version"/> as the ETag.</summary>
    public async Task<Created<T>> CommitCreatedAsync<T>(T answer, int version, string location, HttpResponse response)
    {
        await Tx.CommitAsync(_ct);
        response.SetETag(version);
        return TypedResults.Created(location, answer);
    }

    /// <summary>Commits a change whose answer carries no version (a participant joined a theme).</summary>
    public Task CommitAsync() => Tx.CommitAsync(_ct);

    public async ValueTask DisposeAsync()
    {
        await Tx.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
