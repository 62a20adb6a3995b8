// The index's public face: the calls the service makes, and the lock (many readers, one writer) around the store.
// The rest lives a concern a file: IndexStore.cs (the columns; adding and removing a site), QueryPlan.cs (a query
// prepared once), IndexStore.Filters.cs (which sites pass), IndexStore.Ranking.cs and Collector.cs (order and keyset
// paging), IndexStore.Facets.cs (counts), IndexStore.Nearest.cs and Grid.cs (nearest first, as matching asks).
using Registry.Contracts.Suppliers;

namespace Registry.Api.Search.Index;

/// <summary>
/// The derived in-process search index of DESIGN §10: postings per taxonomy code, per text gram and per disclosure
/// level, a geographic grid, and compact columns of what the remaining filters test (envelopes, tolerances, key
/// specs, municipality, employees). It answers the same filters as the SQL path — disclosure included — in
/// microseconds instead of a planner's guess over a million rows. Only words of three or more characters stay in
/// SQL (<see cref="CanAnswer"/>): their exact substring test needs the text, which the index does not keep.
/// Thread-safe: many readers, one writer; a reload builds a fresh store beside the serving one and swaps it in.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new();
    private IndexStore _store = new();

    /// <summary>Live (published) sites.</summary>
    public int Count => Read(s => s.Live);

    /// <summary>Whether replaced sites' dead slots outweigh the live ones, so that a reload would pay for itself.</summary>
    public bool NeedsCompaction => Read(s => s.Dead > 100_000 && s.Dead > s.Live);

    public void Dispose() => _lock.Dispose();

    /// <summary>Whether the index can answer this query alone (the rest goes to SQL).</summary>
    public static bool CanAnswer(SupplierQuery query) => TextQuery.Words(query.Q).All(TextQuery.IsGram);

    /// <summary>Adds or replaces a published site.</summary>
    public void Upsert(SiteFacts site) => Write(s => s.Upsert(site));

    /// <summary>Takes a site out (unpublished, archived).</summary>
    public void Remove(Guid id) => Write(s => s.Remove(id));

    /// <summary>
    /// Builds a fresh store from <paramref name="sites"/> while the current one keeps serving, then swaps it in.
    /// Returns the number of sites loaded.
    /// </summary>
    public async Task<int> ReloadAsync(IAsyncEnumerable<SiteFacts> sites, CancellationToken ct)
    {
        var fresh = new IndexStore();
        await foreach (var site in sites.WithCancellation(ct))
        {
            fresh.Upsert(site);
        }

        fresh.Trim();

        _lock.EnterWriteLock();
        try
        {
            _store = fresh;
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        // A load leaves the grown-and-trimmed arrays and the old store behind, most of them on the large-object
        // heap, which the collector does not compact unless asked; once per load, ask.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        return fresh.Live;
    }

    public sealed record Page(IReadOnlyList<Hit> Hits, bool HasMore, Facets? Facets);

    public sealed record Hit(Guid Id, string SortValue);

    public sealed record Facets(int Total, IReadOnlyDictionary<string, int> ProcessFamilies, IReadOnlyDictionary<string, int> Prefectures, IReadOnlyDictionary<string, int> Certifications);

    /// <summary>Taxonomy expansions the SQL path also uses: the processes whose capability rows an envelope filter
    /// looks at, the equipment types a key-spec filter accepts, and per word of the text the terms it names.</summary>
    public sealed record Expansions(IReadOnlyCollection<string>? FitProcesses, IReadOnlyCollection<string>? EquipmentTypes)
    {
        /// <summary>Per word of the query (in <see cref="TextQuery.Words"/> order), the terms that also find a site.</summary>
        public IReadOnlyList<IReadOnlyList<(Contracts.Taxonomy.TaxonomyKind Kind, string Code)>> Keywords { get; init; } = [];
    }

    /// <summary>One page of matches in the order of <paramref name="sort"/>, after the keyset position if given.</summary>
    public Page Query(SupplierQuery query, SupplierSort sort, short level, DateOnly today, (string Value, Guid Id)? after, int take, bool facets, Expansions? expansions = null)
    {
        if (Read(s => s.ValidOn) != today)
        {
            Write(s => s.RefreshValidity(today));
        }

        return Read(s => s.Query(query, sort, level, after, take, facets, expansions ?? new Expansions(null, null)));
    }

    /// <summary>
    /// The <paramref name="take"/> nearest sites passing the query at the caller's level, each with what the caller may
    /// see of it: its best capability row among <paramref name="processes"/> (tightest tolerance first), capacity,
    /// unexpired certificates and whether it shows equipment of <paramref name="inspection"/> types.
    /// </summary>
    public IReadOnlyList<NearbySite> Nearest(SupplierQuery query, short level, DateOnly today, int take, Expansions expansions,
        IReadOnlyCollection<string> processes, IReadOnlyCollection<string> inspection)
    {
        if (Read(s => s.ValidOn) != today)
        {
            Write(s => s.RefreshValidity(today));
        }

        return Read(s => s.Nearest(query, level, today, take, expansions, processes, inspection));
    }

    private T Read<T>(Func<IndexStore, T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read(_store);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Write(Action<IndexStore> write)
    {
        _lock.EnterWriteLock();
        try
        {
            write(_store);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
