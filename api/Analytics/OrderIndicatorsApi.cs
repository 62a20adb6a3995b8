using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.Taxonomy;
using Registry.Contracts;
using Registry.Contracts.Clusters;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Analytics;

/// <summary>
/// Orders placed through the registry, in aggregate, for coordinators (DESIGN §11 indicators): by sector and
/// municipality of the supplier site — count, value, on-time rate, lead time, route distance and how firms answer —
/// with cells of fewer than 3 firms suppressed (<see cref="OrderIndicatorsCounter"/> says how, and why the total
/// cannot give one away). Coordinators are not parties to orders: this is the only way they see them.
/// </summary>
public static class OrderIndicatorsApi
{
    public static void Map(RouteGroupBuilder analytics) =>
        analytics.MapGet("/orders", GetAsync).RequireAuthorization(Policies.Coordinator)
            .WithName("getOrderIndicators").WithSummary("Orders placed through the registry by sector and municipality, cells of fewer than 3 firms suppressed (coordinators)");

    public static async Task<Results<Ok<OrderIndicators>, ProblemHttpResult>> GetAsync(
        [Description("Orders sent on or after this day, JST (default: a year ago).")] DateOnly? from,
        [Description("Orders sent before this day, JST (default: tomorrow).")] DateOnly? to,
        [Description("Only supplier sites in these prefectures (JIS codes).")][MaxLength(47)][ItemMaxLength(2)] string[]? prefecture,
        NpgsqlDataSource db, TaxonomyCatalog taxonomy, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.RegionToday();
        var (start, end) = (from ?? today.AddYears(-1), to ?? today.AddDays(1));
        if (end <= start)
        {
            return Problems.Validation("to", "to must be after from.");
        }

        if ((prefecture ?? []).FirstOrDefault(p => !taxonomy.Exists(TaxonomyKind.Prefectures, p)) is { } unknown)
        {
            return Problems.Validation("prefecture", $"Not a known prefecture code: {unknown}.");
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            WITH o AS (
                SELECT o.id AS order_id, o.route_id, o.supplier_id, s.name_ja, coalesce(s.corporate_number, s.id::text) AS firm,
                       s.industry_codes[1] AS sector, s.municipality_code, o.status, o.total, o.due_on,
                       (o.sent_at AT TIME ZONE 'Asia/Tokyo')::date AS sent_on,
                       (SELECT max(sh.shipped_on) FROM order_shipments sh WHERE sh.order_id = o.id AND sh.final) AS final_shipped_on,
                       o.first_answer_via, o.sent_at < @now - interval '3 days' AS overdue
                FROM orders o JOIN suppliers s ON s.id = o.supplier_id
                WHERE o.sent_at IS NOT NULL
                  AND (o.sent_at AT TIME ZONE 'Asia/Tokyo')::date >= @start AND (o.sent_at AT TIME ZONE 'Asia/Tokyo')::date < @end
                  AND (@prefectures::text[] IS NULL OR s.prefecture_code = ANY(@prefectures))),
            km AS (SELECT route_id, order_route_km(route_id) AS route_km FROM (SELECT DISTINCT route_id FROM o) routes)
            SELECT o.*, km.route_km FROM o LEFT JOIN km USING (route_id)
            """,
            new
            {
                now = clock.GetUtcNow(),
                start = start.ToDateTime(TimeOnly.MinValue),
                end = end.ToDateTime(TimeOnly.MinValue),
                prefectures = prefecture is { Length: > 0 } ? prefecture : null,
            }, cancellationToken: ct));
        var counted = OrderIndicatorsCounter.Count([.. rows.Select(r => new OrderIndicatorsCounter.Fact(
            r.OrderId, r.SupplierId, r.NameJa, r.Firm, r.Sector, r.MunicipalityCode, r.Status, r.Total, r.DueOn, r.SentOn,
            r.FinalShippedOn, r.FirstAnswerVia, r.Overdue, r.RouteId, r.RouteKm))]);
        return TypedResults.Ok(new OrderIndicators
        {
            From = start,
            To = end,
            Total = counted.Total,
            Cells = counted.Cells,
            Sites = counted.Sites,
            ComputedAt = clock.GetUtcNow(),
        });
    }

    private sealed class Row
    {
        public Guid OrderId { get; init; }
        public Guid RouteId { get; init; }
        public Guid SupplierId { get; init; }
        public string NameJa { get; init; } = "";
        public string Firm { get; init; } = "";
        public string? Sector { get; init; }
        public string? MunicipalityCode { get; init; }
        public string Status { get; init; } = "";
        public long Total { get; init; }
        public DateOnly DueOn { get; init; }
        public DateOnly SentOn { get; init; }
        public DateOnly? FinalShippedOn { get; init; }
        public string? FirstAnswerVia { get; init; }
        public bool Overdue { get; init; }
        public double? RouteKm { get; init; }
    }
}
