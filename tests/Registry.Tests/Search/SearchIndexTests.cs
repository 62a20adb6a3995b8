using Registry.Api.Disclosure;
using Registry.Api.Search;
using Registry.Api.Search.Index;
using Registry.Contracts.Suppliers;

namespace Registry.Tests.Search;

public sealed class SearchIndexTests : IDisposable
{
    private static readonly DateOnly s_today = new(2026, 11, 29);
    private readonly SearchIndex _index = new();

    [Fact]
    public void ProcessFilterUsesTheStoredAncestors()
    {
        var mill = Site("フライス", processes: ["machining", "machining.milling", "machining.milling.5axis"]);
        var lathe = Site("旋盤", processes: ["machining", "machining.turning"]);
        _index.Upsert(mill);
        _index.Upsert(lathe);

        Assert.Equal([mill.Id], Ids(new SupplierQuery { Process = ["machining.milling"] }));
        Assert.Equal(2, Ids(new SupplierQuery { Process = ["machining"] }).Count);
        Assert.Empty(Ids(new SupplierQuery { Process = ["joining"] }));
    }

    [Fact]
    public void HiddenSectionsDoNotMatchBelowTheirLevel()
    {
        var site = Site("秘匿", certifications: [("iso_9001", null)], certificationsLevel: Viewer.Members, equipment: ["press", "press.servo"], equipmentLevel: Viewer.Coordinators);
        _index.Upsert(site);

        Assert.Empty(Ids(new SupplierQuery { Certification = ["iso_9001"] }, level: Viewer.Public));
        Assert.Equal([site.Id], Ids(new SupplierQuery { Certification = ["iso_9001"] }, level: Viewer.Members));
        Assert.Empty(Ids(new SupplierQuery { EquipmentType = "press" }, level: Viewer.Members));
        Assert.Equal([site.Id], Ids(new SupplierQuery { EquipmentType = "press" }, level: Viewer.Coordinators));
    }

    [Fact]
    public void ExpiredCertificatesDoNotCount()
    {
        var valid = Site("有効", certifications: [("iso_9001", s_today)]);
        var expired = Site("失効", certifications: [("iso_9001", s_today.AddDays(-1))]);
        _index.Upsert(valid);
        _index.Upsert(expired);

        Assert.Equal([valid.Id], Ids(new SupplierQuery { Certification = ["iso_9001"] }));
    }

    [Fact]
    public void DistanceFilterIsGreatCircleAndSortIsNearestFirst()
    {
        var toyota = Site("豊田", lat: 35.0826, lon: 137.1560);
        var okazaki = Site("岡崎", lat: 34.9551, lon: 137.1743);
        var nagoya = Site("名古屋", lat: 35.1815, lon: 136.9066);
        foreach (var site in new[] { nagoya, okazaki, toyota })
        {
            _index.Upsert(site);
        }

        var near = new SupplierQuery { Lat = 35.0826, Lon = 137.1560, WithinKm = 20 };
        var all = new SupplierQuery { Lat = 35.0826, Lon = 137.1560 };

        Assert.Equal([toyota.Id, okazaki.Id], Ids(near, SupplierSort.Distance));
        Assert.Equal([toyota.Id, okazaki.Id, nagoya.Id], Ids(all, SupplierSort.Distance));
        Assert.InRange(GreatCircle.Metres(35.0826, 137.1560, 34.9551, 137.1743), 14_000, 14_400);
    }

    [Fact]
    public void NearestFirstPagesStopEarlyYetMatchAFullWalk()
    {
        // A dense field around Toyota: pages of 5 by distance, walked from the nearest cell outwards.
        var random = new Random(3);
        var sites = Enumerable.Range(0, 400).Select(i => Site($"近{i}", lat: 34.7 + (random.NextDouble() * 0.8), lon: 136.8 + (random.NextDouble() * 0.8))).ToList();
        sites.ForEach(_index.Upsert);
        var query = new SupplierQuery { Lat = 35.0826, Lon = 137.1560, WithinKm = 40 };

        var seen = new List<Guid>();
        (string, Guid)? after = null;
        for (var pages = 0; pages < 200; pages++)
        {
            var page = _index.Query(query, SupplierSort.Distance, Viewer.Public, s_today, after, take: 5, facets: false);
            seen.AddRange(page.Hits.Select(h => h.Id));
            if (!page.HasMore)
            {
                break;
            }

            after = (page.Hits[^1].SortValue, page.Hits[^1].Id);
        }

        var expected = sites
            .Select(s => (s.Id, Metres: GreatCircle.Metres(35.0826, 137.1560, s.Lat!.Value, s.Lon!.Value)))
            .Where(s => s.Metres <= 40_000)
            .OrderBy(s => s.Metres).Select(s => s.Id)
            .ToList();
        Assert.True(expected.Count > 50);
        Assert.Equal(expected, seen);
        // With facets the walk covers the whole circle; the order is the same.
        Assert.Equal(expected.Take(5), _index.Query(query, SupplierSort.Distance, Viewer.Public, s_today, null, 5, facets: true).Hits.Select(h => h.Id));
    }

    [Fact]
    public void KeysetPagesNeitherSkipNorRepeat()
    {
        var sites = Enumerable.Range(0, 7).Select(i => Site($"工場{i}")).ToList();
        sites.ForEach(_index.Upsert);

        var seen = new List<Guid>();
        (string, Guid)? after = null;
        while (true)
        {
            var page = _index.Query(new SupplierQuery(), SupplierSort.Name, Viewer.Public, s_today, after, take: 3, facets: false);
            seen.AddRange(page.Hits.Select(h => h.Id));
            if (!page.HasMore)
            {
                break;
            }

            after = (page.Hits[^1].SortValue, page.Hits[^1].Id);
        }

        Assert.Equal(sites.OrderBy(s => s.NameJa, StringComparer.Ordinal).Select(s => s.Id), seen);
    }

    [Fact]
    public void ReplacingAndRemovingASiteUpdatesEveryPosting()
    {
        var site = Site("変更", processes: ["machining"]);
        _index.Upsert(site);
        _index.Upsert(site with { ProcessCodes = ["joining"] });

        Assert.Empty(Ids(new SupplierQuery { Process = ["machining"] }));
        Assert.Equal([site.Id], Ids(new SupplierQuery { Process = ["joining"] }));

        _index.Remove(site.Id);

        Assert.Empty(Ids(new SupplierQuery()));
        Assert.Equal(0, _index.Count);
    }

    [Fact]
    public void FacetsCountOnlyWhatTheCallerMaySee()
    {
        _index.Upsert(Site("公開", processes: ["machining", "machining.turning"], certificationCodes: ["iso_9001"]));
        _index.Upsert(Site("会員", processes: ["joining"], certificationCodes: ["iatf_16949"], certificationsLevel: Viewer.Members));

        var facets = _index.Query(new SupplierQuery(), SupplierSort.Name, Viewer.Public, s_today, null, 10, facets: true).Facets!;

        Assert.Equal(2, facets.Total);
        Assert.Equal(1, facets.ProcessFamilies["machining"]);
        Assert.Equal(2, facets.Prefectures["23"]);
        Assert.Equal(["iso_9001"], facets.Certifications.Keys);
    }

    [Fact]
    public void OnlyWordsOfThreeOrMoreCharactersAreLeftToSql()
    {
        Assert.True(SearchIndex.CanAnswer(new SupplierQuery { Process = ["machining"], Lat = 35, Lon = 137, WithinKm = 50 }));
        Assert.True(SearchIndex.CanAnswer(new SupplierQuery { Q = "溶接 板金", FitXMm = 100, ToleranceUm = 5, EquipmentType = "press", EquipmentMinSpec = 200 }));
        Assert.False(SearchIndex.CanAnswer(new SupplierQuery { Q = "溶接 めっき" }));
    }

    [Fact]
    public void ShortWordsMatchCharactersAndAdjacentPairsOnly()
    {
        var welder = Site("山田溶接工業", text: "山田溶接工業 yamada welding 薄板の溶接");
        var sheet = Site("鈴木板金", text: "鈴木板金 溶 接");
        _index.Upsert(welder);
        _index.Upsert(sheet);

        Assert.Equal([welder.Id], Ids(new SupplierQuery { Q = "溶接" }));
        Assert.Equal(2, Ids(new SupplierQuery { Q = "溶" }).Count);
        Assert.Equal([welder.Id], Ids(new SupplierQuery { Q = "溶接 薄板" }));
        Assert.Empty(Ids(new SupplierQuery { Q = "溶接 板金" }));
        Assert.Empty(Ids(new SupplierQuery { Q = "接鈴" }));
    }

    [Fact]
    public void RelevancePutsSitesNamedForTheWordsFirst()
    {
        var mentions = Site("佐藤製作所", text: "佐藤製作所 溶接も対応", verified: true);
        var named = Site("溶接の田中", text: "溶接の田中");
        _index.Upsert(mentions);
        _index.Upsert(named);

        Assert.Equal([named.Id, mentions.Id], Ids(new SupplierQuery { Q = "溶接" }, SupplierSort.Relevance));
        var page = _index.Query(new SupplierQuery { Q = "溶接" }, SupplierSort.Relevance, Viewer.Public, s_today, null, 10, facets: false);
        Assert.Equal(["1", "0.001"], page.Hits.Select(h => h.SortValue));
    }

    [Fact]
    public void EnvelopeFitsInAnyOrientationWithTheToleranceOnTheSameCapability()
    {
        var large = Site("大型", processes: ["machining", "machining.milling", "machining.turning"], capabilities: [new("machining.milling", 2000, 1000, 800, 20), new("machining.turning", 300, 300, 500, 2)]);
        var small = Site("小型", processes: ["machining", "machining.milling"], capabilities: [new("machining.milling", 300, 200, 100, 5)]);
        _index.Upsert(large);
        _index.Upsert(small);
        var milling = new SearchIndex.Expansions(["machining.milling", "machining.milling.5axis"], null);

        Assert.Equal([large.Id], Ids(new SupplierQuery { FitXMm = 900, FitYMm = 1500, FitZMm = 100 }));
        Assert.Equal(2, Ids(new SupplierQuery { FitXMm = 100, FitYMm = 300, FitZMm = 200 }).Count);
        Assert.Equal([small.Id], Ids(new SupplierQuery { Process = ["machining.milling"], FitXMm = 100, ToleranceUm = 5 }, expansions: milling));
        Assert.Equal([large.Id], Ids(new SupplierQuery { ToleranceUm = 2 }));
        Assert.Empty(Ids(new SupplierQuery { Process = ["machining.milling"], FitXMm = 400, ToleranceUm = 2 }, expansions: milling));
    }

    [Fact]
    public void KeySpecNeedsAMachineOfTheTypeAtOrAboveTheValue()
    {
        var big = Site("大型プレス", equipment: ["press", "press.servo"], specs: [("press.servo", 400)]);
        var light = Site("小型プレス", equipment: ["press", "press.mechanical"], specs: [("press.mechanical", 80)]);
        _index.Upsert(big);
        _index.Upsert(light);
        var presses = new SearchIndex.Expansions(null, ["press", "press.servo", "press.mechanical"]);

        Assert.Equal([big.Id], Ids(new SupplierQuery { EquipmentType = "press", EquipmentMinSpec = 200 }, expansions: presses));
        Assert.Equal(2, Ids(new SupplierQuery { EquipmentType = "press", EquipmentMinSpec = 80 }, expansions: presses).Count);
        Assert.Empty(Ids(new SupplierQuery { EquipmentType = "press", EquipmentMinSpec = 200 }, expansions: new(null, ["press.mechanical"])));
    }

    [Fact]
    public async Task AReloadReplacesEverythingWhileTheOldStoreServes()
    {
        var site = Site("何度も");
        for (var i = 0; i < 5; i++)
        {
            _index.Upsert(site with { NameJa = $"何度も{i}" });
        }

        Assert.Equal(1, _index.Count);
        Assert.Equal(["何度も4"], Names(new SupplierQuery()));

        var other = Site("別の工場");
        Assert.Equal(1, await _index.ReloadAsync(Stream(other), CancellationToken.None));
        Assert.Equal(["別の工場"], Names(new SupplierQuery()));

        async IAsyncEnumerable<SiteFacts> Stream(SiteFacts only)
        {
            // While the fresh store fills, the old one still answers.
            Assert.Equal(["何度も4"], Names(new SupplierQuery()));
            await Task.Yield();
            yield return only;
        }
    }

    [Fact]
    public void RelevancePagesNeitherSkipNorRepeatAcrossBucketsAndTies()
    {
        // Four buckets (name holds both words / one / none, verified or not) with ties inside each.
        var sites = new List<SiteFacts>();
        for (var i = 0; i < 12; i++)
        {
            var name = (i % 3) switch { 0 => $"溶接板金{i}", 1 => $"溶接{i}", _ => $"工場{i}" };
            sites.Add(Site(name, text: name + " 溶接 板金", verified: i % 2 == 0));
        }

        sites.ForEach(_index.Upsert);
        var query = new SupplierQuery { Q = "溶接 板金" };
        var seen = new List<(Guid Id, double Relevance)>();
        (string, Guid)? after = null;
        while (true)
        {
            var page = _index.Query(query, SupplierSort.Relevance, Viewer.Public, s_today, after, take: 5, facets: false);
            seen.AddRange(page.Hits.Select(h => (h.Id, double.Parse(h.SortValue, System.Globalization.CultureInfo.InvariantCulture))));
            if (!page.HasMore)
            {
                break;
            }

            after = (page.Hits[^1].SortValue, page.Hits[^1].Id);
        }

        Assert.Equal(12, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(seen.Select(s => s.Relevance).OrderDescending(), seen.Select(s => s.Relevance));
        Assert.Equal([1.001, 1, 0.501, 0.5, 0.001, 0], seen.Select(s => s.Relevance).Distinct());
    }

    [Fact]
    public void AnIntersectionKeepsTheSitesInEverySetAndNothingPastTheShortestSet()
    {
        // Sets of different lengths (a set grows with the highest ordinal it holds), spanning several vectors of words.
        var random = new Random(8);
        var sets = new[] { 5_000, 3_001, 4_700 }.Select(size =>
        {
            var set = new Bitset(1);
            for (var ordinal = 0; ordinal < size; ordinal++)
            {
                if (random.Next(3) > 0)
                {
                    set.Set(ordinal);
                }
            }

            return set;
        }).ToList();
        var words = (5_000 + 63) / 64;
        var into = Enumerable.Repeat(ulong.MaxValue, words + 4).ToArray();

        Bitset.Intersect(sets, into, words);

        var expected = Enumerable.Range(0, words * 64).Where(o => sets.All(s => s.Get(o))).ToList();
        var actual = Enumerable.Range(0, words * 64).Where(o => (into[o >> 6] & (1UL << o)) != 0).ToList();
        Assert.Equal(expected, actual);
        Assert.True(actual.Count > 500 && actual[^1] < 3_001);
        Assert.Equal(ulong.MaxValue, into[words]); // only the words asked for are written

        Bitset.Intersect([], into, words);
        Assert.All(into[..words], w => Assert.Equal(ulong.MaxValue, w));
    }

    [Fact]
    public void APostingTurnsIntoABitsetOnlyWhenThatIsSmaller()
    {
        var sparse = new Posting();
        var dense = new Posting();
        for (var ordinal = 0; ordinal < 100_000; ordinal++)
        {
            if (ordinal % 100 == 0)
            {
                sparse.Add(ordinal, ordinal + 1);
            }

            if (ordinal % 3 == 0)
            {
                dense.Add(ordinal, ordinal + 1);
            }
        }

        Assert.Null(sparse.Bits);
        Assert.Equal(1000, sparse.Count);
        Assert.NotNull(dense.Bits);
        Assert.Equal(33_334, dense.Count);
        Assert.True(dense.Contains(99_999) && !dense.Contains(99_998));
        Assert.True(sparse.Contains(99_900) && !sparse.Contains(99_901));
    }

    public void Dispose() => _index.Dispose();

    private List<string> Names(SupplierQuery query) =>
        [.. _index.Query(query, SupplierSort.Name, Viewer.Public, s_today, null, 100, facets: false).Hits.Select(h => h.SortValue)];

    private List<Guid> Ids(SupplierQuery query, SupplierSort sort = SupplierSort.Name, short level = Viewer.Public, SearchIndex.Expansions? expansions = null) =>
        [.. _index.Query(query, sort, level, s_today, null, 100, facets: false, expansions).Hits.Select(h => h.Id)];

    private static SiteFacts Site(
        string name, string[]? processes = null, (string, DateOnly?)[]? certifications = null, string[]? certificationCodes = null,
        short certificationsLevel = Viewer.Public, string[]? equipment = null, short equipmentLevel = Viewer.Public,
        double lat = 35.0, double lon = 137.0, string? text = null, bool verified = false, CapabilityFacts[]? capabilities = null,
        (string, double)[]? specs = null) => new()
        {
            Id = Guid.CreateVersion7(),
            NameJa = name,
            NameText = name,
            SearchText = text ?? name,
            Verified = verified,
            Capabilities = capabilities ?? [],
            EquipmentSpecs = specs ?? [],
            Lat = lat,
            Lon = lon,
            PrefectureCode = "23",
            ContractAcceptance = "open",
            ProcessCodes = processes ?? ["machining"],
            Certifications = certifications ?? [],
            CertificationCodes = certificationCodes ?? [.. (certifications ?? []).Select(c => c.Item1)],
            CertificationsLevel = certificationsLevel,
            EquipmentTypeCodes = equipment ?? [],
            EquipmentLevel = equipmentLevel,
        };
}
