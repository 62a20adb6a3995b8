using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Clusters;
using Registry.Api.Disclosure;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.Regions;
using Registry.Api.Taxonomy;
using Registry.Contracts;
using Registry.Contracts.Clusters;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Analytics;

/// <summary>
/// What the region can and cannot do (DESIGN §1.3): per value-chain step of a cluster, or per process family region
/// wide, how many published sites do it — verified, taking contract work, with spare capacity — by municipality, and
/// the steps nobody does; the indicators a municipality reports on; and the demand buyers' requests met no supply for.
/// Capacity, certificate and staff figures count only sections the caller may see (coordinators see all).
/// </summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/clusters/{id:guid}/coverage", ClusterCoverageAsync).WithTags("Clusters").RejectUnknownQueryParameters()
            .WithName("getClusterCoverage").WithSummary("Per value-chain step: sites in the cluster's region that do it, by municipality, and the gaps")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        var analytics = app.MapGroup("/api/v1/analytics").WithTags("Analytics").RejectUnknownQueryParameters();
        analytics.MapGet("/coverage", RegionCoverageAsync)
            .WithName("getRegionCoverage").WithSummary("Per process family: sites in a region that do it, by municipality, the gaps, and the region's indicators");
        analytics.MapGet("/demand", DemandAsync).RequireAuthorization(Policies.Coordinator)
            .WithName("getDemandGaps").WithSummary("What buyers asked for that the region could not serve or served thinly (coordinators)");
        OrderIndicatorsApi.Map(analytics);
        return app;
    }

    /// <summary>A region given in the query: a radius around a point, prefectures, or both; none is the whole registry.</summary>
    public sealed record RegionQuery : IValidatableObject
    {
        [MaxLength(47)]
        [ItemMaxLength(2)]
        [FromQuery(Name = "prefecture")]
        public string[]? Prefecture { get; init; }

        [Range(20.0, 46.0)]
        [FromQuery(Name = "lat")]
        public double? Lat { get; init; }

        [Range(122.0, 154.0)]
        [FromQuery(Name = "lon")]
        public double? Lon { get; init; }

        [Description("With lat and lon: only sites within this distance of the point.")]
        [Range(0.1, 2000)]
        [FromQuery(Name = "withinKm")]
        public double? WithinKm { get; init; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Http.GeoFilter.Problems(Lat, Lon, WithinKm);
    }

    public static async Task<Results<Ok<ClusterCoverage>, ProblemHttpResult>> ClusterCoverageAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await ClustersApi.ReadAsync(connection, null, id, ct) is not { } cluster || !cluster.VisibleTo(user))
        {
            return Problems.NotFound("cluster");
        }

        var args = new DynamicParameters();
        var region = RegionSql.Where(cluster.RegionValue(), args);
        var rows = await RowsAsync(connection, cluster.ValueChain, region, args, user, clock, ct);
        var members = (await connection.QueryAsync<(long Step, int Members)>(new CommandDefinition("""
            SELECT v.step - 1, count(s.id)::int
            FROM unnest(@chain::text[]) WITH ORDINALITY v(code, step)
            LEFT JOIN cluster_members m ON m.cluster_id = @id AND m.status = 'member'
            LEFT JOIN suppliers s ON s.id = m.supplier_id AND s.status = 'published' AND s.process_codes @> ARRAY[v.code]
            GROUP BY v.step
            """, new { id, chain = cluster.ValueChain }, cancellationToken: ct))).ToDictionary(r => (int)r.Step, r => r.Members);
        var steps = rows.Select((row, step) => row with { Step = step, Members = members.GetValueOrDefault(step) }).ToList();
        return TypedResults.Ok(new ClusterCoverage
        {
            ClusterId = id,
            Steps = steps,
            Gaps = [.. steps.Where(s => s.Sites == 0).Select(s => s.Step!.Value)],
            ComputedAt = clock.GetUtcNow(),
        });
    }

    public static async Task<Results<Ok<RegionCoverage>, ProblemHttpResult>> RegionCoverageAsync(
        [AsParameters] RegionQuery query, ClaimsPrincipal user, NpgsqlDataSource db, TaxonomyCatalog taxonomy, TimeProvider clock, CancellationToken ct)
    {
        if ((query.WithinKm is not null || query.Lat is not null || query.Lon is not null) && query is not { Lat: not null, Lon: not null, WithinKm: not null })
        {
            return Problems.Validation("withinKm", "A point region is lat, lon and withinKm together.");
        }

        if ((query.Prefecture ?? []).FirstOrDefault(p => !taxonomy.Exists(TaxonomyKind.Prefectures, p)) is { } unknown)
        {
            return Problems.Validation("prefecture", $"Not a known prefecture code: {unknown}.");
        }

        var families = taxonomy.Terms(TaxonomyKind.Processes).Where(t => t.Parent is null).Select(t => t.Code).ToList();
        await using var connection = await db.OpenConnectionAsync(ct);
        var args = new DynamicParameters();
        var region = RegionSql.Where(query.Lat, query.Lon, query.WithinKm, query.Prefecture, args);
        var rows = await RowsAsync(connection, families, region, args, user, clock, ct);
        return TypedResults.Ok(new RegionCoverage
        {
            Families = rows,
            Gaps = [.. rows.Where(r => r.Sites == 0).Select(r => r.ProcessCode)],
            Indicators = await IndicatorsAsync(connection, region, args, user, clock, ct),
            ComputedAt = clock.GetUtcNow(),
        });
    }

    public static async Task<Results<Ok<DemandGaps>, ProblemHttpResult>> DemandAsync(
        [Description("Requests opened on or after this day (default: a year ago).")] DateOnly? from,
        [Description("Requests opened before this day (default: tomorrow).")] DateOnly? to,
        NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var (start, end) = (from ?? today.AddYears(-1), to ?? today.AddDays(1));
        if (end <= start)
        {
            return Problems.Validation("to", "to must be after from.");
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        var asked = await connection.QueryAsync<DemandGapsCounter.AskedStep>(new CommandDefinition("""
            SELECT r.id AS request_id, r.municipality_code, to_char(r.opened_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
                   st.value->>'processCode' AS process_code,
                   ARRAY(SELECT jsonb_array_elements_text(coalesce(nullif(st.value->'requiredCertifications', 'null'::jsonb), '[]'::jsonb))) AS certifications,
                   greatest((st.value->>'workpieceXMm')::float8, (st.value->>'workpieceYMm')::float8, (st.value->>'workpieceZMm')::float8) AS longest_side_mm,
                   (SELECT count(*) FROM matching_candidates c WHERE c.request_id = r.id AND c.step = st.ordinality - 1)::int AS candidates
            FROM matching_requests r, jsonb_array_elements(r.body->'steps') WITH ORDINALITY st
            WHERE r.opened_at >= @start AND r.opened_at < @end
            """, new { start = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), end = end.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) },
            cancellationToken: ct));
        return TypedResults.Ok(DemandGapsCounter.Count([.. asked]));
    }

    /// <summary>One coverage row per code (in order), each with its municipalities, for the sites matching the region.</summary>
    private static async Task<List<CoverageRow>> RowsAsync(
        NpgsqlConnection connection, IReadOnlyList<string> codes, string region, DynamicParameters args, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct)
    {
        args.Add("codes", codes.ToArray());
        args.Add("level", Viewer.Level(user));
        args.Add("today", clock.Today());
        var counts = (await connection.QueryAsync<CountRow>(new CommandDefinition($"""
            SELECT v.step - 1 AS ordinal, s.municipality_code,
                   count(*)::int AS sites,
                   count(*) FILTER (WHERE s.verification = 'verified')::int AS verified,
                   count(*) FILTER (WHERE {Sections.Capacity.ContractAcceptance} <> 'closed')::int AS accepting,
                   count(*) FILTER (WHERE {Spare})::int AS with_spare,
                   coalesce(sum(s.spare_capacity_pct) FILTER (WHERE {Spare}), 0)::int AS spare_sum
            FROM unnest(@codes::text[]) WITH ORDINALITY v(code, step)
            JOIN suppliers s ON s.process_codes @> ARRAY[v.code]
            WHERE {region}
            GROUP BY v.step, s.municipality_code
            """, args, cancellationToken: ct))).ToLookup(r => (int)r.Ordinal);
        return [.. codes.Select((code, i) =>
        {
            var byMunicipality = counts[i].ToList();
            var withSpare = byMunicipality.Sum(r => r.WithSpare);
            return new CoverageRow
            {
                ProcessCode = code,
                Sites = byMunicipality.Sum(r => r.Sites),
                Verified = byMunicipality.Sum(r => r.Verified),
                AcceptingContractWork = byMunicipality.Sum(r => r.Accepting),
                WithSpareCapacity = withSpare,
                SpareCapacityAvgPct = withSpare == 0 ? null : Math.Round((double)byMunicipality.Sum(r => r.SpareSum) / withSpare, 1),
                ByMunicipality = [.. byMunicipality.OrderByDescending(r => r.Sites).ThenBy(r => r.MunicipalityCode, StringComparer.Ordinal)
                    .Select(r => new MunicipalityCount { MunicipalityCode = r.MunicipalityCode, Sites = r.Sites })],
            };
        })];
    }

    private const string Spare = Sections.Capacity.SpareNow + " > 0";

    private static async Task<RegionIndicators> IndicatorsAsync(
        NpgsqlConnection connection, string region, DynamicParameters args, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        using var results = await connection.QueryMultipleAsync(new CommandDefinition($"""
            SELECT count(*)::int AS published_sites,
                   count(*) FILTER (WHERE {Sections.Certifications.Shown})::int AS certifications_known,
                   count(*) FILTER (WHERE cardinality({Sections.Certifications.Codes}) > 0)::int AS with_certifications,
                   count(*) FILTER (WHERE s.edi)::int AS edi,
                   count(*) FILTER (WHERE s.online_ordering)::int AS online_ordering,
                   count(*) FILTER (WHERE s.fax_only)::int AS fax_only,
                   count(*) FILTER (WHERE {Sections.Capacity.Shown})::int AS capacity_known,
                   count(*) FILTER (WHERE {Sections.Capacity.ContractAcceptance} = 'open')::int AS contract_work_open,
                   count(*) FILTER (WHERE {Sections.Capacity.ContractAcceptance} = 'limited')::int AS contract_work_limited,
                   count(*) FILTER (WHERE {Sections.Capacity.ContractAcceptance} = 'closed')::int AS contract_work_closed,
                   count(*) FILTER (WHERE {Sections.Staff.Shown})::int AS staff_known
            FROM suppliers s WHERE {region};

            SELECT c.code, count(*)::int AS sites
            FROM suppliers s CROSS JOIN LATERAL unnest(s.certification_codes) c(code)
            WHERE {region} AND {Sections.Certifications.Shown}
            GROUP BY c.code ORDER BY sites DESC, c.code LIMIT 200;

            SELECT st.qualification_code, sum(st.headcount)::int AS headcount, count(DISTINCT st.supplier_id)::int AS sites
            FROM supplier_staff st JOIN suppliers s ON s.id = st.supplier_id
            WHERE {region} AND {Sections.Staff.Shown}
            GROUP BY st.qualification_code ORDER BY headcount DESC, st.qualification_code LIMIT 500;
            """, args, cancellationToken: ct));
        var totals = await results.ReadSingleAsync<Totals>();
        var certifications = (await results.ReadAsync<CodeCount>()).ToList();
        var staff = (await results.ReadAsync<QualifiedStaff>()).ToList();
        return new RegionIndicators
        {
            PublishedSites = totals.PublishedSites,
            CertificationsKnown = totals.CertificationsKnown,
            WithCertifications = totals.WithCertifications,
            Certifications = certifications,
            Edi = totals.Edi,
            OnlineOrdering = totals.OnlineOrdering,
            FaxOnly = totals.FaxOnly,
            CapacityKnown = totals.CapacityKnown,
            ContractWorkOpen = totals.ContractWorkOpen,
            ContractWorkLimited = totals.ContractWorkLimited,
            ContractWorkClosed = totals.ContractWorkClosed,
            StaffKnown = totals.StaffKnown,
            QualifiedStaff = staff,
        };
    }

    private sealed class CountRow
    {
        public long Ordinal { get; init; }
        public string? MunicipalityCode { get; init; }
        public int Sites { get; init; }
        public int Verified { get; init; }
        public int Accepting { get; init; }
        public int WithSpare { get; init; }
        public int SpareSum { get; init; }
    }

    private sealed class Totals
    {
        public int PublishedSites { get; init; }
        public int CertificationsKnown { get; init; }
        public int WithCertifications { get; init; }
        public int Edi { get; init; }
        public int OnlineOrdering { get; init; }
        public int FaxOnly { get; init; }
        public int CapacityKnown { get; init; }
        public int ContractWorkOpen { get; init; }
        public int ContractWorkLimited { get; init; }
        public int ContractWorkClosed { get; init; }
        public int StaffKnown { get; init; }
    }
}
