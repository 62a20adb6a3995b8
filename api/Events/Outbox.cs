using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Registry.Api.Http;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Events;

/// <summary>
/// The outbox (DESIGN §8): a change that matters writes its event in the transaction of the change itself, with the
/// resource as it now is (or a tombstone) and the names of the fields that changed. The feed and the webhook worker
/// read events from here. Every change emits through this class except a bulk import, which writes its sites' events
/// in one statement of its own transaction (ImportRunner).
/// </summary>
public static class Outbox
{
    /// <summary>
    /// What an event is about and who may read it: its type names the resource and what happened
    /// (<c>matching_request.opened</c>); the supplier is the site it concerns, so that subscribers can follow a site;
    /// the visibility is the least disclosure level that may read it.
    /// </summary>
    public sealed record Change(string Type, string Resource, Guid ResourceId, Guid? SupplierId, int? Version, DisclosureLevel Visibility);

    // Bookkeeping that moves with every write (a site's confirmedAt too: any edit reconfirms its facts): naming it
    // would make every event say it, and a change to a hidden section would look like a public one.
    private static readonly HashSet<string> s_bookkeeping = new(StringComparer.Ordinal) { "version", "updatedAt", "confirmedAt" };

    /// <summary>Writes the event of a change; <paramref name="after"/> null is a tombstone.</summary>
    public static Task EmitAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Change change, object? before, object? after, CancellationToken ct)
    {
        var beforeNode = Node(before);
        var afterNode = Node(after);
        return connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO events (type, resource, resource_id, supplier_id, version, visibility, changed, payload)
            VALUES (@type, @resource, @resourceId, @supplierId, @version, @visibility, @changed, @payload::json)
            """,
            new
            {
                type = change.Type,
                resource = change.Resource,
                resourceId = change.ResourceId,
                supplierId = change.SupplierId,
                version = change.Version,
                visibility = WireNames.Of(change.Visibility),
                changed = ChangedFields(beforeNode, afterNode).ToArray(),
                payload = afterNode?.ToJsonString(),
            },
            tx,
            cancellationToken: ct));
    }

    /// <summary>
    /// The event of an order (DESIGN §11) or a gathering's meeting or registration (§12): for its parties only — one
    /// account (<paramref name="buyerAccountId"/>) and, when a site is a party, the site's accounts and bound API clients
    /// (<paramref name="supplierId"/>). The feed and webhooks serve such events to nobody else.
    /// </summary>
    public static Task EmitToPartiesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string type, string resource, Guid resourceId,
        Guid? supplierId, Guid buyerAccountId, int version, object? before, object? after, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO events (type, resource, resource_id, supplier_id, party_account_id, version, visibility, changed, payload)
            VALUES (@type, @resource, @resourceId, @supplierId, @buyerAccountId, @version, 'parties', @changed, @payload::json)
            """,
            new
            {
                type,
                resource,
                resourceId,
                supplierId,
                buyerAccountId,
                version,
                changed = ChangedFields(Node(before), Node(after)).ToArray(),
                payload = Node(after)?.ToJsonString(),
            },
            tx,
            cancellationToken: ct));

    /// <summary>The top-level fields whose values differ between two states (all of them for a creation or a tombstone).</summary>
    public static IEnumerable<string> ChangedFields(JsonNode? before, JsonNode? after)
    {
        var was = before as JsonObject ?? [];
        var now = after as JsonObject ?? [];
        return was.Select(p => p.Key).Union(now.Select(p => p.Key), StringComparer.Ordinal)
            .Where(name => !s_bookkeeping.Contains(name) && !JsonNode.DeepEquals(was[name], now[name]))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>A state as the JSON object an event keeps.</summary>
    public static JsonObject? Node(object? state) =>
        state is null ? null : JsonSerializer.SerializeToNode(state, state.GetType(), StoredJson.Options) as JsonObject;
}
