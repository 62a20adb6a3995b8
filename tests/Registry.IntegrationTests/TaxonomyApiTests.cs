using System.Net;
using System.Net.Http.Headers;
using Registry.Contracts.Taxonomy;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class TaxonomyApiTests(RegistryApiFactory api)
{
    [Fact]
    public async Task LabelsFollowAcceptLanguageAndTheListIsCacheable()
    {
        using var client = api.CreateClient();
        using var ja = await client.GetAsync("/api/v1/taxonomy/processes");
        using var enRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/taxonomy/processes");
        enRequest.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        using var en = await client.SendAsync(enRequest);

        var jaTerms = (await ja.ReadJsonAsync<List<TaxonomyTerm>>())!;
        var enTerms = (await en.ReadJsonAsync<List<TaxonomyTerm>>())!;
        Assert.Equal("溶接", jaTerms.Single(t => t.Code == "joining.welding").Label);
        Assert.Equal("Welding", enTerms.Single(t => t.Code == "joining.welding").Label);
        Assert.NotEqual(ja.Headers.ETag, en.Headers.ETag);
        Assert.True(ja.Headers.CacheControl!.Public);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/taxonomy/processes");
        again.Headers.IfNoneMatch.Add(ja.Headers.ETag!);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task EquipmentTypesCarryTheirKeySpec()
    {
        using var client = api.CreateClient();
        var types = (await (await client.GetAsync("/api/v1/taxonomy/equipment-types")).ReadJsonAsync<List<TaxonomyTerm>>())!;

        Assert.Equal("tf", types.Single(t => t.Code == "press").KeySpec!.Unit);
    }

    [Fact]
    public async Task UnknownTaxonomyIs404Problem()
    {
        using var client = api.CreateClient();
        using var response = await client.GetAsync("/api/v1/taxonomy/colours");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SuggestAutocompletesWithinTheAskedKinds()
    {
        using var client = api.CreateClient();
        var processes = (await (await client.GetAsync("/api/v1/taxonomy/suggest?q=溶接&kinds=processes")).ReadJsonAsync<List<TaxonomySuggestion>>())!;
        var equipment = (await (await client.GetAsync("/api/v1/taxonomy/suggest?q=MC&kinds=equipment_types&limit=3")).ReadJsonAsync<List<TaxonomySuggestion>>())!;
        using var badKind = await client.GetAsync("/api/v1/taxonomy/suggest?q=MC&kinds=colours");

        Assert.Equal("joining.welding", processes[0].Code);
        Assert.All(processes, s => Assert.Equal(TaxonomyKind.Processes, s.Kind));
        Assert.InRange(equipment.Count, 1, 3);
        Assert.All(equipment, s => Assert.Equal(TaxonomyKind.EquipmentTypes, s.Kind));
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
    }
}
