using System.Text;
using Registry.Api.Demo;
using Registry.Api.Taxonomy;
using Registry.Contracts.Taxonomy;

namespace Registry.Seed;

/// <summary>
/// Synthetic supplier sites at national scale, deterministic for a seed: each site is a shop of some kind
/// (<see cref="ShopKinds"/>) in a real municipality (<see cref="Nation"/>), with the parts its kind runs, a realistic
/// mix of disclosure levels, freshness and verification, and the derived search columns computed as
/// SupplierStore.TouchAsync computes them.
/// </summary>
public sealed class SiteGenerator(int seed, TaxonomyCatalog taxonomy, DateOnly today)
{
    public sealed record Site(
        Guid Id, string NameJa, string NameEn, string NameKana, string PostalCode, string PrefectureCode, string MunicipalityCode,
        string Address, double Lat, double Lon, int Employees, int FoundedYear, long CapitalJpy, string[] IndustryCodes,
        string DescriptionJa, string DescriptionEn, string Strengths, string ContactName, string ContactEmail, string ContactPhone,
        string ContractAcceptance, int? SpareCapacityPct, DateOnly? SpareCapacityValidUntil, int TypicalLeadDays, int MinLot,
        string Weaknesses, string Challenges, bool Edi, bool OnlineOrdering, bool FaxOnly, string Status, string Verification,
        DateTimeOffset? VerifiedAt, short[] Disclosure, DateTimeOffset ConfirmedAt, DateTimeOffset? PublishedAt,
        string[] ProcessCodes, string[] MaterialCodes, string[] EquipmentTypeCodes, string[] CertificationCodes,
        string[] QualificationCodes, string SearchText, string[] SearchBigrams, ShopParts Parts);

    private static readonly (string Ja, string Kana, string En)[] s_prefixes =
    [
        ("山田", "ヤマダ", "Yamada"), ("鈴木", "スズキ", "Suzuki"), ("高橋", "タカハシ", "Takahashi"), ("田中", "タナカ", "Tanaka"),
        ("伊藤", "イトウ", "Ito"), ("渡辺", "ワタナベ", "Watanabe"), ("中村", "ナカムラ", "Nakamura"), ("小林", "コバヤシ", "Kobayashi"),
        ("加藤", "カトウ", "Kato"), ("吉田", "ヨシダ", "Yoshida"), ("佐々木", "ササキ", "Sasaki"), ("松本", "マツモト", "Matsumoto"),
        ("井上", "イノウエ", "Inoue"), ("木村", "キムラ", "Kimura"), ("清水", "シミズ", "Shimizu"), ("森", "モリ", "Mori"),
        ("池田", "イケダ", "Ikeda"), ("橋本", "ハシモト", "Hashimoto"), ("石川", "イシカワ", "Ishikawa"), ("前田", "マエダ", "Maeda"),
        ("藤田", "フジタ", "Fujita"), ("岡田", "オカダ", "Okada"), ("長谷川", "ハセガワ", "Hasegawa"), ("村上", "ムラカミ", "Murakami"),
        ("東洋", "トウヨウ", "Toyo"), ("大和", "ヤマト", "Yamato"), ("昭和", "ショウワ", "Showa"), ("平成", "ヘイセイ", "Heisei"),
        ("旭", "アサヒ", "Asahi"), ("富士", "フジ", "Fuji"), ("北斗", "ホクト", "Hokuto"), ("太平", "タイヘイ", "Taihei"),
        ("協和", "キョウワ", "Kyowa"), ("共栄", "キョウエイ", "Kyoei"), ("丸三", "マルサン", "Marusan"), ("日新", "ニッシン", "Nisshin"),
        ("三協", "サンキョウ", "Sankyo"), ("光", "ヒカリ", "Hikari"), ("新興", "シンコウ", "Shinko"), ("明治", "メイジ", "Meiji"),
    ];

    // About five capabilities and five machines per site (DESIGN §10).
    private static readonly ShopParts.Richness s_national = new(4, 0.95, 0.6);

    private static readonly (string Text, int Weight)[] s_challenges =
        [("後継者の確保", 3), ("若手技能者の育成", 3), ("設備の老朽化", 2), ("受注の平準化", 2), ("DXの遅れ", 2), ("人手不足", 3)];

    private readonly Random _random = new(seed);
    private readonly string[] _prefectures = [.. Nation.PrefectureWeights.Keys.Order(StringComparer.Ordinal)];
    private readonly Dictionary<string, List<Nation.Town>> _towns = Nation.Towns.GroupBy(t => t.Prefecture).ToDictionary(g => g.Key, g => g.ToList());
    private readonly DateTimeOffset _now = new(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    private long _clock = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>The next site of the nation.</summary>
    public Site Next(int number)
    {
        var random = _random;
        var prefecture = ShopKinds.Pick(random, _prefectures, p => Nation.PrefectureWeights[p]);
        var town = ShopKinds.Pick(random, _towns[prefecture], t => t.Weight);
        var kind = ShopKinds.Pick(random, ShopKinds.All, k => k.Weight);
        var id = NewId();
        var parts = ShopParts.Generate(random, kind, id, today, NewId, s_national);

        var (prefixJa, prefixKana, prefixEn) = s_prefixes[random.Next(s_prefixes.Length)];
        var plant = random.NextDouble() < 0.15 ? $" {town.Ja[..^1]}工場" : "";
        var nameJa = $"{prefixJa}{kind.Suffix}{plant}";
        // Sites spread around the city hall, denser near it.
        var distanceKm = town.SpreadKm * Math.Sqrt(random.NextDouble()) * (random.NextDouble() < 0.7 ? 0.6 : 1.0);
        var bearing = random.NextDouble() * 2 * Math.PI;
        var lat = town.Lat + distanceKm / 111.0 * Math.Cos(bearing);
        var lon = town.Lon + distanceKm / (111.0 * Math.Cos(town.Lat * Math.PI / 180)) * Math.Sin(bearing);
        var employees = (int)Math.Round(Math.Exp(random.NextDouble() * Math.Log(500)) + 2);
        var spare = random.NextDouble() < 0.7 ? random.Next(0, 9) * 5 : (int?)null;
        var faxOnly = random.NextDouble() < 0.25;
        var published = random.NextDouble() < 0.95;
        var verified = random.NextDouble() < 0.35;
        var confirmed = _now.AddDays(-random.Next(0, 540)).AddMinutes(-random.Next(0, 600));
        var processNames = parts.Capabilities.Take(3).Select(c => taxonomy.Find(TaxonomyKind.Processes, c.ProcessCode)).OfType<TaxonomyCatalog.Term>().ToList();
        var descriptionJa = $"【合成データ】{town.Ja}で{string.Join("・", processNames.Select(p => p.Ja))}を手がける工場。{kind.Strength}。";
        var descriptionEn = $"[Synthetic data] A {kind.SuffixEn.ToLowerInvariant()} shop in {town.En}: {string.Join(", ", processNames.Select(p => p.En.ToLowerInvariant()))}.";
        var site = new Site(
            id,
            nameJa,
            $"{prefixEn} {kind.SuffixEn}{(plant.Length > 0 ? $" {town.En} Plant" : "")}",
            $"{prefixKana}{kind.SuffixKana}",
            $"{town.Postal}-{random.Next(0, 10000):0000}",
            prefecture,
            town.Code,
            $"{town.Ja}合成町{random.Next(1, 40)}-{random.Next(1, 60)}",
            Math.Round(lat, 6),
            Math.Round(lon, 6),
            employees,
            random.Next(1946, 2024),
            (long)random.Next(1, 300) * 1_000_000,
            [kind.Industries[random.Next(kind.Industries.Length)]],
            descriptionJa,
            descriptionEn,
            kind.Strength,
            $"{prefixJa} 担当",
            $"site{number}{SyntheticOnly.EmailDomain}",
            $"0{random.Next(11, 99)}-{random.Next(100, 999)}-{random.Next(1000, 9999)}",
            ShopKinds.Pick(random, [("open", 50), ("limited", 35), ("closed", 15)], x => x.Item2).Item1,
            spare,
            spare is null ? null : today.AddDays(random.NextDouble() < 0.2 ? -random.Next(1, 200) : random.Next(5, 90)),
            random.Next(3, 60),
            random.NextDouble() < 0.5 ? 1 : random.Next(1, 20) * 50,
            kind.Weakness,
            ShopKinds.Pick(random, s_challenges, x => x.Weight).Text,
            !faxOnly && random.NextDouble() < 0.3,
            !faxOnly && random.NextDouble() < 0.5,
            faxOnly,
            published ? "published" : "draft",
            verified ? "verified" : "unverified",
            verified ? confirmed.AddDays(-random.Next(0, 60)) : null,
            // contact, capabilities, equipment, certifications, staff, capacity, challenges
            [Level(20, 70), Level(85, 15), Level(70, 25), Level(80, 20), Level(30, 60), Level(25, 60), Level(0, 20)],
            confirmed,
            published ? confirmed.AddDays(-random.Next(0, 30)) : null,
            WithAncestors(TaxonomyKind.Processes, parts.Capabilities.Select(c => c.ProcessCode)),
            WithAncestors(TaxonomyKind.Materials, parts.Capabilities.SelectMany(c => c.MaterialCodes)),
            WithAncestors(TaxonomyKind.EquipmentTypes, parts.Equipment.Select(e => e.TypeCode)),
            [.. parts.Certifications.Where(c => c.ValidUntil >= today).Select(c => c.Code).Distinct().Order(StringComparer.Ordinal)],
            WithAncestors(TaxonomyKind.Qualifications, parts.Staff.Select(s => s.QualificationCode)),
            "",
            [],
            parts);
        var text = Registry.Api.Text.TextFold.Fold(string.Join(' ', new[] { site.NameJa, site.NameEn, site.NameKana, site.DescriptionJa, site.DescriptionEn, site.Strengths }));
        return site with { SearchText = text, SearchBigrams = Grams(text) };
    }

    /// <summary>A time-ordered UUIDv7 whose clock advances a millisecond per id and whose random bits come from the seed.</summary>
    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var ms = _clock++;
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(ms & 0xFF);
            ms >>= 8;
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private short Level(int publicShare, int membersShare)
    {
        var roll = _random.Next(100);
        return roll < publicShare ? (short)0 : roll < publicShare + membersShare ? (short)1 : (short)2;
    }

    private string[] WithAncestors(TaxonomyKind kind, IEnumerable<string> codes) =>
        [.. codes.SelectMany(c => taxonomy.SelfAndAncestors(kind, c).DefaultIfEmpty(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The text_grams() SQL function: every character and every adjacent pair, none with white space.</summary>
    public static string[] Grams(string text)
    {
        var grams = new HashSet<string>(StringComparer.Ordinal);
        Rune? previous = null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                previous = null;
                continue;
            }

            grams.Add(rune.ToString());
            if (previous is { } p)
            {
                grams.Add(p.ToString() + rune.ToString());
            }

            previous = rune;
        }

        return [.. grams];
    }
}
