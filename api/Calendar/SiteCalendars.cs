using Dapper;
using Npgsql;
using Registry.Contracts.Calendar;

namespace Registry.Api.Calendar;

/// <summary>
/// Sites' calendars as stored (migration 0022): read for counting business days (<see cref="ReadAsync"/>, what orders
/// use), read and replaced as the wire record by <see cref="CalendarApi"/>. A site without a row keeps
/// <see cref="SiteCalendar.Default"/>.
/// </summary>
public static class SiteCalendars
{
    /// <summary>The calendars of these sites, every id present: a site that never set one (or no such site) has <see cref="SiteCalendar.Default"/>.</summary>
    public static async Task<IReadOnlyDictionary<Guid, SiteCalendar>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, IReadOnlyCollection<Guid> siteIds, CancellationToken ct)
    {
        var ids = siteIds.Distinct().ToArray();
        var (calendars, periods) = await ReadRowsAsync(connection, tx, ids, ct);
        return ids.ToDictionary(id => id, id => calendars.TryGetValue(id, out var row) ? ToSiteCalendar(row.WeeklyClosed, periods[id]) : SiteCalendar.Default);
    }

    /// <summary>One site's calendar as the wire record (version 0 and the default week when it never set one).</summary>
    internal static async Task<SupplierCalendar> ReadOneAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, CancellationToken ct)
    {
        var (calendars, periods) = await ReadRowsAsync(connection, tx, [id], ct);
        if (!calendars.TryGetValue(id, out var row))
        {
            return new SupplierCalendar
            {
                SupplierId = id,
                WeeklyClosed = [.. SiteCalendar.Default.WeeklyClosed.Order()],
                Closed = [],
                Version = 0,
            };
        }

        return new SupplierCalendar
        {
            SupplierId = id,
            WeeklyClosed = [.. row.WeeklyClosed.Select(d => (DayOfWeek)d).Order()],
            Closed = [.. periods[id].Select(p => new SupplierClosedPeriod { From = p.FromDate, To = p.ToDate, EveryYear = p.EveryYear, Label = p.Label })],
            Version = row.Version,
            UpdatedAt = row.UpdatedAt,
        };
    }

    /// <summary>Replaces the site's calendar (the caller holds the site's lock and has checked the version it replaces).</summary>
    internal static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, SupplierCalendarInput body, CancellationToken ct)
    {
        var weekly = body.WeeklyClosed.Distinct().Order().Select(d => (short)d).ToArray();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO supplier_calendars (supplier_id, weekly_closed) VALUES (@id, @weekly)
            ON CONFLICT (supplier_id) DO UPDATE SET weekly_closed = excluded.weekly_closed,
                version = supplier_calendars.version + 1, updated_at = now()
            """, new { id, weekly }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM supplier_closed_periods WHERE supplier_id = @id", new { id }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO supplier_closed_periods (supplier_id, position, from_date, to_date, every_year, label)
            SELECT @id, p.position - 1, p.from_date, p.to_date, p.every_year, p.label
            FROM unnest(@from::date[], @to::date[], @everyYear::boolean[], @label::text[]) WITH ORDINALITY AS p(from_date, to_date, every_year, label, position)
            """,
            new
            {
                id,
                from = body.Closed.Select(p => p.From).ToArray(),
                to = body.Closed.Select(p => p.To).ToArray(),
                everyYear = body.Closed.Select(p => p.EveryYear).ToArray(),
                label = body.Closed.Select(p => p.Label.Trim()).ToArray(),
            }, tx, cancellationToken: ct));
    }

    /// <summary>The calendar the wire record describes, for counting.</summary>
    internal static SiteCalendar ToSiteCalendar(SupplierCalendarInput body) =>
        new(body.WeeklyClosed.ToHashSet(), [.. body.Closed.Select(p => new ClosedPeriod(p.From, p.To, p.EveryYear, p.Label))]);

    private static SiteCalendar ToSiteCalendar(short[] weekly, IEnumerable<PeriodRow> periods) =>
        new(weekly.Select(d => (DayOfWeek)d).ToHashSet(), [.. periods.Select(p => new ClosedPeriod(p.FromDate, p.ToDate, p.EveryYear, p.Label))]);

    private static async Task<(Dictionary<Guid, CalendarRow> Calendars, ILookup<Guid, PeriodRow> Periods)> ReadRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, Guid[] ids, CancellationToken ct)
    {
        if (ids.Length == 0)
        {
            return ([], Array.Empty<PeriodRow>().ToLookup(p => p.SupplierId));
        }

        var calendars = await connection.QueryAsync<CalendarRow>(new CommandDefinition(
            "SELECT supplier_id, weekly_closed, version, updated_at FROM supplier_calendars WHERE supplier_id = ANY(@ids)",
            new { ids }, tx, cancellationToken: ct));
        var periods = await connection.QueryAsync<PeriodRow>(new CommandDefinition(
            "SELECT supplier_id, from_date, to_date, every_year, label FROM supplier_closed_periods WHERE supplier_id = ANY(@ids) ORDER BY supplier_id, position",
            new { ids }, tx, cancellationToken: ct));
        return (calendars.ToDictionary(c => c.SupplierId), periods.ToLookup(p => p.SupplierId));
    }

    private sealed class CalendarRow
    {
        public Guid SupplierId { get; init; }
        public short[] WeeklyClosed { get; init; } = [];
        public int Version { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    private sealed class PeriodRow
    {
        public Guid SupplierId { get; init; }
        public DateOnly FromDate { get; init; }
        public DateOnly ToDate { get; init; }
        public bool EveryYear { get; init; }
        public string Label { get; init; } = "";
    }
}
