// A query prepared once before any site is looked at: the point and its box, the parsed filters, the name postings
// for relevance, the code ids of the taxonomy expansions. Kept apart so that the per-site loops read plain fields and
// a reader can see at one glance what a query turns into.
using System.Globalization;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Search.Index;

/// <summary>What each candidate is tested against, prepared once per query.</summary>
internal sealed class QueryPlan
{
    public QueryPlan(SupplierQuery query, SupplierSort sort, SearchIndex.Expansions expansions, IndexStore store)
    {
        Point = query is { Lat: { } lat, Lon: { } lon } ? (lat, lon) : null;
        Radius = query.WithinKm is { } km ? km * 1000 : null;
        if (Point is { } p)
        {
            (HasPoint, Lat, Lon) = (true, p.Lat, p.Lon);
            if (query.WithinKm is { } within)
            {
                var (dLat, dLon) = GreatCircle.Reach(p.Lat, within * 1000);
                (HasRadius, MinLat, MaxLat, MinLon, MaxLon) = (true, p.Lat - dLat, p.Lat + dLat, p.Lon - dLon, p.Lon + dLon);
            }
        }
        EmployeesMin = query.EmployeesMin;
        EmployeesMax = query.EmployeesMax;
        Municipality = query.Municipality is { Length: 6 } m && m.All(char.IsAsciiDigit) ? int.Parse(m, CultureInfo.InvariantCulture)
            : query.Municipality is null ? null : -2;
        Words = TextQuery.Words(query.Q);
        Sort = sort;
        Relevance = sort == SupplierSort.Relevance;
        NamePostings = [.. Words.Select(store.NamePosting)];
        Keywords = expansions.Keywords;
        if (query.FitXMm is not null || query.FitYMm is not null || query.FitZMm is not null || query.ToleranceUm is not null)
        {
            Fit = true;
            Sides = [.. new[] { query.FitXMm, query.FitYMm, query.FitZMm }.Select(v => v ?? 0).OrderDescending()];
            Tolerance = query.ToleranceUm;
            FitProcesses = query.Process is { Length: > 0 } ? Ids(expansions.FitProcesses) : null;
        }

        if (query is { EquipmentType: not null, EquipmentMinSpec: { } minSpec })
        {
            MinSpec = minSpec;
            SpecTypes = Ids(expansions.EquipmentTypes) ?? [];
        }

        PostingsOnly = Point is null && Municipality is null && EmployeesMin is null && EmployeesMax is null && !Fit && MinSpec is null;

        HashSet<ushort>? Ids(IReadOnlyCollection<string>? codes) => codes is null ? null : store.CodeIds(codes);
    }

    public (double Lat, double Lon)? Point { get; }

    public double? Radius { get; }

    // The same as plain fields for the per-site loop, with the box around the point outside which nothing lies
    // within the radius: a cheap test before the trigonometry.
    public readonly bool HasPoint;
    public readonly bool HasRadius;
    public readonly double Lat;
    public readonly double Lon;
    public readonly double MinLat;
    public readonly double MaxLat;
    public readonly double MinLon;
    public readonly double MaxLon;

    public int? Municipality { get; }

    public int? EmployeesMin { get; }

    public int? EmployeesMax { get; }

    public IReadOnlyList<string> Words { get; }

    public SupplierSort Sort { get; }

    /// <summary>Whether the postings alone decide the matches (no per-site test applies).</summary>
    public bool PostingsOnly { get; }

    public bool Relevance { get; }

    /// <summary>Per word, the taxonomy terms it names (a site having one matches the word too).</summary>
    public IReadOnlyList<IReadOnlyList<(Contracts.Taxonomy.TaxonomyKind Kind, string Code)>> Keywords { get; }

    /// <summary>Per word, the sites whose names hold it (null: none).</summary>
    public Posting?[] NamePostings { get; }

    public bool Fit { get; }

    public double[] Sides { get; } = [0, 0, 0];

    public double? Tolerance { get; }

    public HashSet<ushort>? FitProcesses { get; }

    public double? MinSpec { get; }

    public HashSet<ushort> SpecTypes { get; } = [];
}
