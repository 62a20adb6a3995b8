using System.ComponentModel;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts.Gatherings;

namespace Registry.Api.Gatherings;

/// <summary>
/// What came of the gatherings (DESIGN §12 follow-up), for coordinators: per gathering, per cluster and in total, the
/// funnel registered → met → followed up → request → order, and the meetings that were a first tie — a buyer and a
/// site that had neither met at an earlier gathering nor traded through the registry before — since new local ties
/// are the point. Each step counts meetings that are also in the step before it; "met" needs both sides checked in.
/// </summary>
public static class FunnelApi
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/analytics/gathering-funnel", GetAsync)
            .WithTags("Analytics").RejectUnknownQueryParameters().RequireAuthorization(Policies.Coordinator)
            .WithName("getGatheringFunnel").WithSummary("What came of the gatherings: registered → met → followed up → request → order, and first-time ties, per gathering and cluster (coordinators)")
            .ProducesProblemDocument(StatusCodes.Status400BadRequest);

    private const string Sql = """
        WITH g AS (
            SELECT g.id, g.kind, g.status, g.title_ja, g.title_en, g.held_on, g.cluster_id, c.name_ja AS cluster_name_ja
            FROM gatherings g LEFT JOIN clusters c ON c.id = g.cluster_id
            WHERE g.status NOT IN ('draft', 'cancelled') AND g.held_on >= @from AND g.held_on < @to
              AND (@cluster::uuid IS NULL OR g.cluster_id = @cluster)
            ORDER BY g.held_on DESC, g.id
            LIMIT 1000
        ), met_ever AS (
            -- Every meeting that took place, at any gathering: a pair's first one is its first tie.
            SELECT m.gathering_id, eg.held_on, b.account_id AS buyer_account, s.supplier_id AS site,
                   m.buyer_outcome IS DISTINCT FROM 'none' AND m.buyer_outcome IS NOT NULL
                       OR m.supplier_outcome IS DISTINCT FROM 'none' AND m.supplier_outcome IS NOT NULL AS followed,
                   m.buyer_outcome IN ('quote_requested', 'trial_order') OR m.supplier_outcome IN ('quote_requested', 'trial_order')
                       OR m.buyer_outcome_request_id IS NOT NULL OR m.supplier_outcome_request_id IS NOT NULL
                       OR m.buyer_outcome_order_id IS NOT NULL OR m.supplier_outcome_order_id IS NOT NULL AS requested,
                   m.buyer_outcome = 'trial_order' OR m.supplier_outcome = 'trial_order'
                       OR m.buyer_outcome_order_id IS NOT NULL OR m.supplier_outcome_order_id IS NOT NULL AS ordered
            FROM gathering_meetings m
            JOIN gatherings eg ON eg.id = m.gathering_id
            JOIN gathering_participants b ON b.id = m.buyer_id
            JOIN gathering_participants s ON s.id = m.supplier_id
            WHERE m.status = 'accepted' AND m.slot IS NOT NULL AND b.checked_in_at IS NOT NULL AND s.checked_in_at IS NOT NULL
        ), met AS (
            SELECT met_ever.*, min(held_on) OVER (PARTITION BY buyer_account, site) AS first_on
            FROM met_ever
        ), first_orders AS (
            -- When each pair first traded through the registry: one pass over the met sites' orders, not a probe per meeting.
            SELECT o.supplier_id, o.buyer_account_id, min(o.created_at) AS first_at
            FROM orders o WHERE o.supplier_id IN (SELECT site FROM met_ever)
            GROUP BY 1, 2
        ), counted AS (
            SELECT met.gathering_id, count(*) AS met,
                   count(*) FILTER (WHERE met.followed) AS followed_up,
                   count(*) FILTER (WHERE met.followed AND met.requested) AS requests,
                   count(*) FILTER (WHERE met.followed AND met.requested AND met.ordered) AS orders,
                   count(*) FILTER (WHERE met.held_on = met.first_on
                       AND (fo.first_at IS NULL OR fo.first_at >= (met.held_on::timestamp AT TIME ZONE 'Asia/Tokyo'))) AS first_time_ties
            FROM met JOIN g ON g.id = met.gathering_id
            LEFT JOIN first_orders fo ON fo.supplier_id = met.site AND fo.buyer_account_id = met.buyer_account
            GROUP BY met.gathering_id
        )
        SELECT g.id AS gathering_id, g.kind, g.status, g.title_ja, g.title_en, g.held_on, g.cluster_id, g.cluster_name_ja,
               (SELECT count(*) FROM gathering_participants p WHERE p.gathering_id = g.id AND p.status = 'approved')::int AS registered,
               coalesce(c.met, 0)::int AS met, coalesce(c.followed_up, 0)::int AS followed_up, coalesce(c.requests, 0)::int AS requests,
               coalesce(c.orders, 0)::int AS orders, coalesce(c.first_time_ties, 0)::int AS first_time_ties
        FROM g LEFT JOIN counted c ON c.gathering_id = g.id
        ORDER BY g.held_on DESC, g.id
        """;

    public static async Task<Results<Ok<GatheringFunnel>, ProblemHttpResult>> GetAsync(
        [Description("Gatherings held on or after this day (default: a year ago).")] DateOnly? from,
        [Description("Gatherings held before this day (default: a year ahead).")] DateOnly? to,
        [Description("Only the gatherings of this cluster.")] Guid? clusterId,
        NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.RegionToday();
        var (start, end) = (from ?? today.AddYears(-1), to ?? today.AddYears(1));
        if (end <= start)
        {
            return Problems.Validation("to", "to must be after from.");
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql,
            new { from = start.ToDateTime(TimeOnly.MinValue), to = end.ToDateTime(TimeOnly.MinValue), cluster = clusterId }, cancellationToken: ct))).ToList();
        return TypedResults.Ok(new GatheringFunnel
        {
            Gatherings = [.. rows.Select(r => new GatheringFunnelRow
            {
                GatheringId = r.GatheringId,
                Kind = WireNames.Parse<GatheringKind>(r.Kind),
                Status = WireNames.Parse<GatheringStatus>(r.Status),
                TitleJa = r.TitleJa,
                TitleEn = r.TitleEn,
                HeldOn = r.HeldOn,
                ClusterId = r.ClusterId,
                ClusterNameJa = r.ClusterNameJa,
                Counts = Sum([r]),
            })],
            Clusters = [.. rows.GroupBy(r => r.ClusterId)
                .Select(g => new ClusterFunnelRow { ClusterId = g.Key, ClusterNameJa = g.First().ClusterNameJa, Gatherings = g.Count(), Counts = Sum([.. g]) })
                .OrderBy(c => c.ClusterId is null).ThenBy(c => c.ClusterNameJa, StringComparer.Ordinal)],
            Total = Sum(rows),
        });
    }

    private static FunnelCounts Sum(IReadOnlyCollection<Row> rows) => new()
    {
        Registered = rows.Sum(r => r.Registered),
        Met = rows.Sum(r => r.Met),
        FollowedUp = rows.Sum(r => r.FollowedUp),
        Requests = rows.Sum(r => r.Requests),
        Orders = rows.Sum(r => r.Orders),
        FirstTimeTies = rows.Sum(r => r.FirstTimeTies),
    };

    private sealed class Row
    {
        public Guid GatheringId { get; init; }
        public string Kind { get; init; } = "";
        public string Status { get; init; } = "";
        public string TitleJa { get; init; } = "";
        public string? TitleEn { get; init; }
        public DateOnly HeldOn { get; init; }
        public Guid? ClusterId { get; init; }
        public string? ClusterNameJa { get; init; }
        public int Registered { get; init; }
        public int Met { get; init; }
        public int FollowedUp { get; init; }
        public int Requests { get; init; }
        public int Orders { get; init; }
        public int FirstTimeTies { get; init; }
    }
}
