using Dapper;
using Npgsql;
using Registry.Api.Calendar;
using Registry.Contracts.Calendar;

namespace Registry.Api.Demo;

/// <summary>
/// Closed days for a few demo sites (issue 17), so that business days differ from site to site: Obon and the New Year
/// every year, as most of the region's works keep them, and two sites that also work Saturdays. The demo supplier
/// accounts' sites come first, so that signing in as one shows a calendar to edit.
/// </summary>
internal static class DemoCalendars
{
    private const int Sites = 8;

    private static readonly SupplierClosedPeriod[] s_usual =
    [
        new() { From = new DateOnly(2026, 8, 13), To = new DateOnly(2026, 8, 16), EveryYear = true, Label = "お盆休み" },
        new() { From = new DateOnly(2026, 12, 29), To = new DateOnly(2027, 1, 3), EveryYear = true, Label = "年末年始" },
    ];

    /// <summary>Adds the calendars once, to sites of the demo region (their contact addresses say so), when no site has a calendar yet.</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM supplier_calendars)", transaction: tx, cancellationToken: ct)))
        {
            return;
        }

        var sites = (await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT id FROM suppliers WHERE status = 'published' AND contact_email LIKE '%@demo.registry.example'
            ORDER BY (id IN (SELECT supplier_id FROM account_suppliers)) DESC, id
            LIMIT @Sites
            """, new { Sites }, tx, cancellationToken: ct))).ToList();
        foreach (var (site, i) in sites.Select((s, i) => (s, i)))
        {
            // Every fourth site works Saturdays too (the second and the sixth).
            var weekly = i % 4 == 1 ? new[] { DayOfWeek.Sunday } : [DayOfWeek.Saturday, DayOfWeek.Sunday];
            await SiteCalendars.WriteAsync(connection, tx, site, new SupplierCalendarInput { WeeklyClosed = weekly, Closed = s_usual }, ct);
        }

        await tx.CommitAsync(ct);
    }
}
