using System.Security.Claims;
using Dapper;
using Registry.Api.Data;
using Registry.Api.Disclosure;
using Registry.Api.Http;
using Registry.Api.Places;
using Registry.Api.Regions;
using Registry.Api.Search;
using Registry.Api.Search.Index;
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
    SearchIndex index, SearchIndexFollower follower, SupplierSearch search, ReadDatabase reads, TaxonomyCatalog taxonomy, PlaceCentres centres,
    TimeProvider clock)
{
    /// <summary>Sites per step taken from the hard filters (nearest first) and scored.</summary>
    public const int Pool = 60;

    /// <summary>Best-scored sites per step that are shown and that the chain planner combines.</summary>
    public const int TopK = 10;

    /// <summary>Without a radius (a region of prefectures), where the distance criterion reaches no points.</summary>
    public const double DistanceScaleKm = 200;

    /// <summary>How far ahead a due date may lie: beyond it a date is a slip (9999-12-31), not a plan.</summary>
    public const int MaxYearsAhead = 5;

    private static readonly string[] s_inspection = ["cmm", "scanner_3d", "vision_measuring", "xray_inspection"];

    /// <summary>The request with its region's centre placed (RegionRules.PlaceAsync), and what is wrong with it.</summary>
    public async Task<(MatchingRequestInput Request, Dictionary<string, string[]> Errors)> CheckAsync(
        MatchingRequestInput request, ClaimsPrincipal user, bool english, CancellationToken ct)
    {
        var (region, errors) = await RegionRules.PlaceAsync(request.Region, centres, user, english, ct);
        request = request with { Region = region };
        foreach (var (field, messages) in Problems(request))
        {
            errors.TryAdd(field, messages);
        }

        return (request, errors);
    }

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

            taxonomy.Check(errors, $"steps[{i}].processCode", TaxonomyKind.Processes, [step.ProcessCode]);
            taxonomy.Check(errors, $"steps[{i}].materialCodes", TaxonomyKind.Materials, step.MaterialCodes ?? []);
            taxonomy.Check(errors, $"steps[{i}].requiredCertifications", TaxonomyKind.Certifications, step.RequiredCertifications ?? []);
        }

        foreach (var (field, messages) in Http.Validation.Errors(request.Weights))
        {
            errors["weights." + field] = messages;
        }

        if (Math.Abs(request.Weights.Quality + request.Weights.Cost + request.Weights.Delivery - 1) > 0.001)
        {
            errors["weights"] = ["quality, cost and delivery must sum to 1."];
        }

        RegionRules.Check(errors, request.Region, taxonomy);
        if (request.DueDate is { } due && due < clock.Today())
        {
            errors["dueDate"] = ["The due date has passed."];
        }
        else if (request.DueDate is { } far && far > clock.Today().AddYears(MaxYearsAhead))
        {
            // 9999-12-31 is a typing slip, not a plan: a supplier cannot commit capacity that far ahead.
            errors["dueDate"] = [$"The due date is more than {MaxYearsAhead} years ahead."];
        }

        return errors;
    }

    public async Task<MatchEvaluation> EvaluateAsync(MatchingRequestInput request, ClaimsPrincipal user, CancellationToken ct)
    {
        var level = Viewer.Level(user);
        var today = clock.Today();
        var weights = new Scorer.Weights(request.Weights.Quality, request.Weights.Cost, request.Weights.Delivery);
        var ranked = new List<List<(NearbySite Site, Scorer.Result Result)>>();
        foreach (var step in request.Steps)
        {
            var need = new Scorer.Need(step.ToleranceUm, step.RequiredCertifications ?? [], request.LotSize,
                request.DueDate is { } due ? due.DayNumber - today.DayNumber : null, request.Region.RadiusKm ?? DistanceScaleKm);
            ranked.Add([.. (await CandidatesAsync(step, request.Region, level, today, user, ct))
                .Select(site => (Site: site, Result: Scorer.Score(need, Offer(site), weights)))
                .OrderByDescending(s => s.Result.Score).ThenBy(s => s.Site.Id)
                .Take(TopK)]);
        }

        // English names of the sites shown: the one column the index does not keep.
        var shown = ranked.SelectMany(r => r.Select(s => s.Site.Id)).Distinct().ToArray();
        var english = await reads.ReadAsync(user, async (connection, token) => (await connection.QueryAsync<(Guid Id, string? NameEn)>(
            new CommandDefinition("SELECT id, name_en FROM suppliers WHERE id = ANY(@shown)", new { shown }, cancellationToken: token)))
            .ToDictionary(r => r.Id, r => r.NameEn), ct);

        var chains = ChainPlanner.Plan([.. ranked.Select(r => (IReadOnlyList<ChainPlanner.Candidate>)[.. r.Select(b =>
            new ChainPlanner.Candidate(b.Site.Id, b.Site.Firm, b.Result.Score, b.Site.Lat, b.Site.Lon))])]);
        var names = ranked.SelectMany(r => r.Select(s => s.Site)).DistinctBy(s => s.Id).ToDictionary(s => s.Id, s => s.NameJa);
        // RegionRules placed a centrePlace before the request got here: a valid region always has its centre.
        var delivery = request.Region.Centre ?? throw new InvalidOperationException("The region's centre is placed before evaluation.");
        return new MatchEvaluation
        {
            Steps = [.. request.Steps.Select((step, i) => new StepMatches
            {
                Step = i,
                ProcessCode = step.ProcessCode,
                Doable = ranked[i].Count > 0,
                Candidates = [.. ranked[i].Select(b => ToCandidate(b.Site, b.Result, english.GetValueOrDefault(b.Site.Id)))],
            })],
            Chains = [.. chains.Select(c => ToChain(c, names, ChainPlanner.Delivery(c, delivery.Lat, delivery.Lon)))],
            DeliveryPoint = delivery,
            EvaluatedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>
    /// How each of <paramref name="sites"/> fares on each step of <paramref name="request"/> at <paramref name="level"/>:
    /// per step, the sites that pass its hard filters, scored and explained as <see cref="EvaluateAsync"/> scores its
    /// candidates, best first. The request's radius and prefectures do not apply — the sites are known already (a
    /// gathering's participants came from wherever they are) — but the distance from its centre still counts. Read by
    /// id through SQL: it is for a few hundred sites, not the nation.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<MatchCandidate>>> ScoreSitesAsync(
        MatchingRequestInput request, IReadOnlyCollection<Guid> sites, short level, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = clock.Today();
        var weights = new Scorer.Weights(request.Weights.Quality, request.Weights.Cost, request.Weights.Delivery);
        var ids = sites.Distinct().ToArray();
        return await reads.ReadAsync(user, async (connection, token) =>
        {
            var scored = new List<IReadOnlyList<MatchCandidate>>();
            foreach (var step in request.Steps)
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
                    Lat = request.Region.Centre?.Lat,
                    Lon = request.Region.Centre?.Lon,
                };
                var built = search.Build(query, level, today);
                if (built.Problem is not null || ids.Length == 0)
                {
                    scored.Add([]);
                    continue;
                }

                var args = built.Args;
                args.Add("sites", ids);
                args.Add("inspection", s_inspection);
                var sql = $"""
                    SELECT s.id, coalesce(ST_Distance(s.location, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, false) / 1000, 0) AS distance_km,
                           {Facts}
                    FROM suppliers s WHERE {built.Where} AND s.id = ANY(@sites)
                    """;
                var wanted = taxonomy.SelfAndDescendants(TaxonomyKind.Processes, step.ProcessCode).ToHashSet(StringComparer.Ordinal);
                var need = new Scorer.Need(step.ToleranceUm, step.RequiredCertifications ?? [], request.LotSize,
                    request.DueDate is { } due ? due.DayNumber - today.DayNumber : null, request.Region.RadiusKm ?? DistanceScaleKm);
                scored.Add([.. (await connection.QueryAsync<FactsRow>(new CommandDefinition(sql, args, cancellationToken: token)))
                    .Select(r => r.ToFacts(wanted))
                    .Select(site => (Site: site, Result: Scorer.Score(need, Offer(site), weights)))
                    .OrderByDescending(s => s.Result.Score).ThenBy(s => s.Site.Id)
                    .Select(s => ToCandidate(s.Site, s.Result, null))]);
            }

            return (IReadOnlyList<IReadOnlyList<MatchCandidate>>)scored;
        }, ct);
    }

    private static Scorer.Offer Offer(NearbySite site) => new(
        site.DistanceKm, site.ToleranceUm, site.Certifications, site.HasInspection, site.Verified, site.LotMin, site.LotMax,
        site.LeadDays ?? site.TypicalLeadDays, site.SpareCapacityPct);

    private static MatchCandidate ToCandidate(NearbySite site, Scorer.Result result, string? nameEn) => new()
    {
        SupplierId = site.Id,
        NameJa = site.NameJa,
        NameEn = nameEn,
        MunicipalityCode = site.MunicipalityCode,
        Location = new GeoLocation { Lat = site.Lat, Lon = site.Lon },
        Verified = site.Verified,
        DistanceKm = Math.Round(site.DistanceKm, 2),
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

    /// <summary>
    /// The step's hard filters as a search at the caller's level, nearest first, with each site's scoring facts. A region
    /// of prefectures is one search per prefecture, merged by distance: the nearest of the union are among the nearest
    /// of each.
    /// </summary>
    private async Task<IReadOnlyList<NearbySite>> CandidatesAsync(
        MatchingStepInput step, MatchingRegion region, short level, DateOnly today, ClaimsPrincipal user, CancellationToken ct)
    {
        if (region.Prefectures is not { Count: > 0 } prefectures)
        {
            return await CandidatesAsync(step, region, null, level, today, user, ct);
        }

        var found = new List<NearbySite>();
        foreach (var prefecture in prefectures.Distinct(StringComparer.Ordinal))
        {
            found.AddRange(await CandidatesAsync(step, region, prefecture, level, today, user, ct));
        }

        return [.. found.OrderBy(s => s.DistanceKm).ThenBy(s => s.Id).Take(Pool)];
    }

    private async Task<IReadOnlyList<NearbySite>> CandidatesAsync(
        MatchingStepInput step, MatchingRegion region, string? prefecture, short level, DateOnly today, ClaimsPrincipal user, CancellationToken ct)
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
            Lat = region.Centre?.Lat,
            Lon = region.Centre?.Lon,
            WithinKm = region.RadiusKm,
            Prefecture = prefecture,
        };
        var built = search.Build(query, level, today);
        if (built.Problem is not null)
        {
            return [];
        }

        var processes = taxonomy.SelfAndDescendants(TaxonomyKind.Processes, step.ProcessCode);
        if (follower.Enabled && follower.IsLoaded)
        {
            return index.Nearest(query, level, today, Pool, built.Expansions, processes, s_inspection);
        }

        var args = built.Args;
        args.Add("take", Pool);
        args.Add("inspection", s_inspection);
        var sql = $"""
            SELECT s.id, ST_Distance(s.location, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, false) / 1000 AS distance_km, {Facts}
            FROM suppliers s WHERE {built.Where}
            ORDER BY distance_km, s.id LIMIT @take
            """;
        var wanted = processes.ToHashSet(StringComparer.Ordinal);
        return await reads.ReadAsync(user, async (connection, token) => (IReadOnlyList<NearbySite>)[.. (await connection.QueryAsync<FactsRow>(
            new CommandDefinition(sql, args, cancellationToken: token))).Select(r => r.ToFacts(wanted))], ct);
    }

    // What the SQL path reads of a candidate, every section masked at the caller's level as search and profiles mask
    // it; the index keeps the same facts (SearchIndex.Nearest).
    private const string Facts = $"""
        s.name_ja, s.municipality_code, ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lon,
        s.verification = 'verified' AS verified, coalesce(s.corporate_number, s.id::text) AS firm,
        {Sections.Capacity.SpareNow} AS spare_capacity_pct,
        {Sections.Capacity.TypicalLeadDays} AS typical_lead_days,
        {Sections.Certifications.ValidOnToday} AS certifications,
        CASE WHEN {Sections.Equipment.Shown} THEN s.equipment_type_codes && @inspection END AS has_inspection,
        CASE WHEN {Sections.Capabilities.Shown} THEN ARRAY(
            SELECT c.process_code || '|' || coalesce(c.best_tolerance_um::text, '') || '|' || coalesce(c.lot_min::text, '')
                   || '|' || coalesce(c.lot_max::text, '') || '|' || coalesce(c.lead_days::text, '')
            FROM supplier_capabilities c WHERE c.supplier_id = s.id) END AS capabilities
        """;

    internal static MatchChain ToChain(ChainPlanner.Chain chain, Dictionary<Guid, string> names, ChainPlanner.Leg? delivery = null) => new()
    {
        Steps = [.. chain.Assignments.Select((a, i) => new ChainAssignment
        {
            Step = i,
            SupplierId = a?.SiteId,
            NameJa = a is null ? null : names[a.SiteId],
            Location = a is null ? null : new GeoLocation { Lat = a.Lat, Lon = a.Lon },
        })],
        Legs = [.. chain.Legs.Select(l => new ChainLeg { FromStep = l.FromStep, ToStep = l.ToStep, Km = l.Km })],
        Delivery = delivery is null ? null : new DeliveryLeg { FromStep = delivery.FromStep, Km = delivery.Km },
        TotalKm = chain.TotalKm,
        Firms = chain.Firms,
        Completeness = chain.Completeness,
        Gaps = chain.Gaps,
    };

    /// <summary>A candidate site as the SQL path reads it: masked sections are null.</summary>
    private sealed class FactsRow
    {
        public Guid Id { get; init; }
        public double DistanceKm { get; init; }
        public string NameJa { get; init; } = "";
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

        /// <summary>The facts for a step: the best capability row among its processes, in the index's order (SearchIndex.BestRow).</summary>
        public NearbySite ToFacts(HashSet<string> processes)
        {
            var best = (Capabilities ?? [])
                .Select(c => c.Split('|'))
                .Where(p => processes.Contains(p[0]))
                .Select(p => (Tolerance: Number(p, 1), LotMin: (int?)Number(p, 2), LotMax: (int?)Number(p, 3), Lead: (int?)Number(p, 4)))
                .OrderBy(r => r.Tolerance ?? double.MaxValue).ThenBy(r => r.Lead ?? int.MaxValue).ThenByDescending(r => r.LotMax ?? -1)
                .ThenBy(r => r.LotMin ?? long.MaxValue)
                .Select(r => ((double? Tolerance, int? LotMin, int? LotMax, int? Lead)?)r)
                .FirstOrDefault();
            return new NearbySite(Id, NameJa, MunicipalityCode, Lat, Lon, DistanceKm, Verified, Firm, SpareCapacityPct, TypicalLeadDays,
                Certifications, HasInspection, best?.Tolerance, best?.LotMin, best?.LotMax, best?.Lead);
        }

        // An unknown value is an empty field.
        private static double? Number(string[] parts, int i) =>
            i < parts.Length && double.TryParse(parts[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
