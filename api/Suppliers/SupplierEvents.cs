using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Registry.Api.Disclosure;
using Registry.Api.Events;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Suppliers;

/// <summary>
/// The outbox events of a supplier site (DESIGN §8). A published site's changes are public events carrying its public
/// profile, with the fields that changed since the last public event; unpublishing or archiving it is a public
/// tombstone. A change nobody outside the coordinators can see (a draft, a section shown to members or coordinators
/// only) is a coordinators' event with the full profile. One event per change.
/// </summary>
public static class SupplierEvents
{
    public static async Task EmitAsync(NpgsqlConnection connection, NpgsqlTransaction tx, SupplierStore store, Guid id, string type, CancellationToken ct)
    {
        var full = (await store.ReadAsync(connection, tx, id, Viewer.Coordinators, seeUnpublished: true, canEdit: false, ct))!;
        var (wasPublic, lastPublic) = await LastAsync(connection, tx, id, DisclosureLevel.Public, ct);
        if (full.Status == SupplierStatus.Published)
        {
            var shown = await store.ReadAsync(connection, tx, id, Viewer.Public, seeUnpublished: false, canEdit: false, ct);
            if (Outbox.ChangedFields(lastPublic, Outbox.Node(shown)).Any())
            {
                await EmitAsync(connection, tx, id, type, shown!.Version, DisclosureLevel.Public, lastPublic, shown, ct);
                return;
            }
        }
        else if (wasPublic && lastPublic is not null)
        {
            // A public event carries the version the public sees, never the row's (which counts hidden edits too).
            var publicVersion = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT public_version FROM suppliers WHERE id = @id", new { id }, tx, cancellationToken: ct));
            await EmitAsync(connection, tx, id, type, publicVersion, DisclosureLevel.Public, lastPublic, null, ct);
            return;
        }

        var (_, lastHidden) = await LastAsync(connection, tx, id, DisclosureLevel.Coordinators, ct);
        await EmitAsync(connection, tx, id, type, full.Version, DisclosureLevel.Coordinators, lastHidden, full, ct);
    }

    private static Task EmitAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, string type, int version, DisclosureLevel visibility, object? before, object? after,
        CancellationToken ct) =>
        Outbox.EmitAsync(connection, tx, new Outbox.Change(type, "supplier", id, id, version, visibility), before, after, ct);

    /// <summary>Whether the site has an event at that visibility, and the payload of the latest (null for a tombstone).</summary>
    private static async Task<(bool Exists, JsonObject? Payload)> LastAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, DisclosureLevel visibility, CancellationToken ct)
    {
        var last = await connection.QuerySingleOrDefaultAsync<(long Id, string? Payload)?>(new CommandDefinition("""
            SELECT id, payload::text FROM events
            WHERE resource = 'supplier' AND resource_id = @id AND visibility = @visibility
            ORDER BY txid DESC, id DESC LIMIT 1
            """, new { id, visibility = Http.WireNames.Of(visibility) }, tx, cancellationToken: ct));
        return last is { } row ? (true, row.Payload is null ? null : JsonNode.Parse(row.Payload) as JsonObject) : (false, null);
    }
}
