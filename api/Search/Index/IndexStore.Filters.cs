// Which sites pass a query: the postings every match must be in, the cheapest way to walk the candidates (a sparse
// posting, the grid cells of the circle, the ANDed bitsets, or the nearest-first walk), and the per-site tests no
// posting answers. One page of a search starts here (Query); matching's nearest sites too (IndexStore.Nearest.cs).
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Registry.Contracts.Suppliers;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Search.Index;

internal sealed partial class IndexStore
{
    /// <summary>One page of matches after the keyset position, with facet counts when asked for.</summary>
    public SearchIndex.Page Query(SupplierQuery query, SupplierSort sort, short level, (string Value, Guid Id)? after, int take, bool facets, SearchIndex.Expansions expansions)
    {
        var plan = new QueryPlan(query, sort, expansions, this);
        var collector = new Collector(_names, _keys, sort, after, take + 1, facets ? (_keys.Count + 63) / 64 : 0);
        try
        {
            Filter(query, level, plan, collector);
            var best = collector.Best();
            return new SearchIndex.Page(
                [.. best.Take(take).Select(m => new SearchIndex.Hit(IdOf(m.Ordinal), KeyValue(m, sort)))],
                best.Count > take,
                facets ? Tally(collector, level) : null);
        }
        finally
        {
            collector.Release();
        }
    }

    private void Filter(SupplierQuery query, short level, QueryPlan plan, Collector matches)
    {
        // The postings every match must be in: dense ones as bitsets, ANDed a word (64 sites) at a time; sparse
        // ones as sorted arrays, the shortest of which is walked. Nothing is copied per query.
        var bitsets = new List<Bitset> { _alive };
        var lists = new List<Posting>();
        var empty = false;
        void Need(Posting posting)
        {
            if (posting.Bits is { } bits)
            {
                bitsets.Add(bits);
            }
            else
            {
                lists.Add(posting);
            }
        }

        void Require(Dictionary<string, Posting> postings, string code)
        {
            if (postings.TryGetValue(code, out var posting))
            {
                Need(posting);
            }
            else
            {
                empty = true;
            }
        }

        foreach (var code in query.Process ?? [])
        {
            Require(_process, code);
        }

        foreach (var code in query.Material ?? [])
        {
            bitsets.Add(_capabilitiesVisible[level]);
            Require(_material, code);
        }

        if (query.EquipmentType is { } equipment)
        {
            bitsets.Add(_equipmentVisible[level]);
            Require(_equipment, equipment);
        }

        if (plan.Fit)
        {
            bitsets.Add(_capabilitiesVisible[level]);
        }

        foreach (var code in query.Certification ?? [])
        {
            bitsets.Add(_certificationsVisible[level]);
            Require(_certification, code);
            Require(_certificationValid, code);
        }

        foreach (var code in query.Qualification ?? [])
        {
            bitsets.Add(_staffVisible[level]);
            Require(_qualification, code);
        }

        if (query.AcceptsContractWork == true)
        {
            bitsets.Add(_capacityVisible[level]);
            bitsets.Add(_accepting);
        }

        if (query.VerifiedOnly == true)
        {
            bitsets.Add(_verified);
        }

        if (query.Prefecture is { } prefecture)
        {
            Require(_prefecture, prefecture);
        }

        for (var w = 0; w < plan.Words.Count; w++)
        {
            var found = _grams.TryGetValue(Grams.Key(plan.Words[w]), out var posting);
            if (w < plan.Keywords.Count && plan.Keywords[w] is { Count: > 0 } terms)
            {
                bitsets.Add(KeywordSites(posting, terms, level));
            }
            else if (found)
            {
                Need(posting!);
            }
            else
            {
                empty = true;
            }
        }

        if (empty)
        {
            return;
        }

        if (lists.Count > 0)
        {
            // A sparse posting bounds the candidates: walk it and probe the others.
            var shortest = lists.MinBy(p => p.Count)!;
            foreach (var ordinal in shortest.List)
            {
                if (InAll(ordinal, bitsets, lists, shortest))
                {
                    Consider(ordinal, _lat[ordinal], _lon[ordinal], plan, matches);
                }
            }

            return;
        }

        var nearestFirst = plan is { Sort: SupplierSort.Distance, HasRadius: true } && matches.Bits is null;
        if (bitsets.Count == 1 && nearestFirst)
        {
            WalkNearestFirst(plan, matches, null);
            return;
        }

        if (bitsets.Count == 1 && plan is { Point: { } point, Radius: { } radius })
        {
            // Only a radius: the grid cells around the point are the candidates.
            foreach (var cell in _grid.CellsAround(point.Lat, point.Lon, radius))
            {
                foreach (var site in CollectionsMarshal.AsSpan(cell))
                {
                    if (_alive.Get(site.Ordinal))
                    {
                        Consider(site.Ordinal, site.Lat, site.Lon, plan, matches);
                    }
                }
            }

            return;
        }

        var words = (_keys.Count + 63) / 64;
        var buffer = ArrayPool<ulong>.Shared.Rent(Math.Max(1, words));
        try
        {
            Bitset.Intersect(bitsets, buffer, words);
            if (nearestFirst)
            {
                WalkNearestFirst(plan, matches, buffer);
                return;
            }

            if (plan is { Point: { } at, Radius: { } reach } && _grid.CellsAround(at.Lat, at.Lon, reach) is var cells
                && cells.Sum(c => c.Count) < Bitset.Count(buffer, words))
            {
                // The circle holds fewer sites than the postings: walk its grid cells and probe the postings.
                foreach (var cell in cells)
                {
                    foreach (var site in CollectionsMarshal.AsSpan(cell))
                    {
                        if ((buffer[site.Ordinal >> 6] & (1UL << site.Ordinal)) != 0)
                        {
                            Consider(site.Ordinal, site.Lat, site.Lon, plan, matches);
                        }
                    }
                }

                return;
            }

            if (plan.PostingsOnly)
            {
                // The postings are the whole answer: count and mark them in bulk, and rank with a test of numbers
                // before anything else is touched.
                matches.AddAll(buffer, words);
                if (plan.Relevance)
                {
                    RankByRelevance(buffer, words, plan, matches);
                    return;
                }

                for (var i = 0; i < words; i++)
                {
                    var word = buffer[i];
                    while (word != 0)
                    {
                        var ordinal = (i << 6) + BitOperations.TrailingZeroCount(word);
                        var relevance = plan.Relevance ? Relevance(ordinal, plan) : 0;
                        var primary = Primary(ordinal, plan.Sort, double.MaxValue, relevance);
                        if (primary <= matches.Threshold)
                        {
                            matches.Rank(new RankedMatch(ordinal, primary, double.MaxValue, relevance));
                        }

                        word &= word - 1;
                    }
                }

                return;
            }

            for (var i = 0; i < words; i++)
            {
                var word = buffer[i];
                while (word != 0)
                {
                    var ordinal = (i << 6) + BitOperations.TrailingZeroCount(word);
                    Consider(ordinal, _lat[ordinal], _lon[ordinal], plan, matches);
                    word &= word - 1;
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The sites a word finds: those whose text holds it, and those having a term it names — materials, equipment and
    /// certificates (unexpired) only where the caller may see that section, as their filters require.
    /// </summary>
    private Bitset KeywordSites(Posting? text, IReadOnlyList<(TaxonomyKind Kind, string Code)> terms, short level)
    {
        var sites = new Bitset(_keys.Count);
        if (text is not null)
        {
            sites.UnionWith(text);
        }

        foreach (var (kind, code) in terms)
        {
            switch (kind)
            {
                case TaxonomyKind.Processes when _process.TryGetValue(code, out var p):
                    sites.UnionWith(p);
                    break;
                case TaxonomyKind.Materials when _material.TryGetValue(code, out var m):
                    sites.UnionWith(m, _capabilitiesVisible[level]);
                    break;
                case TaxonomyKind.EquipmentTypes when _equipment.TryGetValue(code, out var e):
                    sites.UnionWith(e, _equipmentVisible[level]);
                    break;
                case TaxonomyKind.Certifications when _certificationValid.TryGetValue(code, out var valid) && _certification.TryGetValue(code, out var held):
                    sites.UnionWith(valid, _certificationsVisible[level], held);
                    break;
                default:
                    break;
            }
        }

        return sites;
    }

    private static bool InAll(int ordinal, List<Bitset> bitsets, List<Posting> lists, Posting walked)
    {
        foreach (var bits in bitsets)
        {
            if (!bits.Get(ordinal))
            {
                return false;
            }
        }

        foreach (var posting in lists)
        {
            if (!ReferenceEquals(posting, walked) && !posting.Contains(ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The per-site tests no posting answers; a site that passes them is a match.</summary>
    private void Consider(int ordinal, double lat, double lon, QueryPlan plan, Collector matches)
    {
        var distance = double.MaxValue;
        if (plan.HasPoint && !double.IsNaN(lat))
        {
            if (plan.HasRadius && !(lat >= plan.MinLat && lat <= plan.MaxLat && lon >= plan.MinLon && lon <= plan.MaxLon))
            {
                return;
            }

            distance = GreatCircle.Metres(plan.Lat, plan.Lon, lat, lon);
        }

        // Each column is read only when its filter is on; comparisons with an unknown value fail, as in SQL.
        if ((plan.HasRadius && !(distance <= plan.Radius))
            || (plan.Municipality is { } municipality && _municipality[ordinal] != municipality)
            || (plan.EmployeesMin is { } min && _employees[ordinal] is var atLeast && (atLeast < 0 || atLeast < min))
            || (plan.EmployeesMax is { } max && _employees[ordinal] is var atMost && (atMost < 0 || atMost > max))
            || (plan.Fit && !Fits(ordinal, plan))
            || (plan.MinSpec is not null && !HasSpec(ordinal, plan)))
        {
            return;
        }

        var relevance = plan.Relevance ? Relevance(ordinal, plan) : 0;
        matches.Offer(new RankedMatch(ordinal, Primary(ordinal, plan.Sort, distance, relevance), distance, relevance));
    }

    /// <summary>
    /// Some capability row (of the filtered processes, when there are) takes the workpiece in any orientation
    /// (sorted sides against sorted sides) and holds the tolerance. Stored decimals are compared as the float8
    /// PostgreSQL compares them with: tenths / 10.0 is the double nearest the stored decimal.
    /// </summary>
    private bool Fits(int ordinal, QueryPlan plan)
    {
        var end = ordinal + 1 < _capabilityStart.Count ? _capabilityStart[ordinal + 1] : _capabilityProcess.Count;
        for (var row = _capabilityStart[ordinal]; row < end; row++)
        {
            if (plan.FitProcesses is { } processes && !processes.Contains(_capabilityProcess[row]))
            {
                continue;
            }

            if (plan.Sides[0] > 0 && (_capabilityLong[row] < 0
                || _capabilityLong[row] / 10.0 < plan.Sides[0]
                || _capabilityMiddle[row] / 10.0 < plan.Sides[1]
                || _capabilityShort[row] / 10.0 < plan.Sides[2]))
            {
                continue;
            }

            if (plan.Tolerance is { } tolerance && (_capabilityTolerance[row] < 0 || _capabilityTolerance[row] / 100.0 > tolerance))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    private bool HasSpec(int ordinal, QueryPlan plan)
    {
        var end = ordinal + 1 < _specStart.Count ? _specStart[ordinal + 1] : _specType.Count;
        for (var row = _specStart[ordinal]; row < end; row++)
        {
            if (plan.SpecTypes.Contains(_specType[row]) && _specValue[row] >= plan.MinSpec)
            {
                return true;
            }
        }

        return false;
    }
}
