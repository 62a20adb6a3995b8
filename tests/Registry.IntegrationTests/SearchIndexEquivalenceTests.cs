using System.Net;
using Registry.Contracts.Search;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// The in-process index (the shared host) and the SQL path (a host with Search:UseIndex=false) must answer every
/// query they both can the same: same sites, same order, same facets, at every disclosure level. The sites of this
/// test live in Okinawa (prefecture 47), which keeps other tests' sites out of the comparison.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class SearchIndexEquivalenceTests(RegistryApiFactory api)
{
    private static readonly string[] s_processes = ["machining.milling.5axis", "machining.turning.cnc", "joining.welding.tig", "surface.plating.zinc", "sheet_metal.stamping"];
    private static readonly string[] s_certifications = ["iso_9001", "iatf_16949", "iso_14001"];
    private static readonly string[] s_names = ["溶接", "板金", "精密", "めっき", "プレス", "ＭＣ"];
    // Words naming terms too (旋盤: a process and the lathe; 環境: a certificate; 炭素: a material; 研磨: a process), kana
    // as typed (ﾌﾟﾚ and ぷれ are one gram) and full-width Latin.
    private static readonly string[] s_words = ["溶接", "板金", "精", "工業", "ｍｃ", "溶", "加工", "試作", "接板", "旋盤", "環境", "炭素", "研磨", "ﾌﾟﾚ", "ぷれ", "ＭＣ"];
    private static readonly (double Lat, double Lon)[] s_points = [(26.2124, 127.6809), (26.3344, 127.8056), (26.5916, 127.9772)];

    [Fact]
    public async Task IndexAndSqlAnswerAlikeOnRandomQueries()
    {
        var random = new Random(47);
        var made = new List<CapabilityInput>();
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        for (var i = 0; i < 24; i++)
        {
            var (lat, lon) = s_points[random.Next(s_points.Length)];
            var name = $"沖縄{s_names[random.Next(s_names.Length)]}{(random.Next(2) == 0 ? "工業" : "")}{i:00}";
            var input = Sites.Input(name, new GeoLocation { Lat = lat + random.NextDouble() * 0.05, Lon = lon + random.NextDouble() * 0.05 },
                new Disclosure
                {
                    Certifications = (DisclosureLevel)random.Next(3),
                    Equipment = (DisclosureLevel)random.Next(3),
                    Capacity = (DisclosureLevel)random.Next(3),
                    Capabilities = (DisclosureLevel)random.Next(2),
                }, municipality: "472018") with
            {
                PrefectureCode = "47",
                Employees = random.Next(5, 400),
                Capacity = new CapacityInput { ContractAcceptance = (ContractAcceptance)random.Next(3) },
                DescriptionJa = random.Next(2) == 0 ? "板金と溶接の試作" : "精密加工",
                Strengths = random.Next(3) == 0 ? "短納期" : null,
            };
            var site = await Sites.CreateAsync(coordinator.Client, input);
            var capability = new CapabilityInput
            {
                ProcessCode = s_processes[random.Next(s_processes.Length)],
                MaterialCodes = random.Next(2) == 0 ? ["steel.carbon"] : ["aluminium.a5052"],
                MaxXMm = random.Next(4) == 0 ? null : random.Next(1, 40) * 25.5m,
                MaxYMm = random.Next(1, 40) * 25m,
                MaxZMm = random.Next(1, 20) * 10.1m,
                BestToleranceUm = random.Next(4) == 0 ? null : random.Next(1, 50) * 0.25m,
            };
            made.Add(capability);
            await Sites.AddAsync<Capability>(coordinator.Client, site.Id, "capabilities", capability);
            foreach (var code in s_certifications.Where(_ => random.Next(3) == 0))
            {
                var expired = random.Next(5) == 0;
                await Sites.AddAsync<Certification>(coordinator.Client, site.Id, "certifications", new CertificationInput
                {
                    Code = code,
                    ValidUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(expired ? -3 : 300),
                });
            }

            await Sites.AddAsync<Equipment>(coordinator.Client, site.Id, "equipment", new EquipmentInput
            {
                TypeCode = random.Next(2) == 0 ? "press.servo" : "lathe.cnc",
                SpecValue = random.Next(4) == 0 ? null : random.Next(1, 20) * 25.5m,
            });
            if (random.Next(6) > 0)
            {
                await Sites.PublishAsync(coordinator.Client, site.Id);
            }
        }

        // Same signing keys, so that the members and coordinators of the shared host are signed in here too.
        await using var sqlOnly = new RegistryApiFactory().With("Search:UseIndex", "false").With("Auth:KeyDirectory", api.KeyDirectory);
        using var member = await TestAccounts.SignInAsync(api, "member");
        var callers = new (HttpClient Index, HttpClient Sql)[] { (api.CreateClient(), sqlOnly.CreateClient()), (member.Client, sqlOnly.CreateClientWithToken(member.Tokens.AccessToken)),
            (coordinator.Client, sqlOnly.CreateClientWithToken(coordinator.Tokens.AccessToken)) };

        var answered = 0;
        for (var q = 0; q < 120; q++)
        {
            var query = RandomQuery(random, made);
            var (indexClient, sqlClient) = callers[q % callers.Length];
            var fromIndex = await SearchAsync(indexClient, query);
            var fromSql = await SearchAsync(sqlClient, query);

            Assert.True(fromIndex.Items.Select(i => i.Id).SequenceEqual(fromSql.Items.Select(i => i.Id)), $"different sites or order for {query}");
            Assert.Equal(fromSql.Items.Select(i => (i.DistanceKm, i.Certifications?.Count, i.ContractAcceptance)), fromIndex.Items.Select(i => (i.DistanceKm, i.Certifications?.Count, i.ContractAcceptance)));
            Assert.Equal(fromSql.NextCursor is null, fromIndex.NextCursor is null);
            if (fromSql.Facets is not null)
            {
                Assert.Equal(fromSql.Facets.Total, fromIndex.Facets!.Total);
                Assert.Equal(fromSql.Facets.ProcessFamilies, fromIndex.Facets.ProcessFamilies);
                Assert.Equal(fromSql.Facets.Certifications, fromIndex.Facets.Certifications);
            }
            answered += fromSql.Items.Count > 0 ? 1 : 0;
        }

        // Indexed answers say where their time went (W3C Server-Timing); the SQL path does not claim an index.
        using (var indexed = await callers[0].Index.GetAsync("/api/v1/suppliers?prefecture=47"))
        using (var plain = await callers[0].Sql.GetAsync("/api/v1/suppliers?prefecture=47"))
        {
            Assert.Matches(@"^index;dur=[0-9.]+, db;dur=[0-9.]+$", string.Join(',', indexed.Headers.GetValues("Server-Timing")));
            Assert.False(plain.Headers.Contains("Server-Timing"));
        }

        // A comparison of empty answers proves nothing: most random queries must find something.
        Assert.True(answered >= 48, $"only {answered} of 120 queries found sites");
    }

    [Fact]
    public async Task AWriterFindsItsChangeInItsNextSearchAndOtherProcessesSoonAfter()
    {
        await using var otherProcess = new RegistryApiFactory();
        await otherProcess.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.PublishedAsync(supplier.Client, Sites.Input("即時反映", new GeoLocation { Lat = 26.2124, Lon = 127.6809 }, municipality: "472018") with { PrefectureCode = "47" }, "additive.metal");
        var query = "prefecture=47&process=additive.metal&facets=true";

        var own = await SearchAsync(supplier.Client, query);
        Assert.Contains(own.Items, i => i.Id == site.Id);

        var seen = false;
        for (var i = 0; i < 20 && !seen; i++)
        {
            seen = (await SearchAsync(otherProcess.CreateClient(), query)).Items.Any(x => x.Id == site.Id);
            await Task.Delay(seen ? 0 : 50);
        }

        Assert.True(seen, "another process did not see the change within 1 s");

        using var unpublish = await supplier.Client.PostAsync($"/api/v1/suppliers/{site.Id}/unpublish", null);
        Assert.DoesNotContain((await SearchAsync(supplier.Client, query)).Items, x => x.Id == site.Id);
    }

    private static string RandomQuery(Random random, List<CapabilityInput> made)
    {
        var sort = new[] { "name", "distance", "relevance" }[random.Next(3)];
        // Small pages make the nearest-first walk stop early; without facets it is the path the index takes.
        var parts = new List<string> { "prefecture=47", random.Next(3) == 0 ? "limit=3" : "limit=200" };
        if (random.Next(2) == 0)
        {
            parts.Add("facets=true");
        }

        if (random.Next(2) == 0)
        {
            parts.Add("process=" + (random.Next(3) == 0 ? s_processes[random.Next(s_processes.Length)].Split('.')[0] : s_processes[random.Next(s_processes.Length)]));
        }

        if (random.Next(3) == 0)
        {
            parts.Add("certification=" + s_certifications[random.Next(s_certifications.Length)]);
        }

        if (random.Next(4) == 0)
        {
            parts.Add("equipmentType=" + (random.Next(2) == 0 ? "press" : "lathe"));
            if (random.Next(2) == 0)
            {
                parts.Add($"equipmentMinSpec={random.Next(1, 20) * 25.5}");
            }
        }

        // Relevance orders by the words, so most relevance queries carry some.
        if (random.NextDouble() < (sort == "relevance" ? 0.75 : 0.33))
        {
            var words = Enumerable.Range(0, random.Next(1, 3)).Select(_ => s_words[random.Next(s_words.Length)]);
            parts.Add("q=" + Uri.EscapeDataString(string.Join(' ', words)));
        }

        // Envelopes and tolerances, half of them exactly a stored capability's, so that equal values compare too.
        var exact = made[random.Next(made.Count)];
        if (random.Next(4) == 0)
        {
            parts.Add(random.Next(2) == 0 && exact is { MaxXMm: { } x, MaxYMm: { } y, MaxZMm: { } z }
                ? FormattableString.Invariant($"fitXMm={z}&fitYMm={x}&fitZMm={y}")
                : FormattableString.Invariant($"fitXMm={random.Next(1, 30) * 25.5}&fitYMm={random.Next(1, 30) * 10.1}"));
        }

        if (random.Next(4) == 0)
        {
            parts.Add(random.Next(2) == 0 && exact.BestToleranceUm is { } tolerance
                ? FormattableString.Invariant($"toleranceUm={tolerance}")
                : FormattableString.Invariant($"toleranceUm={random.Next(1, 50) * 0.25}"));
        }

        if (random.Next(4) == 0)
        {
            parts.Add("material=" + (random.Next(2) == 0 ? "steel" : "aluminium.a5052"));
        }

        if (random.Next(4) == 0)
        {
            parts.Add("acceptsContractWork=true");
        }

        if (random.Next(4) == 0)
        {
            parts.Add($"employeesMin={random.Next(0, 200)}");
        }

        if (sort == "distance" || random.Next(3) == 0)
        {
            var (lat, lon) = s_points[random.Next(s_points.Length)];
            parts.Add(FormattableString.Invariant($"lat={lat}&lon={lon}"));
            if (random.Next(2) == 0)
            {
                parts.Add($"withinKm={random.Next(3, 40)}");
            }
        }

        parts.Add("sort=" + sort);
        return string.Join('&', parts);
    }

    private static async Task<SupplierSearchResult> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/v1/suppliers?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<SupplierSearchResult>())!;
    }
}
