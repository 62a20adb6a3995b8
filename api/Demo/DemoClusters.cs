using System.Text.Json;
using Dapper;
using Npgsql;
using Registry.Api.Http;
using Registry.Contracts.Clusters;
using Registry.Contracts.Matching;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Demo;

/// <summary>
/// Four demo clusters over the demo region, one per named sector, with value chains that the region covers but for
/// a step or so (painting, plastic compounding and transport are nobody's trade here), members chosen from the sites
/// that do their steps, an applicant each, and themes in different states. Run by the demo coordinator.
/// </summary>
public static class DemoClusters
{
    private static readonly Guid s_coordinator = Guid.Parse("019a0000-0000-7000-8000-000000000002");

    private sealed record Theme(ThemeKind Kind, string Title, string Goal, ThemeStatus Status, (string Title, int Days, bool Done)[] Milestones, int Participants);

    private sealed record Demo(
        string Code, string NameJa, string NameEn, ClusterSector Sector, GeoLocation Centre, double RadiusKm, string Description, string[] Chain,
        Theme[] Themes);

    // Each demo region is centred on a city hall; the municipality names it ("豊田市から 30 km").
    private static readonly Dictionary<string, string> s_centrePlaces = new(StringComparer.Ordinal)
    {
        ["nishi-mikawa-auto"] = "232114",
        ["owari-electronics"] = "231002",
        ["chita-food-pack"] = "232050",
        ["mikawa-plastics"] = "232025",
    };

    private static readonly Demo[] s_clusters =
    [
        new("nishi-mikawa-auto", "西三河自動車部品クラスター", "Nishi-Mikawa automotive parts cluster", ClusterSector.AutomotiveParts,
            new GeoLocation { Lat = 35.0826, Lon = 137.1560 }, 30,
            "豊田・岡崎・刈谷を中心に、鍛造から切削・熱処理・表面処理・検査までを地域内で完結させる。",
            ["forging.hot", "machining.turning", "heat_treatment.carburising", "surface.plating.electroless_nickel", "surface.painting", "inspection.cmm"],
            [
                new(ThemeKind.JointOrder, "EV モーターシャフト共同受注", "鍛造から検査まで地域内一貫で月 2,000 本", ThemeStatus.Active,
                    [("見積提出", -20, true), ("試作 50 本", 25, false), ("量産立上げ", 90, false)], 3),
                new(ThemeKind.JointDevelopment, "アルミ軽量化部品の共同開発", "鋳造と切削の一体設計で 15 % 軽量化", ThemeStatus.Proposed,
                    [("キックオフ", 14, false)], 0),
                new(ThemeKind.JointLogistics, "豊田-岡崎 共同配送", "混載で配送コスト 20 % 削減", ThemeStatus.Completed,
                    [("試行運行", -120, true), ("本格運用", -60, true)], 2),
            ]),
        new("owari-electronics", "尾張精密電子クラスター", "Owari precision electronics cluster", ClusterSector.ElectricalPrecision,
            new GeoLocation { Lat = 35.1815, Lon = 136.9066 }, 40,
            "名古屋周辺の精密加工と基板実装・配線・制御盤を結ぶ。",
            ["machining.milling.5axis", "assembly.pcb.smt", "assembly.wire_harness", "assembly.control_panel", "inspection.3d_scanning"],
            [
                new(ThemeKind.JointDevelopment, "協働ロボット用制御盤の標準化", "筐体・配線・基板の共通設計", ThemeStatus.Active,
                    [("仕様合意", -10, true), ("評価機", 60, false)], 2),
            ]),
        new("chita-food-pack", "知多食品パッケージクラスター", "Chita food and packaging cluster", ClusterSector.FoodPackaging,
            new GeoLocation { Lat = 34.8917, Lon = 136.9381 }, 40,
            "知多半島の食品加工・充填・包装・印刷の連携。",
            ["food.retort", "packaging.filling", "packaging.wrapping", "printing.label", "logistics"],
            [
                new(ThemeKind.JointLogistics, "冷蔵共同配送", "小ロット OEM の配送を共同化", ThemeStatus.Proposed,
                    [("参加募集", 30, false)], 0),
            ]),
        new("mikawa-plastics", "三河樹脂クラスター", "Mikawa plastics cluster", ClusterSector.PlasticsChemical,
            new GeoLocation { Lat = 34.9551, Lon = 137.1743 }, 40,
            "金型から射出成形・組立までの樹脂部品サプライチェーン。",
            ["compounding.plastic", "tooling.injection_mould", "moulding.injection", "assembly.mechanical"],
            [
                new(ThemeKind.JointOrder, "内装樹脂部品の共同受注", "金型と成形のセット提案", ThemeStatus.Dropped,
                    [("見積提出", -45, true)], 0),
            ]),
    ];

    /// <summary>Adds the clusters once, when the demo region is there and no cluster is.</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM clusters)", transaction: tx, cancellationToken: ct))
            || !await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM accounts WHERE id = @s_coordinator)",
                new { s_coordinator }, tx, cancellationToken: ct)))
        {
            return;
        }

        var today = clock.Today();
        var random = new Random(20261129);
        foreach (var demo in s_clusters)
        {
            var id = Guid.CreateVersion7();
            var region = new MatchingRegion { Centre = demo.Centre, CentrePlace = s_centrePlaces.GetValueOrDefault(demo.Code), RadiusKm = demo.RadiusKm };
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO clusters (id, code, name_ja, name_en, sector, region, description, value_chain, coordinator_ids, status)
                VALUES (@id, @Code, @NameJa, @NameEn, @sector, @region::jsonb, @Description, @Chain, @coordinators, 'published')
                """,
                new
                {
                    id,
                    demo.Code,
                    demo.NameJa,
                    demo.NameEn,
                    sector = WireNames.Of(demo.Sector),
                    region = JsonSerializer.Serialize(region, StoredJson.Options),
                    demo.Description,
                    demo.Chain,
                    coordinators = new[] { s_coordinator },
                }, tx, cancellationToken: ct));

            // Up to three sites per step within the region, nearest the centre first; the demo supplier accounts' sites
            // join where they do a step. One more site that does a step has applied and waits.
            var sites = (await connection.QueryAsync<Guid>(new CommandDefinition("""
                SELECT DISTINCT ON (s.id) s.id FROM (
                    SELECT s.id, v.step, row_number() OVER (PARTITION BY v.step
                               ORDER BY (s.id IN (SELECT supplier_id FROM account_suppliers)) DESC,
                                        s.location <-> ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, s.id) AS rank
                    FROM unnest(@chain::text[]) WITH ORDINALITY v(code, step)
                    JOIN suppliers s ON s.process_codes @> ARRAY[v.code] AND s.status = 'published'
                        AND ST_DWithin(s.location, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, @meters, false)
                ) s WHERE s.rank <= 4 ORDER BY s.id
                """, new { chain = demo.Chain, lat = demo.Centre.Lat, lon = demo.Centre.Lon, meters = demo.RadiusKm * 1000 }, tx, cancellationToken: ct)))
                .ToList();
            var applicant = sites.Count > 1 ? sites[random.Next(sites.Count)] : (Guid?)null;
            foreach (var site in sites)
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO cluster_members (cluster_id, supplier_id, status, note, applied_at, joined_at)
                    VALUES (@id, @site, @status, @note, now() - make_interval(days => @days), CASE WHEN @status = 'member' THEN now() - make_interval(days => @days - 3) END)
                    """,
                    new { id, site, status = site == applicant ? "applied" : "member", note = site == applicant ? "加入を希望します" : null, days = random.Next(10, 300) },
                    tx, cancellationToken: ct));
            }

            var members = sites.Where(s => s != applicant).ToList();
            foreach (var theme in demo.Themes)
            {
                var themeId = Guid.CreateVersion7();
                var milestones = theme.Milestones.Select(m => new Milestone { Title = m.Title, DueDate = today.AddDays(m.Days), Done = m.Done });
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO cluster_themes (id, cluster_id, kind, title, goal, status, steps, milestones)
                    VALUES (@themeId, @id, @kind, @Title, @Goal, @status, @steps, @milestones::jsonb)
                    """,
                    new
                    {
                        themeId,
                        id,
                        kind = WireNames.Of(theme.Kind),
                        theme.Title,
                        theme.Goal,
                        status = WireNames.Of(theme.Status),
                        steps = theme.Kind == ThemeKind.JointOrder ? demo.Chain : [],
                        milestones = JsonSerializer.Serialize(milestones, StoredJson.Options),
                    }, tx, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO theme_participants (theme_id, supplier_id) SELECT @themeId, unnest(@participants)",
                    new { themeId, participants = members.Take(theme.Participants).ToArray() }, tx, cancellationToken: ct));
            }
        }

        await tx.CommitAsync(ct);
    }
}
