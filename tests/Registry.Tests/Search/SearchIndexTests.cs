using Registry.Api.Search;
using Registry.Api.Search.Index;
using Registry.Api.Suppliers;
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
    public void TextEnvelopeToleranceAndKeySpecFiltersAreLeftToSql()
    {
        Assert.True(SearchIndex.CanAnswer(new SupplierQuery { Process = ["machining"], Lat = 35, Lon = 137, WithinKm = 50 }));
        Assert.False(SearchIndex.CanAnswer(new SupplierQuery { Q = "溶接" }));
        Assert.False(SearchIndex.CanAnswer(new SupplierQuery { FitXMm = 100 }));
        Assert.False(SearchIndex.CanAnswer(new SupplierQuery { ToleranceUm = 5 }));
        Assert.False(SearchIndex.CanAnswer(new SupplierQuery { EquipmentType = "press", EquipmentMinSpec = 200 }));
    }

    public void Dispose() => _index.Dispose();

    private List<Guid> Ids(SupplierQuery query, SupplierSort sort = SupplierSort.Name, short level = Viewer.Public) =>
        [.. _index.Query(query, sort, level, s_today, null, 100, facets: false).Hits.Select(h => h.Id)];

    private static SiteFacts Site(
        string name, string[]? processes = null, (string, DateOnly?)[]? certifications = null, string[]? certificationCodes = null,
        short certificationsLevel = Viewer.Public, string[]? equipment = null, short equipmentLevel = Viewer.Public,
        double lat = 35.0, double lon = 137.0) => new()
        {
            Id = Guid.CreateVersion7(),
            NameJa = name,
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
