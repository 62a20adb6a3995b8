using System.Globalization;
using Dapper;
using Npgsql;
using Registry.Api.Suppliers;

namespace Registry.Api.Demo;

/// <summary>
/// The demo region of scripts/run: about 500 clearly fictitious factory sites (each description says so, none has a
/// corporate number) in real municipalities of Aichi — the Nishi-Mikawa and Owari manufacturing belt — placed near
/// each city hall, with the mix of processes, machines, certifications, qualified staff and disclosure levels a
/// real region has. Deterministic: the same seed gives the same region.
/// </summary>
public sealed class DemoRegion(SupplierStore store, TimeProvider clock)
{
    public const int Sites = 500;

    /// <summary>Municipality (first five digits of the 団体コード), names, city hall, a jitter radius that stays inside it, postal prefix.</summary>
    private sealed record Town(string Code5, string Ja, string Kana, double Lat, double Lon, double JitterKm, string Postal, int Weight)
    {
        public string Code => Code5 + CodeValidators.MunicipalityCheckDigit(Code5).ToString(CultureInfo.InvariantCulture);
    }

    private static readonly Town[] s_towns =
    [
        new("23211", "豊田市", "とよたし", 35.0826, 137.1560, 4.0, "471", 60),
        new("23202", "岡崎市", "おかざきし", 34.9551, 137.1743, 3.0, "444", 40),
        new("23210", "刈谷市", "かりやし", 34.9893, 137.0020, 1.5, "448", 35),
        new("23212", "安城市", "あんじょうし", 34.9587, 137.0803, 2.0, "446", 30),
        new("23213", "西尾市", "にしおし", 34.8624, 137.0617, 2.0, "445", 25),
        new("23100", "名古屋市", "なごやし", 35.1815, 136.9066, 3.0, "460", 60),
        new("23201", "豊橋市", "とよはしし", 34.7692, 137.3915, 3.0, "440", 30),
        new("23203", "一宮市", "いちのみやし", 35.3039, 136.8031, 2.0, "491", 20),
        new("23204", "瀬戸市", "せとし", 35.2234, 137.0843, 2.0, "489", 12),
        new("23205", "半田市", "はんだし", 34.8917, 136.9381, 1.5, "475", 15),
        new("23206", "春日井市", "かすがいし", 35.2475, 136.9722, 2.0, "486", 20),
        new("23207", "豊川市", "とよかわし", 34.8267, 137.3758, 2.0, "442", 15),
        new("23209", "碧南市", "へきなんし", 34.8847, 136.9933, 1.2, "447", 15),
        new("23214", "蒲郡市", "がまごおりし", 34.8256, 137.2197, 1.0, "443", 8),
        new("23219", "小牧市", "こまきし", 35.2911, 136.9122, 1.5, "485", 20),
        new("23220", "稲沢市", "いなざわし", 35.2486, 136.7803, 1.5, "492", 10),
        new("23222", "東海市", "とうかいし", 35.0231, 136.9024, 1.2, "476", 15),
        new("23223", "大府市", "おおぶし", 35.0118, 136.9637, 1.2, "474", 12),
        new("23224", "知多市", "ちたし", 34.9967, 136.8647, 1.0, "478", 8),
        new("23225", "知立市", "ちりゅうし", 34.9989, 137.0508, 0.8, "472", 8),
        new("23227", "高浜市", "たかはまし", 34.9276, 136.9878, 0.8, "444", 10),
        new("23229", "豊明市", "とよあけし", 35.0535, 137.0128, 1.0, "470", 8),
        new("23230", "日進市", "にっしんし", 35.1318, 137.0394, 1.0, "470", 6),
        new("23236", "みよし市", "みよしし", 35.0894, 137.0744, 1.0, "470", 12),
        new("23238", "長久手市", "ながくてし", 35.1838, 137.0487, 0.8, "480", 5),
    ];

    /// <summary>What kind of shop a site is; its processes, machines, certifications and staff follow from it.</summary>
    private sealed record Archetype(
        string Suffix, string SuffixKana, string SuffixEn, string[] Industries, int Weight, string[] Processes, string[] Materials,
        (string Type, double Min, double Max)[] Equipment, (string Code, double Share)[] Certifications, string[] Qualifications,
        string Strength, string Weakness);

    private static readonly Archetype[] s_archetypes =
    [
        new("精工", "セイコウ", "Seiko", ["26", "25"], 25,
            ["machining.turning.cnc", "machining.milling.machining_centre", "machining.milling.5axis", "machining.grinding.cylindrical", "machining.grinding.surface", "machining.multitasking", "machining.edm.wire"],
            ["steel.carbon", "steel.alloy", "steel.stainless.sus304", "aluminium.a5052", "aluminium.a7075", "copper.brass", "titanium"],
            [("lathe.cnc", 150, 450), ("machining_centre.vertical", 400, 1200), ("machining_centre.5axis", 300, 800), ("grinder.cylindrical", 100, 350), ("cmm", 400, 1200)],
            [("iso_9001", 0.6), ("iatf_16949", 0.15), ("iso_14001", 0.2), ("jisq_9100", 0.05)],
            ["ginou.nc_lathe.1", "ginou.machining_centre.1", "ginou.machining_centre.2", "ginou.machine_inspection.2"],
            "±5µm の精密切削、試作から量産まで", "大物部品(1m超)"),
        new("プレス工業", "プレスコウギョウ", "Press Kogyo", ["24", "31"], 15,
            ["sheet_metal.stamping", "sheet_metal.stamping.progressive", "sheet_metal.stamping.deep_drawing", "sheet_metal.cutting.laser", "sheet_metal.bending", "joining.welding.spot"],
            ["steel.sheet", "steel.stainless.sus304", "aluminium.a5052"],
            [("press.servo", 80, 600), ("press.mechanical", 60, 800), ("press_brake", 35, 220), ("laser_cutter.fibre", 2, 12), ("turret_punch", 20, 30)],
            [("iatf_16949", 0.35), ("iso_9001", 0.5), ("iso_14001", 0.25)],
            ["ginou.metal_press.1", "ginou.press_die.2", "welding.jis_z3801", "licence.press_chief", "licence.forklift"],
            "順送金型による大量生産", "少量多品種"),
        new("溶接工業", "ヨウセツコウギョウ", "Welding Works", ["24"], 8,
            ["joining.welding.tig", "joining.welding.mig_mag", "joining.welding.co2", "sheet_metal.plate_fabrication", "sheet_metal.welded_assembly"],
            ["steel.carbon", "steel.stainless.sus304", "aluminium.a5052"],
            [("welder.tig", 200, 500), ("welding_robot", 1400, 3100), ("welder.mig_mag", 200, 500), ("overhead_crane", 2.8, 10)],
            [("iso_9001", 0.4), ("iso_3834", 0.1)],
            ["welding.jis_z3801", "welding.jis_z3841", "welding.jis_z3821", "licence.crane", "licence.slinging"],
            "ステンレス・アルミのTIG溶接、製缶", "精密切削"),
        new("鍍金工業", "メッキコウギョウ", "Plating", ["24"], 8,
            ["surface.plating.electroless_nickel", "surface.plating.zinc", "surface.plating.hard_chrome", "surface.anodising", "surface.anodising.hard", "surface.conversion.chromate"],
            ["steel.carbon", "aluminium.a6061", "copper.brass"],
            [("plating_line", 800, 4000), ("anodising_line", 800, 3000)],
            [("iso_9001", 0.5), ("iso_14001", 0.45), ("eco_action_21", 0.15)],
            ["ginou.electroplating.1", "ginou.electroplating.2", "licence.specified_chemical", "licence.pollution_control"],
            "無電解ニッケルの膜厚管理", "超大型品"),
        new("熱処理", "ネツショリ", "Heat Treating", ["24", "25"], 5,
            ["heat_treatment.carburising", "heat_treatment.quench_temper", "heat_treatment.induction", "heat_treatment.nitriding.soft", "heat_treatment.vacuum"],
            ["steel.alloy", "steel.tool.skd11", "steel.carbon"],
            [("heat_treatment_furnace.carburising", 200, 1500), ("induction_hardening_machine", 50, 400), ("heat_treatment_furnace.vacuum", 100, 800)],
            [("iso_9001", 0.6), ("iatf_16949", 0.3)],
            ["ginou.heat_treatment_case.1", "ginou.heat_treatment_induction.2", "licence.forklift"],
            "浸炭焼入れの歪み管理", "非鉄金属"),
        new("化成", "カセイ", "Kasei", ["18"], 10,
            ["moulding.injection", "moulding.injection.insert", "moulding.injection.two_shot", "tooling.injection_mould"],
            ["plastic.pp", "plastic.abs", "plastic.pc", "plastic.pom", "plastic.pa"],
            [("injection_moulding_machine", 50, 850), ("machining_centre.vertical", 500, 1000)],
            [("iso_9001", 0.55), ("iatf_16949", 0.2), ("iso_14001", 0.3)],
            ["ginou.injection_moulding.1", "ginou.plastic_mould.2"],
            "インサート成形と金型内製", "大型成形品"),
        new("鋳造所", "チュウゾウショ", "Foundry", ["22", "23"], 5,
            ["casting.die_casting.aluminium", "casting.gravity", "casting.sand", "machining.milling.machining_centre"],
            ["aluminium.adc12", "cast_iron.grey", "cast_iron.ductile"],
            [("die_casting_machine", 135, 1650), ("machining_centre.horizontal", 500, 1000)],
            [("iso_9001", 0.5), ("iatf_16949", 0.35)],
            ["ginou.die_casting.1", "ginou.casting_iron.2"],
            "アルミダイカストから加工まで一貫", "少量試作"),
        new("電子", "デンシ", "Denshi", ["28", "29"], 8,
            ["assembly.pcb.smt", "assembly.wire_harness", "assembly.control_panel", "assembly.mechanical", "inspection.visual"],
            ["copper.pure", "plastic.pbt"],
            [("smt_mounter", 20000, 90000), ("reflow_oven", 6, 12), ("crimping_machine", 10, 50)],
            [("iso_9001", 0.7), ("iso_14001", 0.4), ("iso_13485", 0.08)],
            ["ginou.electronics_assembly.1", "ginou.control_panel.2", "licence.electrician_2"],
            "多品種少量の基板実装", "大型筐体"),
        new("計測技研", "ケイソクギケン", "Metrology", ["32"], 2,
            ["inspection.cmm", "inspection.ndt.ultrasonic", "inspection.ndt.penetrant", "inspection.3d_scanning", "inspection.material_testing"],
            ["steel.carbon", "aluminium.a7075"],
            [("cmm", 700, 2000), ("scanner_3d", 5, 50), ("xray_inspection", 80, 225)],
            [("iso_17025", 0.6), ("iso_9001", 0.5)],
            ["ginou.machine_inspection.1"],
            "第三者測定・成績書発行", "量産品の全数検査"),
        new("食品", "ショクヒン", "Foods", ["09"], 6,
            ["food.retort", "food.freezing", "packaging.filling", "packaging.wrapping", "printing.label"],
            ["food.agricultural", "food.livestock", "food_contact"],
            [("filling_machine", 20, 300), ("packaging_machine", 20, 200)],
            [("haccp", 0.6), ("fssc_22000", 0.2), ("iso_22000", 0.15)],
            ["licence.food_hygiene_supervisor", "licence.food_sanitation_manager", "licence.forklift"],
            "小ロットOEM充填", "冷凍以外の常温物流"),
        new("金型製作所", "カナガタセイサクショ", "Die & Mould", ["26"], 6,
            ["tooling.press_die", "tooling.injection_mould", "machining.edm.wire", "machining.edm.sinker", "machining.milling.machining_centre"],
            ["steel.tool.skd11", "steel.tool.skd61"],
            [("edm.wire", 300, 800), ("edm.sinker", 300, 800), ("machining_centre.vertical", 600, 1500)],
            [("iso_9001", 0.4)],
            ["ginou.press_die.1", "ginou.plastic_mould.1", "ginou.wire_edm.1"],
            "順送金型の設計・製作", "量産"),
        new("鍛造", "タンゾウ", "Forging", ["24"], 2,
            ["forging.hot", "forging.cold", "forging.closed_die", "heat_treatment.normalising"],
            ["steel.carbon", "steel.alloy"],
            [("press.forging", 300, 2500)],
            [("iatf_16949", 0.4), ("iso_9001", 0.5)],
            ["ginou.forging_press.1"],
            "熱間鍛造の自動車部品", "非鉄"),
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

    private static readonly decimal[] s_tolerances = [2m, 5m, 10m, 20m, 50m, 100m];
    private static readonly decimal[] s_roughness = [0.2m, 0.4m, 0.8m, 1.6m, 3.2m, 6.3m];
    private static readonly string[] s_makers = ["デモ機械", "サンプル工機", "架空精機", "テスト重工"];

    /// <summary>Loads the region when the database has no supplier site yet; links the demo supplier accounts.</summary>
    public async Task EnsureAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM suppliers)", transaction: tx, cancellationToken: ct)))
        {
            return;
        }

        var random = new Random(20261129);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var firstOf = new Dictionary<string, Guid>(StringComparer.Ordinal);
        for (var i = 0; i < Sites; i++)
        {
            var kind = Pick(random, s_archetypes, a => a.Weight);
            var town = Pick(random, s_towns, t => t.Weight);
            var site = NewSite(random, kind, town, names, today);
            await connection.ExecuteAsync(new CommandDefinition(InsertSite, site, tx, cancellationToken: ct));
            await InsertPartsAsync(connection, tx, random, kind, site.Id, today, ct);
            await store.TouchAsync(connection, tx, site.Id, factsChanged: false, ct);
            // Freshness varies in a real registry: some sites confirmed last week, some a year ago.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE suppliers SET confirmed_at = now() - make_interval(days => @days), version = 1 WHERE id = @Id",
                new { days = random.Next(0, 420), site.Id }, tx, cancellationToken: ct));
            firstOf.TryAdd(kind.Suffix, site.Id);
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

    private static SiteRow NewSite(Random random, Archetype kind, Town town, HashSet<string> names, DateOnly today)
    {
        var (prefixJa, prefixKana, prefixEn) = s_prefixes[random.Next(s_prefixes.Length)];
        var nameJa = $"{prefixJa}{kind.Suffix}";
        for (var n = 2; !names.Add(nameJa); n++)
        {
            nameJa = $"{prefixJa}{kind.Suffix} 第{n}工場";
        }

        // A point within the jitter radius of the city hall (uniform on the disc).
        var distanceKm = town.JitterKm * Math.Sqrt(random.NextDouble());
        var bearing = random.NextDouble() * 2 * Math.PI;
        var lat = town.Lat + distanceKm / 111.0 * Math.Cos(bearing);
        var lon = town.Lon + distanceKm / (111.0 * Math.Cos(town.Lat * Math.PI / 180)) * Math.Sin(bearing);
        var employees = (int)Math.Round(Math.Exp(random.NextDouble() * Math.Log(300)) + 2);
        var spare = random.NextDouble() < 0.75 ? random.Next(0, 9) * 5 : (int?)null;
        var faxOnly = random.NextDouble() < 0.25;
        return new SiteRow(
            Guid.CreateVersion7(),
            nameJa,
            $"{prefixEn} {kind.SuffixEn} (demo)",
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
            $"[Demo data, fictitious company] A {kind.SuffixEn.ToLowerInvariant()} shop in {town.Kana}.",
            kind.Strength,
            "デモ 担当",
            $"contact{random.Next(1000, 9999)}@demo.registry.example",
            $"0{random.Next(52, 57)}-{random.Next(100, 999)}-{random.Next(1000, 9999)}",
            Pick(random, [("open", 50), ("limited", 35), ("closed", 15)], x => x.Item2).Item1,
            spare,
            spare is null ? null : today.AddDays(random.NextDouble() < 0.15 ? -random.Next(1, 120) : random.Next(10, 90)),
            random.Next(3, 45),
            random.NextDouble() < 0.5 ? 1 : random.Next(1, 20) * 50,
            kind.Weakness,
            Pick(random, [("後継者の確保", 3), ("若手技能者の育成", 3), ("設備の老朽化", 2), ("受注の平準化", 2), ("DXの遅れ", 2)], x => x.Item2).Item1,
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
    }

    private static async Task InsertPartsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Random random, Archetype kind, Guid id, DateOnly today, CancellationToken ct)
    {
        var processes = kind.Processes.OrderBy(_ => random.Next()).Take(random.Next(2, Math.Min(6, kind.Processes.Length) + 1)).ToList();
        foreach (var process in processes)
        {
            var x = random.Next(2, 30) * 50;
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO supplier_capabilities (id, supplier_id, process_code, material_codes, max_x_mm, max_y_mm, max_z_mm, max_mass_kg,
                    best_tolerance_um, roughness_ra_um, lot_min, lot_max, monthly_capacity, lead_days)
                VALUES (@capability, @id, @process, @materials, @x, @y, @z, @mass, @tolerance, @ra, 1, @lotMax, @monthly, @lead)
                """,
                new
                {
                    capability = Guid.CreateVersion7(),
                    id,
                    process,
                    materials = kind.Materials.OrderBy(_ => random.Next()).Take(random.Next(1, Math.Min(4, kind.Materials.Length) + 1)).ToArray(),
                    x,
                    y = x * random.Next(5, 11) / 10,
                    z = x * random.Next(3, 9) / 10,
                    mass = random.Next(1, 200) * 5m,
                    tolerance = s_tolerances[random.Next(s_tolerances.Length)],
                    ra = s_roughness[random.Next(s_roughness.Length)],
                    lotMax = random.Next(1, 100) * 1000,
                    monthly = random.Next(1, 200) * 500,
                    lead = random.Next(3, 40),
                },
                tx, cancellationToken: ct));
        }

        foreach (var (type, min, max) in kind.Equipment.Where(_ => random.NextDouble() < 0.7).DefaultIfEmpty(kind.Equipment[0]))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO supplier_equipment (id, supplier_id, type_code, maker, model, count, spec_value, year)
                VALUES (@equipment, @id, @type, @maker, @model, @count, @spec, @year)
                """,
                new
                {
                    equipment = Guid.CreateVersion7(),
                    id,
                    type,
                    maker = s_makers[random.Next(s_makers.Length)],
                    model = $"DM-{random.Next(100, 999)}",
                    count = random.Next(1, 8),
                    spec = Math.Round((decimal)(min + random.NextDouble() * (max - min)), 1),
                    year = random.Next(1995, 2026),
                },
                tx, cancellationToken: ct));
        }

        foreach (var (code, share) in kind.Certifications.Where(c => random.NextDouble() < c.Share))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO supplier_certifications (id, supplier_id, code, number, valid_until)
                VALUES (@certification, @id, @code, @number, @validUntil)
                """,
                new
                {
                    certification = Guid.CreateVersion7(),
                    id,
                    code,
                    number = $"DEMO-{random.Next(10000, 99999)}",
                    // A few certificates have lapsed: they must stop counting.
                    validUntil = today.AddDays(random.NextDouble() < 0.08 ? -random.Next(1, 200) : random.Next(30, 1100)),
                },
                tx, cancellationToken: ct));
        }

        foreach (var qualification in kind.Qualifications.Where(_ => random.NextDouble() < 0.6))
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO supplier_staff (id, supplier_id, qualification_code, headcount) VALUES (@staff, @id, @qualification, @headcount)
                """, new { staff = Guid.CreateVersion7(), id, qualification, headcount = random.Next(1, 12) }, tx, cancellationToken: ct));
        }
    }

    private static short Level(Random random, params (short Level, int Weight)[] weights) => Pick(random, weights, w => w.Weight).Level;

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var roll = random.Next(items.Sum(weight));
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }
}
