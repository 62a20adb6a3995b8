using Dapper;
using Npgsql;
using Registry.Api.Suppliers;

namespace Registry.Api.Orders;

/// <summary>
/// How a site actually answers its orders (DESIGN §11, the FAX bridge feeding digital readiness): through an account,
/// a response link, its own system's import, or not at all. The site keeps the way it answered its latest order that
/// needed an answer (<c>supplier_answers_orders_by</c> in SQL: answered, or unanswered three days after it was sent),
/// so that the fact follows what the firm does now — a FAX-only firm that starts answering in its account shows it
/// with that answer. Kept in the transaction of each answer (and by <see cref="OrderClock"/> when three days pass);
/// a change is a coordinators' supplier event, and moves only the version coordinators and the site's owners see.
/// </summary>
public sealed class OrderAnswers(SupplierStore store)
{
    /// <summary>The actions that can change which order is the site's latest needing an answer, or how it was answered.</summary>
    public static bool Observes(string action) => action is "accept" or "reject" or "propose" or "cancel";

    /// <summary>Brings the site's observed way of answering up to date; true when it changed.</summary>
    public async Task<bool> ObserveAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid siteId, CancellationToken ct)
    {
        var changed = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            WITH seen AS (SELECT supplier_answers_orders_by(@siteId, now()) AS by)
            UPDATE suppliers s SET answers_orders_by = seen.by, version = s.version + 1, updated_at = now()
            FROM seen WHERE s.id = @siteId AND s.answers_orders_by IS DISTINCT FROM seen.by
            RETURNING true
            """, new { siteId }, tx, cancellationToken: ct));
        if (changed)
        {
            await SupplierEvents.EmitAsync(connection, tx, store, siteId, "supplier.order_answers_observed", ct);
        }

        return changed;
    }
}
