// The index's data and how it changes: the columns by ordinal, the postings, the per-level visibility sets, and
// adding, replacing and removing a site. How the data is read (filters, ranking, facets, the nearest walk) is in the
// other IndexStore.*.cs files, so that what is kept can be learnt apart from how it is searched.
using System.Buffers.Binary;
using System.Globalization;

namespace Registry.Api.Search.Index;

/// <summary>
/// The index's data. Every column is indexed by ordinal and only ever appended to: a changed site gets a new
/// ordinal and its old one is marked dead, so postings stay sorted arrays that never shift.
/// </summary>
internal sealed partial class IndexStore
{
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
    private readonly Grid _grid = new();

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
    // For what Nearest tells of a site (NearbySite): lot range and lead days of each capability row, each site's
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
            _grid.Add(ordinal, lat, lon);
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

        _grid.Trim();

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

    /// <summary>Per word of one or two characters, the sites whose names hold it (null: none).</summary>
    public Posting? NamePosting(string word) => _nameGrams.GetValueOrDefault(Grams.Key(word));

    /// <summary>The ids of those of <paramref name="codes"/> the store has seen (one it has not seen is in no site's rows).</summary>
    public HashSet<ushort> CodeIds(IEnumerable<string> codes) => [.. codes.Where(_codeIds.ContainsKey).Select(c => _codeIds[c])];

    private Guid IdOf(int ordinal)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, _keys[ordinal]);
        return new Guid(bytes, bigEndian: true);
    }

    private static void PostGrams(Dictionary<ulong, Posting> postings, string text, int ordinal, int universe)
    {
        foreach (var gram in Grams.Of(text))
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

    /// <summary>The first four UTF-16 units of a name packed into a number (see <see cref="_namePrefixes"/>).</summary>
    internal static ulong NamePrefix(string name)
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

    private static Bitset[] NewLevels() => [new(1024), new(1024), new(1024)];

    /// <summary>A site's id as a number that orders as PostgreSQL orders uuids (bytewise), the ranking's last tie-break.</summary>
    internal static UInt128 Key(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
