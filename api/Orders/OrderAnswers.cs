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
        // The kept fact and what the orders say now; a change moves the site's version (coordinators and owners see it).
        var changed = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            WITH seen AS (SELECT supplier_answers_orders_by(@siteId, now()) AS by),
            was AS (SELECT (SELECT answers_by FROM supplier_order_answers WHERE supplier_id = @siteId) AS by),
            gone AS (DELETE FROM supplier_order_answers WHERE supplier_id = @siteId AND (SELECT by FROM seen) IS NULL RETURNING 1),
            kept AS (
                INSERT INTO supplier_order_answers (supplier_id, answers_by) SELECT @siteId, by FROM seen WHERE by IS NOT NULL
                ON CONFLICT (supplier_id) DO UPDATE SET answers_by = EXCLUDED.answers_by, observed_at = now()
                WHERE supplier_order_answers.answers_by IS DISTINCT FROM EXCLUDED.answers_by
                RETURNING 1),
            moved AS (
                UPDATE suppliers SET version = version + 1, updated_at = now()
                WHERE id = @siteId AND (SELECT by FROM was) IS DISTINCT FROM (SELECT by FROM seen)
                RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM moved)
            """, new { siteId }, tx, cancellationToken: ct));
        if (changed)
        {
            await SupplierEvents.EmitAsync(connection, tx, store, siteId, "supplier.order_answers_observed", ct);
        }

        return changed;
    }
}
