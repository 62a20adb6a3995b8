using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Registry.Contracts.Suppliers;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>Builds supplier sites through the real API, the way a supplier account or coordinator would.</summary>
public static class Sites
{
    // Toyota city hall and Okazaki city hall: about 14 km apart.
    public static readonly GeoLocation Toyota = new() { Lat = 35.0826, Lon = 137.1560 };
    public static readonly GeoLocation Okazaki = new() { Lat = 34.9551, Lon = 137.1743 };
    public static readonly GeoLocation Nagoya = new() { Lat = 35.1815, Lon = 136.9066 };

    public static SupplierInput Input(string name, GeoLocation? at = null, Disclosure? disclosure = null, string municipality = "232114") => new()
    {
        NameJa = name,
        NameEn = "Test Works " + name,
        NameKana = "テスト",
        CorporateNumber = "1180301018771",
        // 豊田市池田町: a postal code must be the municipality's (issue 16), so sites elsewhere carry none unless a test gives one.
        PostalCode = municipality == "232114" ? "471-0001" : null,
        PrefectureCode = "23",
        MunicipalityCode = municipality,
        Address = "愛知県豊田市 1-1",
        Location = at ?? Toyota,
        Employees = 42,
        FoundedYear = 1968,
        IndustryCodes = ["25", "26"],
        DescriptionJa = "精密切削加工と溶接",
        Strengths = "短納期の試作",
        Contact = new ContactInput { Name = "山田 太郎", Email = "yamada@test.example", Phone = "0565-00-0000" },
        Capacity = new CapacityInput { ContractAcceptance = ContractAcceptance.Open, SpareCapacityPct = 20, TypicalLeadDays = 14, MinLot = 1 },
        Challenges = new ChallengesInput { Weaknesses = "大物は不得意", Challenges = "後継者不足" },
        DigitalReadiness = new DigitalReadiness { Edi = false, OnlineOrdering = true, FaxOnly = false },
        Disclosure = disclosure,
    };

    public static async Task<SupplierProfile> CreateAsync(HttpClient client, SupplierInput input)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/suppliers", input, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<SupplierProfile>())!;
    }

    public static async Task<T> AddAsync<T>(HttpClient client, Guid site, string part, object input)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/suppliers/{site}/{part}", input, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<T>())!;
    }

    /// <summary>A published site with one capability of the given process (plus whatever the caller adds).</summary>
    public static async Task<SupplierProfile> PublishedAsync(HttpClient client, SupplierInput input, string process = "machining.milling.5axis")
    {
        var site = await CreateAsync(client, input);
        await AddAsync<Capability>(client, site.Id, "capabilities", new CapabilityInput { ProcessCode = process, MaxXMm = 500, MaxYMm = 400, MaxZMm = 300, BestToleranceUm = 5 });
        return await PublishAsync(client, site.Id);
    }

    public static async Task<SupplierProfile> PublishAsync(HttpClient client, Guid site)
    {
        using var response = await client.PostAsync($"/api/v1/suppliers/{site}/publish", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<SupplierProfile>())!;
    }

    /// <summary>A bare draft site straight in the database, for tests about accounts and ownership.</summary>
    public static async Task<Guid> InsertBareAsync(RegistryApiFactory api)
    {
        var id = Guid.CreateVersion7();
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await Dapper.SqlMapper.ExecuteAsync(connection, "INSERT INTO suppliers (id, name_ja, prefecture_code) VALUES (@id, 'テスト工場', '23')", new { id });
        return id;
    }

    public static async Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body, int? version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: Json.Options) };
        if (version is { } v)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        }

        return await client.SendAsync(request);
    }

    /// <summary>
    /// Archives, through the API (so that the search index follows), every site of a prefecture that earlier tests left:
    /// tests that count sites in a prefecture of their own start from none.
    /// </summary>
    public static async Task ArchiveAllInAsync(RegistryApiFactory api, string prefecture)
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        foreach (var id in await Dapper.SqlMapper.QueryAsync<Guid>(connection,
            "SELECT id FROM suppliers WHERE prefecture_code = @prefecture AND status <> 'archived'", new { prefecture }))
        {
            using var archived = await coordinator.Client.PostAsync($"/api/v1/suppliers/{id}/archive", null);
            Assert.True(archived.StatusCode == HttpStatusCode.OK, await archived.Content.ReadAsStringAsync());
        }
    }
}
