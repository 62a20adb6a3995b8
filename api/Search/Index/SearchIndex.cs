using Registry.Contracts.Suppliers;

namespace Registry.Api.Search.Index;

/// <summary>
/// The derived in-process search index of DESIGN §10: a bitset per taxonomy code and per disclosure level, and a
/// geographic grid, over every published site. It answers the filters that the SQL path expresses as array
/// containments, equalities, ranges and distance — with the same semantics, disclosure included — in microseconds
/// instead of a planner's guess over a million rows. Text, envelope, tolerance and key-spec filters stay in SQL
/// (<see cref="CanAnswer"/>). Thread-safe: many readers, one writer.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const double CellDegrees = 0.1;
    private const int Levels = 3;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly List<SiteFacts?> _sites = [];
    private readonly List<byte[]> _idKeys = [];
    private readonly Dictionary<Guid, int> _ordinals = [];
    private readonly Bitset _alive = new(1024);
    private readonly Bitset _verified = new(1024);
    private readonly Bitset _accepting = new(1024);
    private readonly Dictionary<string, Bitset> _process = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bitset> _material = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bitset> _equipment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bitset> _certification = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bitset> _qualification = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bitset> _prefecture = new(StringComparer.Ordinal);

    // Sites holding each certification unexpired as of _validOn: rebuilt when the date turns, so that expiry
    // passes with time as it does in the SQL path, without a check per candidate.
    private readonly Dictionary<string, Bitset> _certificationValid = new(StringComparer.Ordinal);
    private DateOnly _validOn;

    // The hot fields of each site by ordinal, so that walking candidates touches arrays, not objects.
    private readonly List<double> _lat = [];
    private readonly List<double> _lon = [];
    private readonly Bitset[] _capabilitiesVisible = NewLevels();
    private readonly Bitset[] _equipmentVisible = NewLevels();
    private readonly Bitset[] _certificationsVisible = NewLevels();
    private readonly Bitset[] _staffVisible = NewLevels();
    private readonly Bitset[] _capacityVisible = NewLevels();
    private readonly Dictionary<(int, int), HashSet<int>> _grid = [];

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _ordinals.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Whether the index can answer this query alone (the rest goes to SQL).</summary>
    public static bool CanAnswer(SupplierQuery query) =>
        string.IsNullOrWhiteSpace(query.Q)
        && query is { FitXMm: null, FitYMm: null, FitZMm: null, ToleranceUm: null, EquipmentMinSpec: null };

    /// <summary>Adds or replaces a published site.</summary>
    public void Upsert(SiteFacts site)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_ordinals.TryGetValue(site.Id, out var ordinal))
            {
                Unindex(ordinal);
            }
            else
            {
                ordinal = _sites.Count;
                _sites.Add(null);
                _lat.Add(double.NaN);
                _lon.Add(double.NaN);
                _idKeys.Add(site.Id.ToByteArray(bigEndian: true));
                _ordinals[site.Id] = ordinal;
            }

            Index(ordinal, site);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Takes a site out (unpublished, archived). Its ordinal stays unused.</summary>
    public void Remove(Guid id)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_ordinals.Remove(id, out var ordinal))
            {
                Unindex(ordinal);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public sealed record Page(IReadOnlyList<Hit> Hits, bool HasMore, Facets? Facets);

    public sealed record Hit(Guid Id, string SortValue);

    public sealed record Facets(int Total, IReadOnlyDictionary<string, int> ProcessFamilies, IReadOnlyDictionary<string, int> Prefectures, IReadOnlyDictionary<string, int> Certifications);

    /// <summary>One page of matches in the order of <paramref name="sort"/>, after the keyset position if given.</summary>
    public Page Query(SupplierQuery query, SupplierSort sort, short level, DateOnly today, (string Value, Guid Id)? after, int take, bool facets)
    {
        if (_validOn != today)
        {
            RefreshValidity(today);
        }

        _lock.EnterReadLock();
        try
        {
            var matches = Filter(query, level);
            var page = Top(matches, sort, after, take + 1);
            return new Page(
                [.. page.Take(take).Select(m => new Hit(_sites[m.Ordinal]!.Id, KeyValue(m, sort)))],
                page.Count > take,
                facets ? Tally(matches, level) : null);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private readonly record struct Candidate(int Ordinal, double? Distance, string SortValue, double SortNumber);

    private List<Candidate> Filter(SupplierQuery query, short level)
    {
        // The posting lists every match must be in. Nothing is copied: a million sites are 16k words per list,
        // and a copy per query would land on the large-object heap.
        var required = new List<Bitset> { _alive };
        var empty = false;
        void Require(Dictionary<string, Bitset> postings, string code)
        {
            if (postings.TryGetValue(code, out var bits))
            {
                required.Add(bits);
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
            required.Add(_capabilitiesVisible[level]);
            Require(_material, code);
        }

        if (query.EquipmentType is { } equipment)
        {
            required.Add(_equipmentVisible[level]);
            Require(_equipment, equipment);
        }

        foreach (var code in query.Certification ?? [])
        {
            required.Add(_certificationsVisible[level]);
            Require(_certification, code);
            Require(_certificationValid, code);
        }

        foreach (var code in query.Qualification ?? [])
        {
            required.Add(_staffVisible[level]);
            Require(_qualification, code);
        }

        if (query.AcceptsContractWork == true)
        {
            required.Add(_capacityVisible[level]);
            required.Add(_accepting);
        }

        if (query.VerifiedOnly == true)
        {
            required.Add(_verified);
        }

        if (query.Prefecture is { } prefecture)
        {
            Require(_prefecture, prefecture);
        }

        var matches = new List<Candidate>();
        if (empty)
        {
            return matches;
        }

        var point = query is { Lat: { } lat, Lon: { } lon } ? (lat, lon) : ((double, double)?)null;
        var radius = query.WithinKm is { } km ? km * 1000 : (double?)null;

        // With a selective filter, AND the posting lists word by word into a pooled buffer and walk its bits; with
        // only a radius, walk the grid cells around the point instead.
        var words = (_sites.Count + 63) / 64;
        var buffer = System.Buffers.ArrayPool<ulong>.Shared.Rent(Math.Max(1, words));
        try
        {
            IEnumerable<int> walk;
            if (required.Count == 1 && point is { } p && radius is { } r)
            {
                walk = CellsAround(p.Item1, p.Item2, r).Where(_alive.Get);
            }
            else
            {
                Bitset.Intersect(required, buffer, words);
                walk = Bitset.Ordinals(buffer, words);
            }

            Collect(walk, query, point, radius, matches);
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(buffer);
        }

        return matches;
    }

    private void Collect(IEnumerable<int> walk, SupplierQuery query, (double, double)? point, double? radius, List<Candidate> matches)
    {
        foreach (var ordinal in walk)
        {
            double? distance = null;
            if (point is { } at && !double.IsNaN(_lat[ordinal]))
            {
                distance = GreatCircle.Metres(at.Item1, at.Item2, _lat[ordinal], _lon[ordinal]);
            }

            if (radius is { } limit && !(distance <= limit))
            {
                continue;
            }

            var site = _sites[ordinal]!;
            if ((query.Municipality is { } municipality && site.MunicipalityCode != municipality)
                || (query.EmployeesMin is { } min && !(site.Employees >= min))
                || (query.EmployeesMax is { } max && !(site.Employees <= max)))
            {
                continue;
            }

            matches.Add(new Candidate(ordinal, distance, site.NameJa, site.Verified ? 0.001 : 0));
        }

    }

    /// <summary>The certifications a site holds unexpired on a day, among those its derived column lists.</summary>
    private static IEnumerable<string> ValidCertifications(SiteFacts site, DateOnly day) =>
        site.CertificationCodes.Where(code => site.Certifications.Any(c => c.Code == code && (c.ValidUntil is null || c.ValidUntil >= day)));

    /// <summary>Rebuilds the unexpired-certification postings when the date has turned since they were built.</summary>
    private void RefreshValidity(DateOnly today)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_validOn == today)
            {
                return;
            }

            _validOn = today;
            _certificationValid.Clear();
            for (var ordinal = 0; ordinal < _sites.Count; ordinal++)
            {
                if (_sites[ordinal] is { } site)
                {
                    Post(_certificationValid, ValidCertifications(site, today), ordinal);
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The first <paramref name="count"/> matches after the keyset position, in sort order — a bounded heap, not a full sort.</summary>
    private List<Candidate> Top(List<Candidate> matches, SupplierSort sort, (string Value, Guid Id)? after, int count)
    {
        var comparer = Comparer<Candidate>.Create((a, b) => Compare(a, b, sort));
        // The heap keeps the count best seen so far, its worst on top, so each match costs O(log count).
        var heap = new PriorityQueue<Candidate, Candidate>(Comparer<Candidate>.Create((a, b) => comparer.Compare(b, a)));
        foreach (var match in matches)
        {
            if (after is { } a && !IsAfter(match, a, sort))
            {
                continue;
            }

            if (heap.Count < count)
            {
                heap.Enqueue(match, match);
            }
            else if (comparer.Compare(match, heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(match, match);
            }
        }

        var best = new List<Candidate>(heap.Count);
        while (heap.TryDequeue(out var item, out _))
        {
            best.Add(item);
        }

        best.Reverse();
        return best;
    }

    private int Compare(Candidate a, Candidate b, SupplierSort sort)
    {
        var byValue = sort switch
        {
            // Sites without a location sort last, as NULLs do in PostgreSQL's ascending order.
            SupplierSort.Distance => (a.Distance ?? double.MaxValue).CompareTo(b.Distance ?? double.MaxValue),
            SupplierSort.Relevance => b.SortNumber.CompareTo(a.SortNumber),
            _ => string.CompareOrdinal(a.SortValue, b.SortValue),
        };
        return byValue != 0 ? byValue : IdOrder.Instance.Compare(_idKeys[a.Ordinal], _idKeys[b.Ordinal]);
    }

    /// <summary>The sort value a cursor carries, written as the SQL path writes it.</summary>
    private static string KeyValue(Candidate match, SupplierSort sort) => sort switch
    {
        SupplierSort.Distance => (match.Distance ?? double.MaxValue).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        SupplierSort.Relevance => match.SortNumber.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => match.SortValue,
    };

    private bool IsAfter(Candidate match, (string Value, Guid Id) after, SupplierSort sort)
    {
        var idOrder = IdOrder.Instance.Compare(_idKeys[match.Ordinal], after.Id.ToByteArray(bigEndian: true));
        var value = sort switch
        {
            SupplierSort.Distance => (match.Distance ?? double.MaxValue).CompareTo(double.Parse(after.Value, System.Globalization.CultureInfo.InvariantCulture)),
            SupplierSort.Relevance => -match.SortNumber.CompareTo(double.Parse(after.Value, System.Globalization.CultureInfo.InvariantCulture)),
            _ => string.CompareOrdinal(match.SortValue, after.Value),
        };
        return value > 0 || (value == 0 && idOrder > 0);
    }

    private Facets Tally(List<Candidate> matches, short level)
    {
        var families = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefectures = new Dictionary<string, int>(StringComparer.Ordinal);
        var certifications = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var match in matches)
        {
            var site = _sites[match.Ordinal]!;
            foreach (var family in site.ProcessCodes.Where(c => !c.Contains('.', StringComparison.Ordinal)))
            {
                families[family] = families.GetValueOrDefault(family) + 1;
            }

            prefectures[site.PrefectureCode] = prefectures.GetValueOrDefault(site.PrefectureCode) + 1;
            if (site.CertificationsLevel <= level)
            {
                foreach (var code in site.CertificationCodes)
                {
                    certifications[code] = certifications.GetValueOrDefault(code) + 1;
                }
            }
        }

        return new Facets(matches.Count, families, prefectures, certifications);
    }

    private IEnumerable<int> CellsAround(double lat, double lon, double metres)
    {
        var dLat = metres / GreatCircle.EarthRadiusMetres * 180 / Math.PI;
        var dLon = dLat / Math.Max(0.01, Math.Cos(lat * Math.PI / 180));
        for (var row = Cell(lat - dLat); row <= Cell(lat + dLat); row++)
        {
            for (var col = Cell(lon - dLon); col <= Cell(lon + dLon); col++)
            {
                if (_grid.TryGetValue((row, col), out var ordinals))
                {
                    // A site lies in exactly one cell, so no ordinal comes twice.
                    foreach (var ordinal in ordinals)
                    {
                        yield return ordinal;
                    }
                }
            }
        }
    }

    private void Index(int ordinal, SiteFacts site)
    {
        _sites[ordinal] = site;
        _alive.Set(ordinal);
        Flag(_verified, ordinal, site.Verified);
        Flag(_accepting, ordinal, site.ContractAcceptance is "open" or "limited");
        Post(_process, site.ProcessCodes, ordinal);
        Post(_material, site.MaterialCodes, ordinal);
        Post(_equipment, site.EquipmentTypeCodes, ordinal);
        Post(_certification, site.CertificationCodes, ordinal);
        Post(_qualification, site.QualificationCodes, ordinal);
        Post(_prefecture, [site.PrefectureCode], ordinal);
        Post(_certificationValid, ValidCertifications(site, _validOn), ordinal);
        _lat[ordinal] = site.Lat ?? double.NaN;
        _lon[ordinal] = site.Lon ?? double.NaN;
        for (short level = 0; level < Levels; level++)
        {
            Flag(_capabilitiesVisible[level], ordinal, site.CapabilitiesLevel <= level);
            Flag(_equipmentVisible[level], ordinal, site.EquipmentLevel <= level);
            Flag(_certificationsVisible[level], ordinal, site.CertificationsLevel <= level);
            Flag(_staffVisible[level], ordinal, site.StaffLevel <= level);
            Flag(_capacityVisible[level], ordinal, site.CapacityLevel <= level);
        }

        if (site is { Lat: { } lat, Lon: { } lon })
        {
            var cell = (Cell(lat), Cell(lon));
            if (!_grid.TryGetValue(cell, out var ordinals))
            {
                _grid[cell] = ordinals = [];
            }

            ordinals.Add(ordinal);
        }
    }

    private void Unindex(int ordinal)
    {
        if (_sites[ordinal] is not { } site)
        {
            return;
        }

        _alive.Clear(ordinal);
        foreach (var postings in new[] { _process, _material, _equipment, _certification, _qualification, _prefecture, _certificationValid })
        {
            foreach (var bits in postings.Values)
            {
                bits.Clear(ordinal);
            }
        }

        if (site is { Lat: { } lat, Lon: { } lon } && _grid.TryGetValue((Cell(lat), Cell(lon)), out var ordinals))
        {
            ordinals.Remove(ordinal);
        }

        _sites[ordinal] = null;
    }

    private static void Post(Dictionary<string, Bitset> postings, IEnumerable<string> codes, int ordinal)
    {
        foreach (var code in codes)
        {
            if (!postings.TryGetValue(code, out var bits))
            {
                postings[code] = bits = new Bitset(ordinal + 1);
            }

            bits.Set(ordinal);
        }
    }

    private static void Flag(Bitset bits, int ordinal, bool on)
    {
        if (on)
        {
            bits.Set(ordinal);
        }
        else
        {
            bits.Clear(ordinal);
        }
    }

    private static int Cell(double degrees) => (int)Math.Floor(degrees / CellDegrees);

    private static Bitset[] NewLevels() => [new(1024), new(1024), new(1024)];

    /// <summary>PostgreSQL orders uuid by its 16 bytes in network order; so does this.</summary>
    private sealed class IdOrder : IComparer<byte[]>
    {
        public static readonly IdOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
