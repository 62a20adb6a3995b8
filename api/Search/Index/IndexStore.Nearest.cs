// Nearest first. Nearest finds the sites nearest a point and tells matching what the caller may see of each
// (NearbySite); the walk below visits the grid cells in the order of their distance from the point and stops once no
// nearer site can be left, for Nearest and for a search sorted by distance within a radius.
using System.Globalization;
using System.Runtime.InteropServices;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Search.Index;

internal sealed partial class IndexStore
{
    /// <summary>
    /// The <paramref name="take"/> nearest sites passing the query at <paramref name="level"/>, each with what that
    /// level shows of it (see <see cref="SearchIndex.Nearest"/>).
    /// </summary>
    public IReadOnlyList<NearbySite> Nearest(SupplierQuery query, short level, DateOnly today, int take, SearchIndex.Expansions expansions,
        IReadOnlyCollection<string> processes, IReadOnlyCollection<string> inspection)
    {
        var plan = new QueryPlan(query, SupplierSort.Distance, expansions, this);
        var collector = new Collector(_names, _keys, SupplierSort.Distance, null, take, 0);
        Filter(query, level, plan, collector);
        var wanted = CodeIds(processes);
        var inspecting = inspection.Where(_equipment.ContainsKey).Select(c => _equipment[c]).ToList();
        var facts = new List<NearbySite>();
        foreach (var match in collector.Best())
        {
            var o = match.Ordinal;
            var capacity = _capacityVisible[level].Get(o) ? _capacity[o] : (SparePct: (sbyte)-1, SpareUntil: -1, LeadDays: (short)-1);
            var row = _capabilitiesVisible[level].Get(o) ? BestRow(o, wanted) : -1;
            facts.Add(new NearbySite(
                IdOf(o), _names[o]!, _municipality[o] < 0 ? null : _municipality[o].ToString("D6", CultureInfo.InvariantCulture),
                _lat[o], _lon[o], match.Distance / 1000, _verified.Get(o),
                _firms[o] >= 0 ? _firms[o].ToString("D13", CultureInfo.InvariantCulture) : IdOf(o).ToString(),
                capacity.SparePct >= 0 && capacity.SpareUntil >= today.DayNumber ? capacity.SparePct : null,
                capacity.LeadDays >= 0 ? capacity.LeadDays : null,
                _certificationsVisible[level].Get(o) ? ValidCertifications(o) : null,
                _equipmentVisible[level].Get(o) ? inspecting.Exists(p => p.Contains(o)) : null,
                row >= 0 && _capabilityTolerance[row] >= 0 ? _capabilityTolerance[row] / 100.0 : null,
                row >= 0 && _capabilityLot[row].Min >= 0 ? _capabilityLot[row].Min : null,
                row >= 0 && _capabilityLot[row].Max >= 0 ? _capabilityLot[row].Max : null,
                row >= 0 && _capabilityLead[row] >= 0 ? _capabilityLead[row] : null));
        }

        return facts;
    }

    /// <summary>The site's certification codes unexpired as of ValidOn (as <see cref="_certificationValid"/> has them), in code order.</summary>
    private List<string> ValidCertifications(int ordinal)
    {
        var codes = new List<string>();
        var end = ordinal + 1 < _certificateStart.Count ? _certificateStart[ordinal + 1] : _certificates.Count;
        for (var entry = _certificateStart[ordinal]; entry < end; entry++)
        {
            if (_certificates[entry].Until >= ValidOn.DayNumber)
            {
                codes.Add(_codeNames[_certificates[entry].Code]);
            }
        }

        codes.Sort(StringComparer.Ordinal);
        return codes;
    }

    /// <summary>The site's capability row for one of the processes, tightest tolerance first (then shortest lead, largest and smallest lot), or -1.</summary>
    private int BestRow(int ordinal, HashSet<ushort> processes)
    {
        var best = -1;
        var end = ordinal + 1 < _capabilityStart.Count ? _capabilityStart[ordinal + 1] : _capabilityProcess.Count;
        for (var row = _capabilityStart[ordinal]; row < end; row++)
        {
            if (processes.Contains(_capabilityProcess[row]) && (best < 0 || RowOrder(row, best) < 0))
            {
                best = row;
            }
        }

        return best;
    }

    private int RowOrder(int a, int b)
    {
        static long Unknown(int value) => value < 0 ? long.MaxValue : value;
        var byTolerance = Unknown(_capabilityTolerance[a]).CompareTo(Unknown(_capabilityTolerance[b]));
        var byLead = Unknown(_capabilityLead[a]).CompareTo(Unknown(_capabilityLead[b]));
        var byLotMax = _capabilityLot[b].Max.CompareTo(_capabilityLot[a].Max);
        return byTolerance != 0 ? byTolerance : byLead != 0 ? byLead : byLotMax != 0 ? byLotMax
            : Unknown(_capabilityLot[a].Min).CompareTo(Unknown(_capabilityLot[b].Min));
    }

    /// <summary>
    /// Nearest first, a page at a time, without facets: the cells around the point in the order of the least
    /// distance any site in them can have (to the cell's centre, less the reach of its farthest corner), stopping
    /// once the kept set is full and no site of the next cell can be nearer than the farthest kept. A page then
    /// costs the sites near the point, not every site in the circle.
    /// </summary>
    private void WalkNearestFirst(QueryPlan plan, Collector matches, ulong[]? postings)
    {
        foreach (var (bound, sites) in _grid.CellsNearestFirst(plan.Lat, plan.Lon, plan.Radius!.Value))
        {
            if (matches.Full && bound > BitConverter.UInt64BitsToDouble(matches.Threshold))
            {
                return;
            }

            foreach (var site in CollectionsMarshal.AsSpan(sites))
            {
                var inPostings = postings is null ? _alive.Get(site.Ordinal) : (postings[site.Ordinal >> 6] & (1UL << site.Ordinal)) != 0;
                if (inPostings)
                {
                    Consider(site.Ordinal, site.Lat, site.Lon, plan, matches);
                }
            }
        }
    }
}
