using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
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

    /// <summary>What scoring a site for a step needs, as the caller may see it (see Matching/Scorer).</summary>
    public sealed record MatchFacts(
        Guid Id, string NameJa, string? MunicipalityCode, double Lat, double Lon, double DistanceKm, bool Verified, string Firm,
        int? SpareCapacityPct, int? TypicalLeadDays, IReadOnlyList<string>? Certifications, bool? HasInspection,
        double? ToleranceUm, int? LotMin, int? LotMax, int? LeadDays);

    /// <summary>
    /// The <paramref name="take"/> nearest sites passing the query at the caller's level, each with its scoring
    /// facts: its best capability row among <paramref name="processes"/> (tightest tolerance first), capacity,
    /// unexpired certificates and whether it shows equipment of <paramref name="inspection"/> types.
    /// </summary>
    public IReadOnlyList<MatchFacts> Nearest(SupplierQuery query, short level, DateOnly today, int take, Expansions expansions,
        IReadOnlyCollection<string> processes, IReadOnlyCollection<string> inspection)
    {
        if (Read(s => s.ValidOn) != today)
        {
            Write(s => s.RefreshValidity(today));
        }

        return Read(s => s.Nearest(query, level, today, take, expansions, processes, inspection));
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
        private readonly Dictionary<ulong, Posting> _nameGrams = [];
        // Each cell lists its sites with their coordinates, so that a radius search reads them in a row instead of
        // jumping about the coordinate columns (a cache miss per site at a million sites).
        private readonly Dictionary<(int, int), List<Located>> _grid = [];

        // Sites holding each certification unexpired as of ValidOn: rebuilt when the date turns, so that expiry
        // passes with time as it does in the SQL path, without a check per candidate.
        private Dictionary<string, Posting> _certificationValid = new(StringComparer.Ordinal);
        private readonly List<(int Ordinal, ushort Code, int Until)> _certificates = [];

        // Where each ordinal's entries start in _certificates (appended site by site), so that matching reads a
        // candidate's certificates directly instead of asking every code's posting.
        private readonly List<int> _certificateStart = [];

        // Columns by ordinal.
        private readonly List<UInt128> _keys = [];
        private readonly List<string?> _names = [];
        // The first four UTF-16 units of each name, packed so that comparing two numbers orders as comparing the
        // names ordinally does whenever the numbers differ — most comparisons then never touch the strings.
        private readonly List<ulong> _namePrefixes = [];
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
        // For scoring a match (Matching/Scorer): lot range and lead days of each capability row, each site's
        // corporate number (-1: none), spare capacity with the day its declaration lapses, and typical lead days.
        private readonly List<(int Min, int Max)> _capabilityLot = [];
        private readonly List<short> _capabilityLead = [];
        private readonly List<long> _firms = [];
        private readonly List<(sbyte SparePct, int SpareUntil, short LeadDays)> _capacity = [];
        private readonly List<int> _specStart = [];
        private readonly List<ushort> _specType = [];
        private readonly List<double> _specValue = [];

        private readonly Dictionary<string, ushort> _codeIds = new(StringComparer.Ordinal);
        private readonly List<string> _codeNames = [];

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
            _namePrefixes.Add(NamePrefix(site.NameJa));
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
            _certificateStart.Add(_certificates.Count);
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

            PostGrams(_grams, site.SearchText, ordinal, universe);
            PostGrams(_nameGrams, site.NameText, ordinal, universe);

            _capabilityStart.Add(_capabilityProcess.Count);
            foreach (var c in site.Capabilities)
            {
                int[] sides = c is { MaxXMm: { } x, MaxYMm: { } y, MaxZMm: { } z } ? [.. new[] { Tenths(x), Tenths(y), Tenths(z) }.OrderDescending()] : [-1, -1, -1];
                _capabilityProcess.Add(CodeId(c.ProcessCode));
                _capabilityLong.Add(sides[0]);
                _capabilityMiddle.Add(sides[1]);
                _capabilityShort.Add(sides[2]);
                _capabilityTolerance.Add(c.BestToleranceUm is { } t ? Hundredths(t) : -1);
                _capabilityLot.Add((c.LotMin ?? -1, c.LotMax ?? -1));
                _capabilityLead.Add((short)(c.LeadDays ?? -1));
            }

            _firms.Add(site.CorporateNumber is { Length: 13 } number && long.TryParse(number, CultureInfo.InvariantCulture, out var firm) ? firm : -1);
            _capacity.Add((
                (sbyte)(site.SpareCapacityPct ?? -1),
                site.SpareCapacityValidUntil?.DayNumber ?? -1,
                (short)(site.TypicalLeadDays ?? -1)));

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

                cellOrdinals.Add(new Located(ordinal, lat, lon));
            }
        }

        /// <summary>Gives back what the growing columns and postings reserved beyond their size (after a bulk load).</summary>
        public void Trim()
        {
            foreach (var postings in new[] { _process, _material, _equipment, _certification, _qualification, _prefecture, _certificationValid })
            {
                foreach (var posting in postings.Values)
                {
                    posting.Trim();
                }
            }

            foreach (var posting in _grams.Values.Concat(_nameGrams.Values))
            {
                posting.Trim();
            }

            foreach (var cell in _grid.Values)
            {
                cell.TrimExcess();
            }

            _keys.TrimExcess();
            _names.TrimExcess();
            _namePrefixes.TrimExcess();
            _lat.TrimExcess();
            _lon.TrimExcess();
            _municipality.TrimExcess();
            _employees.TrimExcess();
            _capabilityStart.TrimExcess();
            _capabilityProcess.TrimExcess();
            _capabilityLong.TrimExcess();
            _capabilityMiddle.TrimExcess();
            _capabilityShort.TrimExcess();
            _capabilityTolerance.TrimExcess();
            _capabilityLot.TrimExcess();
            _capabilityLead.TrimExcess();
            _firms.TrimExcess();
            _capacity.TrimExcess();
            _specStart.TrimExcess();
            _specType.TrimExcess();
            _specValue.TrimExcess();
            _certificates.TrimExcess();
            _certificateStart.TrimExcess();
            _codeNames.TrimExcess();
        }

        public void Remove(Guid id)
        {
            if (_ordinals.Remove(id, out var ordinal))
            {
                // Postings keep the dead ordinal; every query intersects with _alive.
                _alive.Clear(ordinal);
                _names[ordinal] = null;
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
            var collector = new Collector(this, sort, after, take + 1, facets ? (_keys.Count + 63) / 64 : 0);
            try
            {
                Filter(query, level, plan, collector);
                var best = collector.Best();
                return new Page(
                    [.. best.Take(take).Select(m => new Hit(IdOf(m.Ordinal), KeyValue(m, sort)))],
                    best.Count > take,
                    facets ? Tally(collector, level) : null);
            }
            finally
            {
                collector.Release();
            }
        }

        private readonly record struct Located(int Ordinal, double Lat, double Lon);

        public IReadOnlyList<MatchFacts> Nearest(SupplierQuery query, short level, DateOnly today, int take, Expansions expansions,
            IReadOnlyCollection<string> processes, IReadOnlyCollection<string> inspection)
        {
            var plan = new Plan(query, SupplierSort.Distance, expansions, this);
            var collector = new Collector(this, SupplierSort.Distance, null, take, 0);
            Filter(query, level, plan, collector);
            var wanted = processes.Where(_codeIds.ContainsKey).Select(c => _codeIds[c]).ToHashSet();
            var inspecting = inspection.Where(_equipment.ContainsKey).Select(c => _equipment[c]).ToList();
            var facts = new List<MatchFacts>();
            foreach (var match in collector.Best())
            {
                var o = match.Ordinal;
                var capacity = _capacityVisible[level].Get(o) ? _capacity[o] : (SparePct: (sbyte)-1, SpareUntil: -1, LeadDays: (short)-1);
                var row = _capabilitiesVisible[level].Get(o) ? BestRow(o, wanted) : -1;
                facts.Add(new MatchFacts(
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

        /// <summary>A match: its ordinal, its primary sort key as a number (see <see cref="Collector"/>), distance and relevance.</summary>
        private readonly record struct Candidate(int Ordinal, ulong Primary, double Distance, double Relevance);

        /// <summary>What each candidate is tested against, prepared once per query.</summary>
        private sealed class Plan
        {
            public Plan(SupplierQuery query, SupplierSort sort, Expansions expansions, Store store)
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
                NamePostings = [.. Words.Select(w => store._nameGrams.GetValueOrDefault(GramKey(w)))];
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

                HashSet<ushort>? Ids(IReadOnlyCollection<string>? codes) =>
                    codes is null ? null : [.. codes.Where(store._codeIds.ContainsKey).Select(c => store._codeIds[c])];
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

            /// <summary>Per word, the sites whose names hold it (null: none).</summary>
            public Posting?[] NamePostings { get; }

            public bool Fit { get; }

            public double[] Sides { get; } = [0, 0, 0];

            public double? Tolerance { get; }

            public HashSet<ushort>? FitProcesses { get; }

            public double? MinSpec { get; }

            public HashSet<ushort> SpecTypes { get; } = [];
        }

        private void Filter(SupplierQuery query, short level, Plan plan, Collector matches)
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
                foreach (var cell in CellsAround(point.Lat, point.Lon, radius))
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

                if (plan is { Point: { } at, Radius: { } reach } && CellsAround(at.Lat, at.Lon, reach) is var cells
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
                                matches.Rank(new Candidate(ordinal, primary, double.MaxValue, relevance));
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
        /// Relevance takes few values — (words in the name) / (words), plus 0.001 when verified — so the matches fall
        /// into buckets that bit operations select a word (64 sites) at a time. Buckets are ranked best first, and
        /// once the kept set is full after a bucket, no later bucket can enter it.
        /// </summary>
        private void RankByRelevance(ulong[] buffer, int words, Plan plan, Collector matches)
        {
            var n = plan.NamePostings.Length;
            var names = new ulong[n][];
            try
            {
                RankByRelevance(buffer, words, plan, matches, names);
            }
            finally
            {
                foreach (var mask in names.Where(m => m is not null))
                {
                    ArrayPool<ulong>.Shared.Return(mask);
                }
            }
        }

        private void RankByRelevance(ulong[] buffer, int words, Plan plan, Collector matches, ulong[][] names)
        {
            var n = names.Length;
            for (var k = 0; k < n; k++)
            {
                names[k] = ArrayPool<ulong>.Shared.Rent(Math.Max(1, words));
                Array.Clear(names[k], 0, words);
                if (plan.NamePostings[k] is { } posting)
                {
                    for (var i = 0; i < words; i++)
                    {
                        names[k][i] = posting.Bits?.Word(i) ?? 0;
                    }

                    foreach (var ordinal in posting.List)
                    {
                        names[k][ordinal >> 6] |= 1UL << ordinal;
                    }
                }
            }

            for (var inName = n; inName >= 0; inName--)
            {
                foreach (var verified in (ReadOnlySpan<bool>)[true, false])
                {
                    var relevance = (n == 0 ? 0.0 : (double)inName / n) + (verified ? 0.001 : 0.0);
                    var primary = ulong.MaxValue - BitConverter.DoubleToUInt64Bits(relevance);
                    for (var i = 0; i < words; i++)
                    {
                        var word = buffer[i] & Exactly(names, i, inName) & (verified ? _verified.Word(i) : ~_verified.Word(i));
                        while (word != 0)
                        {
                            var ordinal = (i << 6) + BitOperations.TrailingZeroCount(word);
                            matches.Rank(new Candidate(ordinal, primary, double.MaxValue, relevance));
                            word &= word - 1;
                        }
                    }

                    if (matches.Full)
                    {
                        return;
                    }
                }
            }
        }

        /// <summary>The bits of word <paramref name="i"/> set in exactly <paramref name="count"/> of the masks (a bit-sliced counter).</summary>
        private static ulong Exactly(ulong[][] masks, int i, int count)
        {
            ulong s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            foreach (var mask in masks)
            {
                var carry = mask[i];
                (s0, carry) = (s0 ^ carry, s0 & carry);
                (s1, carry) = (s1 ^ carry, s1 & carry);
                (s2, carry) = (s2 ^ carry, s2 & carry);
                s3 |= carry;
            }

            return ((count & 1) != 0 ? s0 : ~s0) & ((count & 2) != 0 ? s1 : ~s1) & ((count & 4) != 0 ? s2 : ~s2) & ((count & 8) != 0 ? s3 : ~s3);
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
        private void Consider(int ordinal, double lat, double lon, Plan plan, Collector matches)
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
            matches.Offer(new Candidate(ordinal, Primary(ordinal, plan.Sort, distance, relevance), distance, relevance));
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

        /// <summary>
        /// The share of words found in the site's names, plus a little for verified sites — as SQL computes it. A word
        /// of one or two characters is in a name exactly when it is one of the name's grams.
        /// </summary>
        private double Relevance(int ordinal, Plan plan)
        {
            var inName = 0;
            foreach (var posting in plan.NamePostings)
            {
                inName += posting?.Contains(ordinal) == true ? 1 : 0;
            }

            var text = plan.NamePostings.Length == 0 ? 0.0 : (double)inName / plan.NamePostings.Length;
            return text + (_verified.Get(ordinal) ? 0.001 : 0.0);
        }

        /// <summary>
        /// The primary sort key of a match as a number that orders as the sort does: the name's packed first
        /// characters, the distance's bits (non-negative doubles order as their bits), or the relevance's bits
        /// inverted (higher first). Equal numbers fall back to the full comparison.
        /// </summary>
        private ulong Primary(int ordinal, SupplierSort sort, double distance, double relevance) => sort switch
        {
            SupplierSort.Distance => BitConverter.DoubleToUInt64Bits(distance),
            SupplierSort.Relevance => ulong.MaxValue - BitConverter.DoubleToUInt64Bits(relevance),
            _ => _namePrefixes[ordinal],
        };

        /// <summary>
        /// Keeps the best matches after the keyset position in a bounded max-heap (its worst on top, so that most
        /// matches cost one comparison of numbers), counts every match, and marks them in a bitset for facets.
        /// </summary>
        private sealed class Collector
        {
            private readonly Store _store;
            private readonly SupplierSort _sort;
            private readonly Candidate[] _heap;
            private readonly Candidate? _after;
            private readonly string _afterName = "";
            private readonly UInt128 _afterKey;
            private readonly int _words;
            private int _size;

            public Collector(Store store, SupplierSort sort, (string Value, Guid Id)? after, int capacity, int facetWords)
            {
                _store = store;
                _sort = sort;
                _heap = new Candidate[capacity];
                _words = facetWords;
                if (facetWords > 0)
                {
                    Bits = ArrayPool<ulong>.Shared.Rent(facetWords);
                    Array.Clear(Bits, 0, facetWords);
                }

                if (after is { } a)
                {
                    _afterName = a.Value;
                    _afterKey = Key(a.Id);
                    var number = sort is SupplierSort.Distance or SupplierSort.Relevance ? double.Parse(a.Value, CultureInfo.InvariantCulture) : 0;
                    var primary = sort switch
                    {
                        SupplierSort.Distance => BitConverter.DoubleToUInt64Bits(number),
                        SupplierSort.Relevance => ulong.MaxValue - BitConverter.DoubleToUInt64Bits(number),
                        _ => NamePrefix(a.Value),
                    };
                    _after = new Candidate(-1, primary, number, number);
                }
            }

            /// <summary>Every match (before the keyset position too), for the facets' total.</summary>
            public int Matches { get; private set; }

            /// <summary>The matches as bits (only when facets were asked for), in the first <see cref="Words"/> words.</summary>
            public ulong[]? Bits { get; }

            public int Words => _words;

            /// <summary>Whether the kept set holds as many matches as it keeps.</summary>
            public bool Full => _size == _heap.Length;

            /// <summary>The primary key a match must not exceed to enter the kept set (when it is full, its worst's).</summary>
            public ulong Threshold => _size < _heap.Length ? ulong.MaxValue : _heap[0].Primary;

            public void Offer(Candidate match)
            {
                Matches++;
                if (Bits is { } bits)
                {
                    bits[match.Ordinal >> 6] |= 1UL << match.Ordinal;
                }

                Rank(match);
            }

            /// <summary>Counts and marks every set bit of <paramref name="buffer"/> as a match at once.</summary>
            public void AddAll(ulong[] buffer, int words)
            {
                Matches += Bitset.Count(buffer, words);
                if (Bits is { } bits)
                {
                    Array.Copy(buffer, bits, words);
                }
            }

            /// <summary>Keeps a match if it is among the best so far (it has been counted already).</summary>
            public void Rank(Candidate match)
            {
                if (_after is { } after && Compare(match, after) <= 0)
                {
                    return;
                }

                if (_size < _heap.Length)
                {
                    // Sift up: parents are worse than (sort after) their children.
                    var i = _size++;
                    while (i > 0 && Compare(_heap[(i - 1) / 2], match) < 0)
                    {
                        _heap[i] = _heap[(i - 1) / 2];
                        i = (i - 1) / 2;
                    }

                    _heap[i] = match;
                }
                else if (Compare(match, _heap[0]) < 0)
                {
                    // Sift down from the root, which the match replaces.
                    var i = 0;
                    while (true)
                    {
                        var child = (2 * i) + 1;
                        if (child >= _size)
                        {
                            break;
                        }

                        if (child + 1 < _size && Compare(_heap[child + 1], _heap[child]) > 0)
                        {
                            child++;
                        }

                        if (Compare(_heap[child], match) <= 0)
                        {
                            break;
                        }

                        _heap[i] = _heap[child];
                        i = child;
                    }

                    _heap[i] = match;
                }
            }

            /// <summary>The kept matches, best first.</summary>
            public List<Candidate> Best()
            {
                var best = _heap.AsSpan(0, _size).ToArray().ToList();
                best.Sort(Compare);
                return best;
            }

            public void Release()
            {
                if (Bits is { } bits)
                {
                    ArrayPool<ulong>.Shared.Return(bits);
                }
            }

            private int Compare(Candidate a, Candidate b)
            {
                if (a.Primary != b.Primary)
                {
                    return a.Primary < b.Primary ? -1 : 1;
                }

                if (_sort is SupplierSort.Name)
                {
                    var byName = string.CompareOrdinal(NameOf(a.Ordinal), NameOf(b.Ordinal));
                    if (byName != 0)
                    {
                        return byName;
                    }
                }

                return KeyOf(a.Ordinal).CompareTo(KeyOf(b.Ordinal));
            }

            private string NameOf(int ordinal) => ordinal < 0 ? _afterName : _store._names[ordinal]!;

            private UInt128 KeyOf(int ordinal) => ordinal < 0 ? _afterKey : _store._keys[ordinal];
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
        private Facets Tally(Collector matches, short level)
        {
            var bits = matches.Bits!;
            var nonZero = new List<int>();
            for (var i = 0; i < matches.Words; i++)
            {
                if (bits[i] != 0)
                {
                    nonZero.Add(i);
                }
            }

            var families = Counts(_process.Where(p => !p.Key.Contains('.', StringComparison.Ordinal)), bits, nonZero);
            var prefectures = Counts(_prefecture, bits, nonZero);
            foreach (var i in nonZero)
            {
                bits[i] &= _certificationsVisible[level].Word(i);
            }

            var certifications = Counts(_certification, bits, nonZero);
            return new Facets(matches.Matches, families, prefectures, certifications);
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

        /// <summary>
        /// Nearest first, a page at a time, without facets: the cells around the point in the order of the least
        /// distance any site in them can have (to the cell's centre, less the reach of its farthest corner), stopping
        /// once the kept set is full and no site of the next cell can be nearer than the farthest kept. A page then
        /// costs the sites near the point, not every site in the circle.
        /// </summary>
        private void WalkNearestFirst(Plan plan, Collector matches, ulong[]? postings)
        {
            var (dLat, dLon) = GreatCircle.Reach(plan.Lat, plan.Radius!.Value);
            var cells = new List<(double Bound, List<Located> Sites)>();
            for (var row = Cell(plan.Lat - dLat); row <= Cell(plan.Lat + dLat); row++)
            {
                for (var col = Cell(plan.Lon - dLon); col <= Cell(plan.Lon + dLon); col++)
                {
                    if (_grid.TryGetValue((row, col), out var sites))
                    {
                        var (south, west) = (row * CellDegrees, col * CellDegrees);
                        var (lat, lon) = (south + (CellDegrees / 2), west + (CellDegrees / 2));
                        var reach = Math.Max(
                            Math.Max(GreatCircle.Metres(lat, lon, south, west), GreatCircle.Metres(lat, lon, south, west + CellDegrees)),
                            Math.Max(GreatCircle.Metres(lat, lon, south + CellDegrees, west), GreatCircle.Metres(lat, lon, south + CellDegrees, west + CellDegrees)));
                        // 10 % over the corners' distance: a margin for the cell's curved edges and rounding.
                        cells.Add((Math.Max(0, GreatCircle.Metres(plan.Lat, plan.Lon, lat, lon) - (1.1 * reach)), sites));
                    }
                }
            }

            cells.Sort((a, b) => a.Bound.CompareTo(b.Bound));
            foreach (var (bound, sites) in cells)
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

        /// <summary>The grid cells that the box around the circle touches (a site lies in exactly one cell).</summary>
        private List<List<Located>> CellsAround(double lat, double lon, double metres)
        {
            var (dLat, dLon) = GreatCircle.Reach(lat, metres);
            var cells = new List<List<Located>>();
            for (var row = Cell(lat - dLat); row <= Cell(lat + dLat); row++)
            {
                for (var col = Cell(lon - dLon); col <= Cell(lon + dLon); col++)
                {
                    if (_grid.TryGetValue((row, col), out var ordinals))
                    {
                        cells.Add(ordinals);
                    }
                }
            }

            return cells;
        }

        private static void PostGrams(Dictionary<ulong, Posting> postings, string text, int ordinal, int universe)
        {
            foreach (var gram in Grams(text))
            {
                if (!postings.TryGetValue(gram, out var posting))
                {
                    postings[gram] = posting = new Posting();
                }

                posting.Add(ordinal, universe);
            }
        }

        private ushort CodeId(string code)
        {
            if (!_codeIds.TryGetValue(code, out var id))
            {
                _codeIds[code] = id = checked((ushort)_codeIds.Count);
                _codeNames.Add(code);
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

        public static ulong NamePrefix(string name)
        {
            ulong prefix = 0;
            for (var i = 0; i < 4; i++)
            {
                prefix = (prefix << 16) | (i < name.Length ? name[i] : 0u);
            }

            return prefix;
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
