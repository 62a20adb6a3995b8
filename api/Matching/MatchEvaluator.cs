using System.Security.Claims;
using Dapper;
using Npgsql;
using Registry.Api.Data;
using Registry.Api.Search;
using Registry.Api.Search.Index;
using Registry.Api.Suppliers;
using Registry.Api.Taxonomy;
using Registry.Contracts.Matching;
using Registry.Contracts.Suppliers;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Matching;

/// <summary>
/// Evaluates a request (DESIGN §5) for a caller: per step, the published sites passing the hard filters — found by
/// the search index (or the SQL path while it loads) at the caller's disclosure level, nearest first — scored with
/// what the caller may see of them, the best ones explained; then the region-complete chains over those.
/// </summary>
public sealed class MatchEvaluator(
    SearchIndex index, SearchIndexFollower follower, SupplierSearch search, ReadDatabase reads, TaxonomyCatalog taxonomy, TimeProvider clock)
{
    /// <summary>Sites per step taken from the hard filters (nearest first) and scored.</summary>
    public const int Pool = 60;

    /// <summary>Best-scored sites per step that are shown and that the chain planner combines.</summary>
    public const int TopK = 10;

    private static readonly string[] s_inspection = ["cmm", "scanner_3d", "vision_measuring", "xray_inspection"];

    /// <summary>What is wrong with a request, by field (empty when nothing is): codes, weights, due date.</summary>
    public Dictionary<string, string[]> Problems(MatchingRequestInput request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (step, i) in request.Steps.Select((s, i) => (s, i)))
        {
            foreach (var (field, messages) in Http.Validation.Errors(step))
            {
                errors[$"steps[{i}].{field}"] = messages;
            }

            Check(errors, $"steps[{i}].processCode", TaxonomyKind.Processes, [step.ProcessCode]);
            Check(errors, $"steps[{i}].materialCodes", TaxonomyKind.Materials, step.MaterialCodes ?? []);
            Check(errors, $"steps[{i}].requiredCertifications", TaxonomyKind.Certifications, step.RequiredCertifications ?? []);
        }

        foreach (var (field, messages) in Http.Validation.Errors(request.Weights))
        {
            errors["weights." + field] = messages;
        }

        if (Math.Abs(request.Weights.Quality + request.Weights.Cost + request.Weights.Delivery - 1) > 0.001)
        {
            errors["weights"] = ["quality, cost and delivery must sum to 1."];
        }

        foreach (var (field, messages) in Http.Validation.Errors(request.Region).Concat(Http.Validation.Errors(request.Region.Centre)))
        {
            errors["region." + field] = messages;
        }

        if (request.DueDate is { } due && due < Today())
        {
            errors["dueDate"] = ["The due date has passed."];
        }

        return errors;
    }

    public async Task<MatchEvaluation> EvaluateAsync(MatchingRequestInput request, ClaimsPrincipal user, CancellationToken ct)
    {
        var level = Viewer.Level(user);
        var today = Today();
        var pools = new List<IReadOnlyList<(Guid Id, double DistanceKm)>>();
        foreach (var step in request.Steps)
        {
            pools.Add(await CandidatesAsync(step, request.Region, level, today, user, ct));
        }

        var ids = pools.SelectMany(p => p.Select(c => c.Id)).Distinct().ToArray();
        var facts = (await reads.ReadAsync(user, (connection, token) => FactsAsync(connection, ids, level, today, token), ct)).ToDictionary(f => f.Id);

        var weights = new Scorer.Weights(request.Weights.Quality, request.Weights.Cost, request.Weights.Delivery);
        var steps = new List<StepMatches>();
        var ranked = new List<IReadOnlyList<(Facts Site, Scorer.Result Result, double Km)>>();
        foreach (var (step, i) in request.Steps.Select((s, i) => (s, i)))
        {
            var processes = taxonomy.SelfAndDescendants(TaxonomyKind.Processes, step.ProcessCode).ToHashSet(StringComparer.Ordinal);
            var need = new Scorer.Need(step.ToleranceUm, step.RequiredCertifications ?? [], request.LotSize,
                request.DueDate is { } due ? due.DayNumber - today.DayNumber : null, request.Region.RadiusKm);
            var best = pools[i]
                .Where(c => facts.ContainsKey(c.Id))
                .Select(c => (Site: facts[c.Id], Result: Scorer.Score(need, facts[c.Id].OfferFor(processes, c.DistanceKm), weights), Km: c.DistanceKm))
                .OrderByDescending(s => s.Result.Score).ThenBy(s => s.Site.Id)
                .Take(TopK)
                .ToList();
            ranked.Add(best);
            steps.Add(new StepMatches
            {
                Step = i,
                ProcessCode = step.ProcessCode,
                Doable = best.Count > 0,
                Candidates = [.. best.Select(b => b.Site.ToCandidate(b.Result, b.Km))],
            });
        }

        var chains = ChainPlanner.Plan([.. ranked.Select(r => (IReadOnlyList<ChainPlanner.Candidate>)[.. r.Select(b =>
            new ChainPlanner.Candidate(b.Site.Id, b.Site.Firm, b.Result.Score, b.Site.Lat, b.Site.Lon))])]);
        return new MatchEvaluation
        {
            Steps = steps,
            Chains = [.. chains.Select(c => ToChain(c, facts))],
            EvaluatedAt = clock.GetUtcNow(),
        };
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private void Check(Dictionary<string, string[]> errors, string field, TaxonomyKind kind, IEnumerable<string> codes)
    {
        var unknown = codes.Where(c => !taxonomy.Exists(kind, c)).ToList();
        if (unknown.Count > 0)
        {
            errors[field] = [$"Not a known code (see /api/v1/taxonomy): {string.Join(", ", unknown)}."];
        }
    }

    /// <summary>The step's hard filters as a search at the caller's level, nearest first.</summary>
    private async Task<IReadOnlyList<(Guid Id, double DistanceKm)>> CandidatesAsync(
        MatchingStepInput step, MatchingRegion region, short level, DateOnly today, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = new SupplierQuery
        {
            Process = [step.ProcessCode],
            Material = step.MaterialCodes?.ToArray(),
            FitXMm = step.WorkpieceXMm,
            FitYMm = step.WorkpieceYMm,
            FitZMm = step.WorkpieceZMm,
            ToleranceUm = step.ToleranceUm,
            Certification = step.RequiredCertifications?.ToArray(),
            AcceptsContractWork = true,
            Lat = region.Centre.Lat,
            Lon = region.Centre.Lon,
            WithinKm = region.RadiusKm,
        };
        var built = search.Build(query, level, today);
        if (built.Problem is not null)
        {
            return [];
        }

        if (follower.Enabled && follower.IsLoaded)
        {
            var page = index.Query(query, SupplierSort.Distance, level, today, null, Pool, facets: false, built.Expansions);
            return [.. page.Hits.Select(h => (h.Id, double.Parse(h.SortValue, System.Globalization.CultureInfo.InvariantCulture) / 1000))];
        }

        var args = built.Args;
        args.Add("take", Pool);
        var sql = $"""
            SELECT s.id, ST_Distance(s.location, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, false) / 1000 AS distance_km
            FROM suppliers s WHERE {built.Where}
            ORDER BY distance_km, s.id LIMIT @take
            """;
        return await reads.ReadAsync(user, async (connection, token) =>
            (IReadOnlyList<(Guid, double)>)[.. await connection.QueryAsync<(Guid, double)>(new CommandDefinition(sql, args, cancellationToken: token))], ct);
    }

    // Every section masked at the caller's level, as search and profiles mask it.
    private static async Task<IEnumerable<Facts>> FactsAsync(NpgsqlConnection connection, Guid[] ids, short level, DateOnly today, CancellationToken ct) =>
        await connection.QueryAsync<Facts>(new CommandDefinition("""
            SELECT s.id, s.name_ja, s.name_en, s.municipality_code, ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lon,
                   s.verification = 'verified' AS verified, coalesce(s.corporate_number, s.id::text) AS firm,
                   CASE WHEN s.disclosure_capacity <= @level AND s.spare_capacity_valid_until >= @today THEN s.spare_capacity_pct END AS spare_capacity_pct,
                   CASE WHEN s.disclosure_capacity <= @level THEN s.typical_lead_days END AS typical_lead_days,
                   CASE WHEN s.disclosure_certifications <= @level THEN ARRAY(
                       SELECT DISTINCT c.code FROM supplier_certifications c
                       WHERE c.supplier_id = s.id AND (c.valid_until IS NULL OR c.valid_until >= @today)) END AS certifications,
                   CASE WHEN s.disclosure_equipment <= @level THEN EXISTS (
                       SELECT 1 FROM supplier_equipment e WHERE e.supplier_id = s.id AND e.type_code = ANY(@inspection)) END AS has_inspection,
                   CASE WHEN s.disclosure_capabilities <= @level THEN ARRAY(
                       SELECT c.process_code || '|' || coalesce(c.best_tolerance_um::text, '') || '|' || coalesce(c.lot_min::text, '')
                              || '|' || coalesce(c.lot_max::text, '') || '|' || coalesce(c.lead_days::text, '')
                       FROM supplier_capabilities c WHERE c.supplier_id = s.id) END AS capabilities
            FROM suppliers s
            WHERE s.id = ANY(@ids) AND s.status = 'published' AND s.location IS NOT NULL
            """, new { ids, level, today, inspection = s_inspection }, cancellationToken: ct));

    private static MatchChain ToChain(ChainPlanner.Chain chain, Dictionary<Guid, Facts> facts) => new()
    {
        Steps = [.. chain.Assignments.Select((a, i) => new ChainAssignment
        {
            Step = i,
            SupplierId = a?.SiteId,
            NameJa = a is null ? null : facts[a.SiteId].NameJa,
            Location = a is null ? null : new GeoLocation { Lat = a.Lat, Lon = a.Lon },
        })],
        Legs = [.. chain.Legs.Select(l => new ChainLeg { FromStep = l.FromStep, ToStep = l.ToStep, Km = l.Km })],
        TotalKm = chain.TotalKm,
        Firms = chain.Firms,
        Completeness = chain.Completeness,
        Gaps = chain.Gaps,
    };

    /// <summary>A candidate site as the caller may see it: masked sections are null.</summary>
    private sealed class Facts
    {
        public Guid Id { get; init; }
        public string NameJa { get; init; } = "";
        public string? NameEn { get; init; }
        public string? MunicipalityCode { get; init; }
        public double Lat { get; init; }
        public double Lon { get; init; }
        public bool Verified { get; init; }
        public string Firm { get; init; } = "";
        public int? SpareCapacityPct { get; init; }
        public int? TypicalLeadDays { get; init; }
        public string[]? Certifications { get; init; }
        public bool? HasInspection { get; init; }
        public string[]? Capabilities { get; init; }

        /// <summary>The offer for a step: the site's best capability among the step's processes (tightest tolerance).</summary>
        public Scorer.Offer OfferFor(HashSet<string> processes, double distanceKm)
        {
            var rows = (Capabilities ?? [])
                .Select(c => c.Split('|'))
                .Where(p => processes.Contains(p[0]))
                .Select(p => (Tolerance: Number(p, 1), LotMin: (int?)Number(p, 2), LotMax: (int?)Number(p, 3), Lead: (int?)Number(p, 4)))
                .OrderBy(r => r.Tolerance ?? double.MaxValue)
                .ToList();
            var best = rows.Count > 0 ? rows[0] : default;
            return new Scorer.Offer(distanceKm, best.Tolerance, Certifications ?? [], HasInspection, Verified, best.LotMin, best.LotMax,
                best.Lead ?? TypicalLeadDays, SpareCapacityPct);
        }

        public MatchCandidate ToCandidate(Scorer.Result result, double distanceKm) => new()
        {
            SupplierId = Id,
            NameJa = NameJa,
            NameEn = NameEn,
            MunicipalityCode = MunicipalityCode,
            Location = new GeoLocation { Lat = Lat, Lon = Lon },
            Verified = Verified,
            DistanceKm = Math.Round(distanceKm, 2),
            Score = result.Score,
            Explanation = [.. result.Criteria.Select(c => new MatchCriterion
            {
                Criterion = c.Name,
                Required = c.Required,
                Offered = c.Offered,
                Met = (CriterionOutcome)(int)c.Met,
                Weight = c.Weight,
                Points = c.Points,
            })],
        };

        // An unknown value is an empty field.
        private static double? Number(string[] parts, int i) =>
            i < parts.Length && double.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
