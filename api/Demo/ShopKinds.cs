namespace Registry.Api.Demo;

/// <summary>
/// Kinds of manufacturing shop with what each typically runs: processes, materials, machines (with key-spec
/// ranges), certifications (with the share of shops holding each), qualified staff. Shared by the demo region and
/// the national synthetic generator (bench/Seed), so that both look like the same industry.
/// </summary>
public static class ShopKinds
{
    /// <summary>What kind of shop a site is; its processes, machines, certifications and staff follow from it.</summary>
    public sealed record Kind(
        string Suffix, string SuffixKana, string SuffixEn, string TradeEn, string[] Industries, int Weight, string[] Processes, string[] Materials,
        (string Type, double Min, double Max)[] Equipment, (string Code, double Share)[] Certifications, string[] Qualifications,
        string Strength, string Weakness);

    public static IReadOnlyList<Kind> All { get; } =
    [
        new("精工", "セイコウ", "Seiko", "precision machining", ["26", "25"], 25,
            ["machining.turning.cnc", "machining.milling.machining_centre", "machining.milling.5axis", "machining.grinding.cylindrical", "machining.grinding.surface", "machining.multitasking", "machining.edm.wire"],
            ["steel.carbon", "steel.alloy", "steel.stainless.sus304", "aluminium.a5052", "aluminium.a7075", "copper.brass", "titanium"],
            [("lathe.cnc", 150, 450), ("machining_centre.vertical", 400, 1200), ("machining_centre.5axis", 300, 800), ("grinder.cylindrical", 100, 350), ("cmm", 400, 1200)],
            [("iso_9001", 0.6), ("iatf_16949", 0.15), ("iso_14001", 0.2), ("jisq_9100", 0.05)],
            ["ginou.nc_lathe.1", "ginou.machining_centre.1", "ginou.machining_centre.2", "ginou.machine_inspection.2"],
            "±5µm の精密切削、試作から量産まで", "大物部品(1m超)"),
        new("プレス工業", "プレスコウギョウ", "Press Kogyo", "metal pressing", ["24", "31"], 15,
            ["sheet_metal.stamping", "sheet_metal.stamping.progressive", "sheet_metal.stamping.deep_drawing", "sheet_metal.cutting.laser", "sheet_metal.bending", "joining.welding.spot"],
            ["steel.sheet", "steel.stainless.sus304", "aluminium.a5052"],
            [("press.servo", 80, 600), ("press.mechanical", 60, 800), ("press_brake", 35, 220), ("laser_cutter.fibre", 2, 12), ("turret_punch", 20, 30)],
            [("iatf_16949", 0.35), ("iso_9001", 0.5), ("iso_14001", 0.25)],
            ["ginou.metal_press.1", "ginou.press_die.2", "welding.jis_z3801", "licence.press_chief", "licence.forklift"],
            "順送金型による大量生産", "少量多品種"),
        new("溶接工業", "ヨウセツコウギョウ", "Welding Works", "welding and fabrication", ["24"], 8,
            ["joining.welding.tig", "joining.welding.mig_mag", "joining.welding.co2", "sheet_metal.plate_fabrication", "sheet_metal.welded_assembly"],
            ["steel.carbon", "steel.stainless.sus304", "aluminium.a5052"],
            [("welder.tig", 200, 500), ("welding_robot", 1400, 3100), ("welder.mig_mag", 200, 500), ("overhead_crane", 2.8, 10)],
            [("iso_9001", 0.4), ("iso_3834", 0.1)],
            ["welding.jis_z3801", "welding.jis_z3841", "welding.jis_z3821", "licence.crane", "licence.slinging"],
            "ステンレス・アルミのTIG溶接、製缶", "精密切削"),
        new("鍍金工業", "メッキコウギョウ", "Plating", "plating", ["24"], 8,
            ["surface.plating.electroless_nickel", "surface.plating.zinc", "surface.plating.hard_chrome", "surface.anodising", "surface.anodising.hard", "surface.conversion.chromate"],
            ["steel.carbon", "aluminium.a6061", "copper.brass"],
            [("plating_line", 800, 4000), ("anodising_line", 800, 3000)],
            [("iso_9001", 0.5), ("iso_14001", 0.45), ("eco_action_21", 0.15)],
            ["ginou.electroplating.1", "ginou.electroplating.2", "licence.specified_chemical", "licence.pollution_control"],
            "無電解ニッケルの膜厚管理", "超大型品"),
        new("熱処理", "ネツショリ", "Heat Treating", "heat treatment", ["24", "25"], 5,
            ["heat_treatment.carburising", "heat_treatment.quench_temper", "heat_treatment.induction", "heat_treatment.nitriding.soft", "heat_treatment.vacuum"],
            ["steel.alloy", "steel.tool.skd11", "steel.carbon"],
            [("heat_treatment_furnace.carburising", 200, 1500), ("induction_hardening_machine", 50, 400), ("heat_treatment_furnace.vacuum", 100, 800)],
            [("iso_9001", 0.6), ("iatf_16949", 0.3)],
            ["ginou.heat_treatment_case.1", "ginou.heat_treatment_induction.2", "licence.forklift"],
            "浸炭焼入れの歪み管理", "非鉄金属"),
        new("化成", "カセイ", "Kasei", "plastic moulding", ["18"], 10,
            ["moulding.injection", "moulding.injection.insert", "moulding.injection.two_shot", "tooling.injection_mould"],
            ["plastic.pp", "plastic.abs", "plastic.pc", "plastic.pom", "plastic.pa"],
            [("injection_moulding_machine", 50, 850), ("machining_centre.vertical", 500, 1000)],
            [("iso_9001", 0.55), ("iatf_16949", 0.2), ("iso_14001", 0.3)],
            ["ginou.injection_moulding.1", "ginou.plastic_mould.2"],
            "インサート成形と金型内製", "大型成形品"),
        new("鋳造所", "チュウゾウショ", "Foundry", "casting", ["22", "23"], 5,
            ["casting.die_casting.aluminium", "casting.gravity", "casting.sand", "machining.milling.machining_centre"],
            ["aluminium.adc12", "cast_iron.grey", "cast_iron.ductile"],
            [("die_casting_machine", 135, 1650), ("machining_centre.horizontal", 500, 1000)],
            [("iso_9001", 0.5), ("iatf_16949", 0.35)],
            ["ginou.die_casting.1", "ginou.casting_iron.2"],
            "アルミダイカストから加工まで一貫", "少量試作"),
        new("電子", "デンシ", "Denshi", "electronics assembly", ["28", "29"], 8,
            ["assembly.pcb.smt", "assembly.wire_harness", "assembly.control_panel", "assembly.mechanical", "inspection.visual"],
            ["copper.pure", "plastic.pbt"],
            [("smt_mounter", 20000, 90000), ("reflow_oven", 6, 12), ("crimping_machine", 10, 50)],
            [("iso_9001", 0.7), ("iso_14001", 0.4), ("iso_13485", 0.08)],
            ["ginou.electronics_assembly.1", "ginou.control_panel.2", "licence.electrician_2"],
            "多品種少量の基板実装", "大型筐体"),
        new("計測技研", "ケイソクギケン", "Metrology", "measurement and inspection", ["32"], 2,
            ["inspection.cmm", "inspection.ndt.ultrasonic", "inspection.ndt.penetrant", "inspection.3d_scanning", "inspection.material_testing"],
            ["steel.carbon", "aluminium.a7075"],
            [("cmm", 700, 2000), ("scanner_3d", 5, 50), ("xray_inspection", 80, 225)],
            [("iso_17025", 0.6), ("iso_9001", 0.5)],
            ["ginou.machine_inspection.1"],
            "第三者測定・成績書発行", "量産品の全数検査"),
        new("食品", "ショクヒン", "Foods", "food processing", ["09"], 6,
            ["food.retort", "food.freezing", "packaging.filling", "packaging.wrapping", "printing.label"],
            ["food.agricultural", "food.livestock", "food_contact"],
            [("filling_machine", 20, 300), ("packaging_machine", 20, 200)],
            [("haccp", 0.6), ("fssc_22000", 0.2), ("iso_22000", 0.15)],
            ["licence.food_hygiene_supervisor", "licence.food_sanitation_manager", "licence.forklift"],
            "小ロットOEM充填", "冷凍以外の常温物流"),
        new("金型製作所", "カナガタセイサクショ", "Die & Mould", "die and mould making", ["26"], 6,
            ["tooling.press_die", "tooling.injection_mould", "machining.edm.wire", "machining.edm.sinker", "machining.milling.machining_centre"],
            ["steel.tool.skd11", "steel.tool.skd61"],
            [("edm.wire", 300, 800), ("edm.sinker", 300, 800), ("machining_centre.vertical", 600, 1500)],
            [("iso_9001", 0.4)],
            ["ginou.press_die.1", "ginou.plastic_mould.1", "ginou.wire_edm.1"],
            "順送金型の設計・製作", "量産"),
        new("鍛造", "タンゾウ", "Forging", "forging", ["24"], 2,
            ["forging.hot", "forging.cold", "forging.closed_die", "heat_treatment.normalising"],
            ["steel.carbon", "steel.alloy"],
            [("press.forging", 300, 2500)],
            [("iatf_16949", 0.4), ("iso_9001", 0.5)],
            ["ginou.forging_press.1"],
            "熱間鍛造の自動車部品", "非鉄"),
    ];

    /// <summary>One of <paramref name="items"/>, each as likely as its weight.</summary>
    public static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
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
