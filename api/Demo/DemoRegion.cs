using System.Globalization;
using Dapper;
using Npgsql;
using Registry.Api.Http;
using Registry.Api.Search.Index;
using Registry.Api.Suppliers;

namespace Registry.Api.Demo;

/// <summary>
/// The demo region of scripts/run: about 500 clearly fictitious factory sites (each description says so, none has a
/// corporate number) in real municipalities of Aichi — the Nishi-Mikawa and Owari manufacturing belt — placed near
/// each city hall, with the mix of processes, machines, certifications, qualified staff and disclosure levels a
/// real region has. Deterministic: the same seed gives the same region.
/// </summary>
public sealed class DemoRegion(SupplierStore store, SearchIndexFollower follower, TimeProvider clock)
{
    public const int Sites = 500;

    /// <summary>Municipality (first five digits of the 団体コード), names, city hall, a jitter radius that stays inside it, postal prefix.</summary>
    private sealed record Town(string Code5, string Ja, string Kana, string En, double Lat, double Lon, double JitterKm, string Postal, int Weight)
    {
        public string Code => Code5 + CodeValidators.MunicipalityCheckDigit(Code5).ToString(CultureInfo.InvariantCulture);
    }

    private static readonly Town[] s_towns =
    [
        new("23211", "豊田市", "とよたし", "Toyota", 35.0826, 137.1560, 4.0, "471", 60),
        new("23202", "岡崎市", "おかざきし", "Okazaki", 34.9551, 137.1743, 3.0, "444", 40),
        new("23210", "刈谷市", "かりやし", "Kariya", 34.9893, 137.0020, 1.5, "448", 35),
        new("23212", "安城市", "あんじょうし", "Anjo", 34.9587, 137.0803, 2.0, "446", 30),
        new("23213", "西尾市", "にしおし", "Nishio", 34.8624, 137.0617, 2.0, "445", 25),
        new("23100", "名古屋市", "なごやし", "Nagoya", 35.1815, 136.9066, 3.0, "460", 60),
        new("23201", "豊橋市", "とよはしし", "Toyohashi", 34.7692, 137.3915, 3.0, "440", 30),
        new("23203", "一宮市", "いちのみやし", "Ichinomiya", 35.3039, 136.8031, 2.0, "491", 20),
        new("23204", "瀬戸市", "せとし", "Seto", 35.2234, 137.0843, 2.0, "489", 12),
        new("23205", "半田市", "はんだし", "Handa", 34.8917, 136.9381, 1.5, "475", 15),
        new("23206", "春日井市", "かすがいし", "Kasugai", 35.2475, 136.9722, 2.0, "486", 20),
        new("23207", "豊川市", "とよかわし", "Toyokawa", 34.8267, 137.3758, 2.0, "442", 15),
        new("23209", "碧南市", "へきなんし", "Hekinan", 34.8847, 136.9933, 1.2, "447", 15),
        new("23214", "蒲郡市", "がまごおりし", "Gamagori", 34.8256, 137.2197, 1.0, "443", 8),
        new("23219", "小牧市", "こまきし", "Komaki", 35.2911, 136.9122, 1.5, "485", 20),
        new("23220", "稲沢市", "いなざわし", "Inazawa", 35.2486, 136.7803, 1.5, "492", 10),
        new("23222", "東海市", "とうかいし", "Tokai", 35.0231, 136.9024, 1.2, "476", 15),
        new("23223", "大府市", "おおぶし", "Obu", 35.0118, 136.9637, 1.2, "474", 12),
        new("23224", "知多市", "ちたし", "Chita", 34.9967, 136.8647, 1.0, "478", 8),
        new("23225", "知立市", "ちりゅうし", "Chiryu", 34.9989, 137.0508, 0.8, "472", 8),
        new("23227", "高浜市", "たかはまし", "Takahama", 34.9276, 136.9878, 0.8, "444", 10),
        new("23229", "豊明市", "とよあけし", "Toyoake", 35.0535, 137.0128, 1.0, "470", 8),
        new("23230", "日進市", "にっしんし", "Nisshin", 35.1318, 137.0394, 1.0, "470", 6),
        new("23236", "みよし市", "みよしし", "Miyoshi", 35.0894, 137.0744, 1.0, "470", 12),
        new("23238", "長久手市", "ながくてし", "Nagakute", 35.1838, 137.0487, 0.8, "480", 5),
    ];

    private static readonly (string Ja, string Kana, string En)[] s_prefixes =
    [
        ("三河", "ミカワ", "Mikawa"), ("矢作", "ヤハギ", "Yahagi"), ("境川", "サカイガワ", "Sakaigawa"), ("猿投", "サナゲ", "Sanage"),
        ("挙母", "コロモ", "Koromo"), ("衣浦", "キヌウラ", "Kinuura"), ("碧海", "ヘキカイ", "Hekikai"), ("尾張", "オワリ", "Owari"),
        ("知多", "チタ", "Chita"), ("東郷", "トウゴウ", "Togo"), ("足助", "アスケ", "Asuke"), ("高橋", "タカハシ", "Takahashi"),
        ("鈴木", "スズキ", "Suzuki"), ("山田", "ヤマダ", "Yamada"), ("大和", "ヤマト", "Yamato"), ("昭和", "ショウワ", "Showa"),
        ("旭", "アサヒ", "Asahi"), ("新明", "シンメイ", "Shinmei"), ("平和", "ヘイワ", "Heiwa"), ("中部", "チュウブ", "Chubu"),
        ("名城", "メイジョウ", "Meijo"), ("天白", "テンパク", "Tempaku"), ("日東", "ニットウ", "Nitto"), ("伊勢湾", "イセワン", "Isewan"),
        ("豊栄", "ホウエイ", "Hoei"), ("明和", "メイワ", "Meiwa"), ("丸栄", "マルエイ", "Maruei"), ("協和", "キョウワ", "Kyowa"),
    ];

    /// <summary>Loads the region when the database has no supplier site yet; links the demo supplier accounts.</summary>
    public async Task EnsureAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM suppliers)", transaction: tx, cancellationToken: ct)))
        {
            return;
        }

        var random = new Random(20261129);
        var today = clock.Today();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var firstOf = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var written = new List<Guid>(Sites);
        for (var i = 0; i < Sites; i++)
        {
            var kind = ShopKinds.Pick(random, ShopKinds.All, a => a.Weight);
            var town = ShopKinds.Pick(random, s_towns, t => t.Weight);
            var site = NewSite(random, kind, town, names, today);
            await connection.ExecuteAsync(new CommandDefinition(InsertSite, site, tx, cancellationToken: ct));
            await InsertPartsAsync(connection, tx, ShopParts.Generate(random, kind, site.Id, today, Guid.CreateVersion7, employees: site.Employees), ct);
            await store.TouchAsync(connection, tx, site.Id, factsChanged: false, ct);
            // Freshness varies in a real registry: some sites confirmed last week, some a year ago.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE suppliers SET confirmed_at = now() - make_interval(days => @days), version = 1 WHERE id = @Id",
                new { days = random.Next(0, 420), site.Id }, tx, cancellationToken: ct));
            firstOf.TryAdd(kind.Suffix, site.Id);
            written.Add(site.Id);
        }

        // supplier1 runs a machining shop, supplier2 a plating shop (README's demo accounts).
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO account_suppliers (account_id, supplier_id)
            SELECT a.id, s.id FROM (VALUES (@supplier1, @machining), (@supplier2, @plating)) AS l(email, site)
            JOIN accounts a ON a.email = l.email JOIN suppliers s ON s.id = l.site
            ON CONFLICT DO NOTHING
            """,
            new { supplier1 = "supplier1@registry.example", supplier2 = "supplier2@registry.example", machining = firstOf["精工"], plating = firstOf["鍍金工業"] },
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        // As every writer of sites does: this process's index has the region before anything searches it (the demo
        // orders evaluate a request next); other processes follow the announcements.
        await follower.RefreshAsync(written, ct);
    }

    private const string InsertSite = """
        INSERT INTO suppliers (id, name_ja, name_en, name_kana, postal_code, prefecture_code, municipality_code, address, location,
            employees, founded_year, capital_jpy, industry_codes, website, description_ja, description_en, strengths,
            contact_name, contact_email, contact_phone, contract_acceptance, spare_capacity_pct, spare_capacity_valid_until,
            typical_lead_days, min_lot, weaknesses, challenges, edi, online_ordering, fax_only, status, published_at,
            verification, verified_at, verified_by, disclosure_contact, disclosure_capabilities, disclosure_equipment,
            disclosure_certifications, disclosure_staff, disclosure_capacity, disclosure_challenges)
        VALUES (@Id, @NameJa, @NameEn, @NameKana, @PostalCode, '23', @MunicipalityCode, @Address,
            ST_SetSRID(ST_MakePoint(@Lon, @Lat), 4326)::geography,
            @Employees, @FoundedYear, @CapitalJpy, @IndustryCodes, NULL, @DescriptionJa, @DescriptionEn, @Strengths,
            @ContactName, @ContactEmail, @ContactPhone, @ContractAcceptance, @SpareCapacityPct, @SpareCapacityValidUntil,
            @TypicalLeadDays, @MinLot, @Weaknesses, @Challenges, @Edi, @OnlineOrdering, @FaxOnly, @Status,
            CASE WHEN @Status = 'published' THEN now() END,
            @Verification, CASE WHEN @Verification = 'verified' THEN now() END, CASE WHEN @Verification = 'verified' THEN 'demo-coordinator' END,
            @DisclosureContact, @DisclosureCapabilities, @DisclosureEquipment, @DisclosureCertifications, @DisclosureStaff,
            @DisclosureCapacity, @DisclosureChallenges)
        """;

    private sealed record SiteRow(
        Guid Id, string NameJa, string NameEn, string NameKana, string PostalCode, string MunicipalityCode, string Address,
        double Lat, double Lon, int Employees, int FoundedYear, long CapitalJpy, string[] IndustryCodes, string DescriptionJa,
        string DescriptionEn, string Strengths, string ContactName, string ContactEmail, string ContactPhone, string ContractAcceptance,
        int? SpareCapacityPct, DateOnly? SpareCapacityValidUntil, int TypicalLeadDays, int MinLot, string Weaknesses, string Challenges,
        bool Edi, bool OnlineOrdering, bool FaxOnly, string Status, string Verification, short DisclosureContact,
        short DisclosureCapabilities, short DisclosureEquipment, short DisclosureCertifications, short DisclosureStaff,
        short DisclosureCapacity, short DisclosureChallenges);

    private static SiteRow NewSite(Random random, ShopKinds.Kind kind, Town town, HashSet<string> names, DateOnly today)
    {
        var (prefixJa, prefixKana, prefixEn) = s_prefixes[random.Next(s_prefixes.Length)];
        // A name taken already is another plant of the same firm, in both languages: 三河精工 第2工場, Mikawa Seiko Plant 2.
        var (nameJa, nameEn) = ($"{prefixJa}{kind.Suffix}", $"{prefixEn} {kind.SuffixEn}");
        for (var n = 2; !names.Add(nameJa); n++)
        {
            (nameJa, nameEn) = ($"{prefixJa}{kind.Suffix} 第{n}工場", $"{prefixEn} {kind.SuffixEn} Plant {n}");
        }

        // A point within the jitter radius of the city hall (uniform on the disc).
        var distanceKm = town.JitterKm * Math.Sqrt(random.NextDouble());
        var bearing = random.NextDouble() * 2 * Math.PI;
        var lat = town.Lat + distanceKm / 111.0 * Math.Cos(bearing);
        var lon = town.Lon + distanceKm / (111.0 * Math.Cos(town.Lat * Math.PI / 180)) * Math.Sin(bearing);
        var employees = (int)Math.Round(Math.Exp(random.NextDouble() * Math.Log(300)) + 2);
        var spare = random.NextDouble() < 0.75 ? random.Next(0, 9) * 5 : (int?)null;
        var faxOnly = random.NextDouble() < 0.25;
        var row = new SiteRow(
            Guid.CreateVersion7(),
            nameJa,
            $"{nameEn} (demo)",
            $"{prefixKana}{kind.SuffixKana}",
            $"{town.Postal}-{random.Next(0, 10000):0000}",
            town.Code,
            $"愛知県{town.Ja}デモ町{random.Next(1, 30)}-{random.Next(1, 50)}",
            Math.Round(lat, 6),
            Math.Round(lon, 6),
            employees,
            random.Next(1946, 2021),
            (long)random.Next(1, 100) * 1_000_000,
            [kind.Industries[random.Next(kind.Industries.Length)]],
            $"【デモデータ・架空の企業】{town.Ja}の{kind.Strength}を得意とする工場です。",
            $"[Demo data, fictitious company] A {kind.TradeEn} shop in {town.En}.",
            kind.Strength,
            "デモ 担当",
            $"contact{random.Next(1000, 9999)}@demo.registry.example",
            $"0{random.Next(52, 57)}-{random.Next(100, 999)}-{random.Next(1000, 9999)}",
            ShopKinds.Pick(random, [("open", 50), ("limited", 35), ("closed", 15)], x => x.Item2).Item1,
            spare,
            spare is null ? null : today.AddDays(random.NextDouble() < 0.15 ? -random.Next(1, 120) : random.Next(10, 90)),
            random.Next(3, 45),
            random.NextDouble() < 0.5 ? 1 : random.Next(1, 20) * 50,
            kind.Weakness,
            ShopKinds.Pick(random, [("後継者の確保", 3), ("若手技能者の育成", 3), ("設備の老朽化", 2), ("受注の平準化", 2), ("DXの遅れ", 2)], x => x.Item2).Item1,
            !faxOnly && random.NextDouble() < 0.3,
            !faxOnly && random.NextDouble() < 0.5,
            faxOnly,
            random.NextDouble() < 0.95 ? "published" : "draft",
            random.NextDouble() < 0.4 ? "verified" : "unverified",
            Level(random, (0, 20), (1, 70), (2, 10)),
            Level(random, (0, 85), (1, 15), (2, 0)),
            Level(random, (0, 70), (1, 25), (2, 5)),
            Level(random, (0, 80), (1, 20), (2, 0)),
            Level(random, (0, 30), (1, 60), (2, 10)),
            Level(random, (0, 25), (1, 60), (2, 15)),
            Level(random, (0, 0), (1, 20), (2, 80)));

        // A shop closed to contract work offers no spare capacity (a contradiction the registry refuses at input); the
        // draws above stay as they were, so that the rest of the region does not change.
        return row.ContractAcceptance == "closed" ? row with { SpareCapacityPct = null, SpareCapacityValidUntil = null } : row;
    }

    private static async Task InsertPartsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, ShopParts parts, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO supplier_capabilities (id, supplier_id, process_code, material_codes, max_x_mm, max_y_mm, max_z_mm, max_mass_kg,
                best_tolerance_um, roughness_ra_um, lot_min, lot_max, monthly_capacity, lead_days)
            VALUES (@Id, @SupplierId, @ProcessCode, @MaterialCodes, @MaxXMm, @MaxYMm, @MaxZMm, @MaxMassKg, @BestToleranceUm, @RoughnessRaUm,
                @LotMin, @LotMax, @MonthlyCapacity, @LeadDays)
            """, parts.Capabilities, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO supplier_equipment (id, supplier_id, type_code, maker, model, count, spec_value, year)
            VALUES (@Id, @SupplierId, @TypeCode, @Maker, @Model, @Count, @SpecValue, @Year)
            """, parts.Equipment, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO supplier_certifications (id, supplier_id, code, number, valid_until)
            VALUES (@Id, @SupplierId, @Code, @Number, @ValidUntil)
            """, parts.Certifications, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO supplier_staff (id, supplier_id, qualification_code, headcount) VALUES (@Id, @SupplierId, @QualificationCode, @Headcount)
            """, parts.Staff, tx, cancellationToken: ct));
    }

    private static short Level(Random random, params (short Level, int Weight)[] weights) => ShopKinds.Pick(random, weights, w => w.Weight).Level;
}
