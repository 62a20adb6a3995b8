using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
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
    private Store _store = new();

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
        var fresh = new Store();
        await foreach (var site in sites.WithCancellation(ct))
        {
            fresh.Upsert(site);
        }

        _lock.EnterWriteLock();
        try
        {
            _store = fresh;
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        return fresh.Live;
    }

    public sealed record Page(IReadOnlyList<Hit> Hits, bool HasMore, Facets? Facets);

    public sealed record Hit(Guid Id, string SortValue);

    public sealed record Facets(int Total, IReadOnlyDictionary<string, int> ProcessFamilies, IReadOnlyDictionary<string, int> Prefectures, IReadOnlyDictionary<string, int> Certifications);

    /// <summary>Taxonomy expansions the SQL path also uses: the processes whose capability rows an envelope filter
    /// looks at, and the equipment types a key-spec filter accepts.</summary>
    public sealed record Expansions(IReadOnlyCollection<string>? FitProcesses, IReadOnlyCollection<string>? EquipmentTypes);

    /// <summary>One page of matches in the order of <paramref name="sort"/>, after the keyset position if given.</summary>
    public Page Query(SupplierQuery query, SupplierSort sort, short level, DateOnly today, (string Value, Guid Id)? after, int take, bool facets, Expansions? expansions = null)
    {
        if (Read(s => s.ValidOn) != today)
        {
            Write(s => s.RefreshValidity(today));
        }

        return Read(s => s.Query(query, sort, level, after, take, facets, expansions ?? new Expansions(null, null)));
    }

    private T Read<T>(Func<Store, T> read)
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

    private void Write(Action<Store> write)
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

    /// <summary>
    /// The index's data. Every column is indexed by ordinal and only ever appended to: a changed site gets a new
    /// ordinal and its old one is marked dead, so postings stay sorted arrays that never shift.
    /// </summary>
    private sealed class Store
    {
        private const double CellDegrees = 0.1;
        private const int Levels = 3;

        private readonly Dictionary<Guid, int> _ordinals = [];
        private readonly Bitset _alive = new(1024);
        private readonly Bitset _verified = new(1024);
        private readonly Bitset _accepting = new(1024);
        private readonly Bitset[] _capabilitiesVisible = NewLevels();
        private readonly Bitset[] _equipmentVisible = NewLevels();
        private readonly Bitset[] _certificationsVisible = NewLevels();
        private readonly Bitset[] _staffVisible = NewLevels();
        private readonly Bitset[] _capacityVisible = NewLevels();
        private readonly Dictionary<string, Posting> _process = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Posting> _material = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Posting> _equipment = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Posting> _certification = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Posting> _qualification = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Posting> _prefecture = new(StringComparer.Ordinal);
        private readonly Dictionary<ulong, Posting> _grams = [];
        private readonly Dictionary<(int, int), List<int>> _grid = [];

        // Sites holding each certification unexpired as of ValidOn: rebuilt when the date turns, so that expiry
        // passes with time as it does in the SQL path, without a check per candidate.
        private Dictionary<string, Posting> _certificationValid = new(StringComparer.Ordinal);
        private readonly List<(int Ordinal, ushort Code, int Until)> _certificates = [];

        // Columns by ordinal.
        private readonly List<UInt128> _keys = [];
        private readonly List<string?> _names = [];
        private readonly List<string> _nameTexts = [];
        private readonly List<double> _lat = [];
        private readonly List<double> _lon = [];
        private readonly List<int> _municipality = [];
        private readonly List<int> _employees = [];

        // Capability rows (sides sorted longest first, in 0.1 mm; tolerance in 0.01 µm; -1: not stated) and key
        // specs, each site's rows from its start to the next ordinal's start.
        private readonly List<int> _capabilityStart = [];
        private readonly List<ushort> _capabilityProcess = [];
        private readonly List<int> _capabilityLong = [];
        private readonly List<int> _capabilityMiddle = [];
        private readonly List<int> _capabilityShort = [];
        private readonly List<int> _capabilityTolerance = [];
        private readonly List<int> _specStart = [];
        private readonly List<ushort> _specType = [];
        private readonly List<double> _specValue = [];

        private readonly Dictionary<string, ushort> _codeIds = new(StringComparer.Ordinal);

        public int Live => _ordinals.Count;

        public int Dead => _keys.Count - _ordinals.Count;

        public DateOnly ValidOn { get; private set; }

        public void Upsert(SiteFacts site)
        {
            Remove(site.Id);
            var ordinal = _keys.Count;
            var universe = ordinal + 1;
            _ordinals[site.Id] = ordinal;
            _keys.Add(Key(site.Id));
            _names.Add(site.NameJa);
            _nameTexts.Add(site.NameText == site.NameJa ? site.NameJa : site.NameText);
            _lat.Add(site.Lat ?? double.NaN);
            _lon.Add(site.Lon ?? double.NaN);
            _municipality.Add(MunicipalityNumber(site.MunicipalityCode));
            _employees.Add(site.Employees ?? -1);

            _alive.Set(ordinal);
            Flag(_verified, ordinal, site.Verified);
            Flag(_accepting, ordinal, site.ContractAcceptance is "open" or "limited");
            for (short level = 0; level < Levels; level++)
            {
                Flag(_capabilitiesVisible[level], ordinal, site.CapabilitiesLevel <= level);
                Flag(_equipmentVisible[level], ordinal, site.EquipmentLevel <= level);
                Flag(_certificationsVisible[level], ordinal, site.CertificationsLevel <= level);
                Flag(_staffVisible[level], ordinal, site.StaffLevel <= level);
                Flag(_capacityVisible[level], ordinal, site.CapacityLevel <= level);
            }

            Post(_process, site.ProcessCodes, ordinal);
            Post(_material, site.MaterialCodes, ordinal);
            Post(_equipment, site.EquipmentTypeCodes, ordinal);
            Post(_certification, site.CertificationCodes, ordinal);
            Post(_qualification, site.QualificationCodes, ordinal);
            Post(_prefecture, [site.PrefectureCode], ordinal);

            // Per code, the latest expiry among the site's certificates, for the derived codes only (as SQL's EXISTS
            // re-check runs only where the array matched).
            foreach (var code in site.CertificationCodes.Distinct())
            {
                var held = site.Certifications.Where(c => c.Code == code).ToList();
                if (held.Count > 0)
                {
                    var until = held.Max(c => c.ValidUntil is { } d ? d.DayNumber : int.MaxValue);
                    _certificates.Add((ordinal, CodeId(code), until));
                    if (until >= ValidOn.DayNumber)
                    {
                        PostOne(_certificationValid, code, ordinal);
                    }
                }
            }

            foreach (var gram in Grams(site.SearchText))
            {
                if (!_grams.TryGetValue(gram, out var posting))
                {
                    _grams[gram] = posting = new Posting();
                }

                posting.Add(ordinal, universe);
            }

            _capabilityStart.Add(_capabilityProcess.Count);
            foreach (var c in site.Capabilities)
            {
                if (c is { MaxXMm: null, BestToleranceUm: null } && c.MaxYMm is null && c.MaxZMm is null)
                {
                    continue; // no envelope and no tolerance: no fit filter can match it
                }

                int[] sides = c is { MaxXMm: { } x, MaxYMm: { } y, MaxZMm: { } z } ? [.. new[] { Tenths(x), Tenths(y), Tenths(z) }.OrderDescending()] : [-1, -1, -1];
                _capabilityProcess.Add(CodeId(c.ProcessCode));
                _capabilityLong.Add(sides[0]);
                _capabilityMiddle.Add(sides[1]);
                _capabilityShort.Add(sides[2]);
                _capabilityTolerance.Add(c.BestToleranceUm is { } t ? Hundredths(t) : -1);
            }

            _specStart.Add(_specType.Count);
            foreach (var (type, spec) in site.EquipmentSpecs)
            {
                _specType.Add(CodeId(type));
                _specValue.Add(spec);
            }

            if (site is { Lat: { } lat, Lon: { } lon })
            {
                var cell = (Cell(lat), Cell(lon));
                if (!_grid.TryGetValue(cell, out var cellOrdinals))
                {
                    _grid[cell] = cellOrdinals = [];
                }

                cellOrdinals.Add(ordinal);
            }
        }

        public void Remove(Guid id)
        {
            if (_ordinals.Remove(id, out var ordinal))
            {
                // Postings keep the dead ordinal; every query intersects with _alive.
                _alive.Clear(ordinal);
                _names[ordinal] = null;
                _nameTexts[ordinal] = "";
            }
        }

        public void RefreshValidity(DateOnly today)
        {
            if (ValidOn == today)
            {
                return;
            }

            ValidOn = today;
            var codes = _codeIds.ToDictionary(c => c.Value, c => c.Key);
            var valid = new Dictionary<string, Posting>(StringComparer.Ordinal);
            foreach (var (ordinal, code, until) in _certificates)
            {
                if (until >= today.DayNumber && _alive.Get(ordinal))
                {
                    PostOne(valid, codes[code], ordinal);
                }
            }

            _certificationValid = valid;
        }

        public Page Query(SupplierQuery query, SupplierSort sort, short level, (string Value, Guid Id)? after, int take, bool facets, Expansions expansions)
        {
            var plan = new Plan(query, sort, expansions, this);
            var matches = Filter(query, level, plan);
            var page = Top(matches, sort, after, take + 1);
            return new Page(
                [.. page.Take(take).Select(m => new Hit(IdOf(m.Ordinal), KeyValue(m, sort)))],
                page.Count > take,
                facets ? Tally(matches, level) : null);
        }

        private readonly record struct Candidate(int Ordinal, double Distance, double Relevance);

        /// <summary>What each candidate is tested against, prepared once per query.</summary>
        private sealed class Plan
        {
            public Plan(SupplierQuery query, SupplierSort sort, Expansions expansions, Store store)
            {
                Point = query is { Lat: { } lat, Lon: { } lon } ? (lat, lon) : null;
                Radius = query.WithinKm is { } km ? km * 1000 : null;
                EmployeesMin = query.EmployeesMin;
                EmployeesMax = query.EmployeesMax;
                Municipality = query.Municipality is { Length: 6 } m && m.All(char.IsAsciiDigit) ? int.Parse(m, CultureInfo.InvariantCulture)
                    : query.Municipality is null ? null : -2;
                Words = TextQuery.Words(query.Q);
                Relevance = sort == SupplierSort.Relevance;
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

                HashSet<ushort>? Ids(IReadOnlyCollection<string>? codes) =>
                    codes is null ? null : [.. codes.Where(store._codeIds.ContainsKey).Select(c => store._codeIds[c])];
            }

            public (double Lat, double Lon)? Point { get; }

            public double? Radius { get; }

            public int? Municipality { get; }

            public int? EmployeesMin { get; }

            public int? EmployeesMax { get; }

            public IReadOnlyList<string> Words { get; }

            public bool Relevance { get; }

            public bool Fit { get; }

            public double[] Sides { get; } = [0, 0, 0];

            public double? Tolerance { get; }

            public HashSet<ushort>? FitProcesses { get; }

            public double? MinSpec { get; }

            public HashSet<ushort> SpecTypes { get; } = [];
        }

        private List<Candidate> Filter(SupplierQuery query, short level, Plan plan)
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

            foreach (var word in plan.Words)
            {
                if (_grams.TryGetValue(GramKey(word), out var posting))
                {
                    Need(posting);
                }
                else
                {
                    empty = true;
                }
            }

            var matches = new List<Candidate>();
            if (empty)
            {
                return matches;
            }

            if (lists.Count > 0)
            {
                // A sparse posting bounds the candidates: walk it and probe the others.
                var shortest = lists.MinBy(p => p.Count)!;
                foreach (var ordinal in shortest.List)
                {
                    if (InAll(ordinal, bitsets, lists, shortest))
                    {
                        Consider(ordinal, plan, matches);
                    }
                }

                return matches;
            }

            if (bitsets.Count == 1 && plan is { Point: { } point, Radius: { } radius })
            {
                // Only a radius: the grid cells around the point are the candidates.
                foreach (var ordinal in CellsAround(point.Lat, point.Lon, radius))
                {
                    if (_alive.Get(ordinal))
                    {
                        Consider(ordinal, plan, matches);
                    }
                }

                return matches;
            }

            var words = (_keys.Count + 63) / 64;
            var buffer = ArrayPool<ulong>.Shared.Rent(Math.Max(1, words));
            try
            {
                Bitset.Intersect(bitsets, buffer, words);
                for (var i = 0; i < words; i++)
                {
                    var word = buffer[i];
                    while (word != 0)
                    {
                        Consider((i << 6) + BitOperations.TrailingZeroCount(word), plan, matches);
                        word &= word - 1;
                    }
                }
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(buffer);
            }

            return matches;
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
        private void Consider(int ordinal, Plan plan, List<Candidate> matches)
        {
            var distance = double.MaxValue;
            if (plan.Point is { } at && !double.IsNaN(_lat[ordinal]))
            {
                distance = GreatCircle.Metres(at.Lat, at.Lon, _lat[ordinal], _lon[ordinal]);
            }

            // Comparisons with an unknown value fail, as they do in SQL.
            var employees = _employees[ordinal];
            if ((plan.Radius is { } limit && !(distance <= limit))
                || (plan.Municipality is { } municipality && _municipality[ordinal] != municipality)
                || (plan.EmployeesMin is { } min && (employees < 0 || employees < min))
                || (plan.EmployeesMax is { } max && (employees < 0 || employees > max))
                || (plan.Fit && !Fits(ordinal, plan))
                || (plan.MinSpec is not null && !HasSpec(ordinal, plan)))
            {
                return;
            }

            matches.Add(new Candidate(ordinal, distance, plan.Relevance ? Relevance(ordinal, plan.Words) : 0));
        }

        /// <summary>
        /// Some capability row (of the filtered processes, when there are) takes the workpiece in any orientation
        /// (sorted sides against sorted sides) and holds the tolerance. Stored decimals are compared as the float8
        /// PostgreSQL compares them with: tenths / 10.0 is the double nearest the stored decimal.
        /// </summary>
        private bool Fits(int ordinal, Plan plan)
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

        private bool HasSpec(int ordinal, Plan plan)
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

        /// <summary>The share of words found in the site's names, plus a little for verified sites — as SQL computes it.</summary>
        private double Relevance(int ordinal, IReadOnlyList<string> words)
        {
            var inName = 0;
            foreach (var word in words)
            {
                inName += _nameTexts[ordinal].Contains(word, StringComparison.Ordinal) ? 1 : 0;
            }

            var text = words.Count == 0 ? 0.0 : (double)inName / words.Count;
            return text + (_verified.Get(ordinal) ? 0.001 : 0.0);
        }

        /// <summary>The first <paramref name="count"/> matches after the keyset position, in sort order — a bounded heap, not a full sort.</summary>
        private List<Candidate> Top(List<Candidate> matches, SupplierSort sort, (string Value, Guid Id)? after, int count)
        {
            var order = Comparer<Candidate>.Create((a, b) => Compare(a, b, sort));
            // The heap keeps the count best seen so far, its worst on top, so each match costs O(log count).
            var heap = new PriorityQueue<Candidate, Candidate>(Comparer<Candidate>.Create((a, b) => order.Compare(b, a)));
            var position = after is { } a ? new Position(a, sort) : null;
            foreach (var match in matches)
            {
                if (position is not null && !IsAfter(match, position, sort))
                {
                    continue;
                }

                if (heap.Count < count)
                {
                    heap.Enqueue(match, match);
                }
                else if (order.Compare(match, heap.Peek()) < 0)
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

        /// <summary>A keyset position: the cursor's sort value (as text and as number) and id.</summary>
        private sealed class Position((string Value, Guid Id) after, SupplierSort sort)
        {
            public string Name { get; } = after.Value;

            public double Number { get; } = sort is SupplierSort.Distance or SupplierSort.Relevance
                ? double.Parse(after.Value, CultureInfo.InvariantCulture) : 0;

            public UInt128 Key { get; } = SearchIndex.Key(after.Id);
        }

        private bool IsAfter(Candidate match, Position position, SupplierSort sort)
        {
            var byValue = sort switch
            {
                SupplierSort.Distance => match.Distance.CompareTo(position.Number),
                SupplierSort.Relevance => position.Number.CompareTo(match.Relevance),
                _ => string.CompareOrdinal(_names[match.Ordinal], position.Name),
            };
            return byValue > 0 || (byValue == 0 && _keys[match.Ordinal] > position.Key);
        }

        private int Compare(Candidate a, Candidate b, SupplierSort sort)
        {
            var byValue = sort switch
            {
                SupplierSort.Distance => a.Distance.CompareTo(b.Distance),
                SupplierSort.Relevance => b.Relevance.CompareTo(a.Relevance),
                _ => string.CompareOrdinal(_names[a.Ordinal], _names[b.Ordinal]),
            };
            return byValue != 0 ? byValue : _keys[a.Ordinal].CompareTo(_keys[b.Ordinal]);
        }

        /// <summary>The sort value a cursor carries, written as the SQL path writes it.</summary>
        private string KeyValue(Candidate match, SupplierSort sort) => sort switch
        {
            SupplierSort.Distance => match.Distance.ToString("R", CultureInfo.InvariantCulture),
            SupplierSort.Relevance => match.Relevance.ToString("R", CultureInfo.InvariantCulture),
            _ => _names[match.Ordinal]!,
        };

        private Guid IdOf(int ordinal)
        {
            Span<byte> bytes = stackalloc byte[16];
            BinaryPrimitives.WriteUInt128BigEndian(bytes, _keys[ordinal]);
            return new Guid(bytes, bigEndian: true);
        }

        /// <summary>Facet counts over the matches: each family, prefecture and (visible) certification posting ANDed with them.</summary>
        private Facets Tally(List<Candidate> matches, short level)
        {
            var words = (_keys.Count + 63) / 64;
            var bits = ArrayPool<ulong>.Shared.Rent(Math.Max(1, words));
            try
            {
                Array.Clear(bits, 0, words);
                foreach (var match in matches)
                {
                    bits[match.Ordinal >> 6] |= 1UL << match.Ordinal;
                }

                var nonZero = new List<int>();
                for (var i = 0; i < words; i++)
                {
                    if (bits[i] != 0)
                    {
                        nonZero.Add(i);
                    }
                }

                var used = bits.AsSpan(0, words).ToArray();
                var families = Counts(_process.Where(p => !p.Key.Contains('.', StringComparison.Ordinal)), used, nonZero);
                var prefectures = Counts(_prefecture, used, nonZero);
                foreach (var i in nonZero)
                {
                    used[i] &= _certificationsVisible[level].Word(i);
                }

                var certifications = Counts(_certification, used, nonZero);
                return new Facets(matches.Count, families, prefectures, certifications);
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(bits);
            }
        }

        private static Dictionary<string, int> Counts(IEnumerable<KeyValuePair<string, Posting>> postings, ulong[] matches, List<int> nonZero)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (code, posting) in postings)
            {
                if (posting.CountIn(matches, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(nonZero)) is > 0 and var count)
                {
                    counts[code] = count;
                }
            }

            return counts;
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

        private ushort CodeId(string code)
        {
            if (!_codeIds.TryGetValue(code, out var id))
            {
                _codeIds[code] = id = checked((ushort)_codeIds.Count);
            }

            return id;
        }

        private void Post(Dictionary<string, Posting> postings, IEnumerable<string> codes, int ordinal)
        {
            foreach (var code in codes)
            {
                PostOne(postings, code, ordinal);
            }
        }

        private void PostOne(Dictionary<string, Posting> postings, string code, int ordinal)
        {
            if (!postings.TryGetValue(code, out var posting))
            {
                postings[code] = posting = new Posting();
            }

            posting.Add(ordinal, _keys.Count);
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

        private static int MunicipalityNumber(string? code) =>
            code is { Length: 6 } && code.All(char.IsAsciiDigit) ? int.Parse(code, CultureInfo.InvariantCulture) : -1;

        private static int Tenths(double mm) => (int)Math.Min(int.MaxValue, Math.Round(mm * 10));

        private static int Hundredths(double um) => (int)Math.Min(int.MaxValue, Math.Round(um * 100));

        private static int Cell(double degrees) => (int)Math.Floor(degrees / CellDegrees);

        private static Bitset[] NewLevels() => [new(1024), new(1024), new(1024)];
    }

    /// <summary>The posting key of a gram of one or two characters (Unicode scalar values, as PostgreSQL counts them).</summary>
    internal static ulong GramKey(string gram)
    {
        var runes = gram.EnumerateRunes();
        uint first = uint.MaxValue, second = uint.MaxValue;
        foreach (var rune in runes)
        {
            if (first == uint.MaxValue)
            {
                first = (uint)rune.Value;
            }
            else
            {
                second = (uint)rune.Value;
                break;
            }
        }

        return ((ulong)first << 32) | second;
    }

    /// <summary>
    /// Every character and every pair of adjacent characters without white space, as the text_grams() SQL function
    /// makes the search_bigrams column.
    /// </summary>
    internal static IEnumerable<ulong> Grams(string text)
    {
        var previous = (Rune?)null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                previous = null;
                continue;
            }

            yield return ((ulong)(uint)rune.Value << 32) | uint.MaxValue;
            if (previous is { } p)
            {
                yield return ((ulong)(uint)p.Value << 32) | (uint)rune.Value;
            }

            previous = rune;
        }
    }

    private static UInt128 Key(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
