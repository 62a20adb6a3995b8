using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Registry.Api.Suppliers;
using Registry.Contracts.Exports;
using Registry.Contracts.Feed;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>Exports in three formats over sites of their own in Nagasaki (prefecture 42, which no other test uses).</summary>
[Collection(SharedApi.Name)]
public sealed class ExportTests(RegistryApiFactory api)
{
    private static readonly string s_nagasaki = "42201" + CodeValidators.MunicipalityCheckDigit("42201").ToString(CultureInfo.InvariantCulture);
    private const string Awkward = "中村\"製作所\",第2\n工場";

    [Fact]
    public async Task NdjsonCsvAndGeoJsonCarryTheSameSitesAtTheCallersLevel()
    {
        var (plain, awkward) = await SitesAsync();
        using var anonymous = api.CreateClient();
        using var member = await TestAccounts.SignInAsync(api, "member");

        using var ndjson = await anonymous.GetAsync("/api/v1/exports/suppliers?prefecture=42");
        Assert.Equal("application/x-ndjson", ndjson.Content.Headers.ContentType?.MediaType);
        var rows = (await ndjson.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<SupplierExportRow>(line, Json.Options)!).ToList();
        Assert.Equal(new[] { plain, awkward }.Order(), rows.Select(r => r.Id).Order());
        var row = rows.Single(r => r.Id == awkward);
        Assert.Equal((Awkward, "42", s_nagasaki), (row.NameJa, row.PrefectureCode, row.MunicipalityCode));
        Assert.Contains("machining.turning", row.Processes);
        Assert.Null(row.ContactEmail); // members only
        var asMember = (await member.Client.GetStringAsync("/api/v1/exports/suppliers?prefecture=42&format=ndjson")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<SupplierExportRow>(line, Json.Options)!);
        Assert.Equal("=HYPERLINK(\"x\")", asMember.Single(r => r.Id == awkward).ContactName);

        // CSV as Excel in Japan wants it: BOM, CRLF, RFC 4180 quoting; a formula-looking cell is defused.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/suppliers?prefecture=42");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await member.Client.SendAsync(request);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("id,nameJa,nameEn,", text, StringComparison.Ordinal);
        // Records end in CRLF; the line break inside the quoted name is the name's own.
        Assert.Equal(3, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"{awkward},\"中村\"\"製作所\"\",第2\n工場\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", text, StringComparison.Ordinal);

        using var geo = await anonymous.GetAsync("/api/v1/exports/suppliers?prefecture=42&format=geojson");
        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType?.MediaType);
        using var collection = JsonDocument.Parse(await geo.Content.ReadAsStringAsync());
        Assert.Equal("FeatureCollection", collection.RootElement.GetProperty("type").GetString());
        var feature = collection.RootElement.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == plain.ToString());
        var point = feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
        Assert.Equal([129.8777, 32.7503], point);
        Assert.Equal("長崎旋削", feature.GetProperty("properties").GetProperty("nameJa").GetString());
    }

    [Fact]
    public async Task TheFeedCursorOfAnExportBringsTheChangesMadeAfterIt()
    {
        var (plain, _) = await SitesAsync();
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        using var export = await coordinator.Client.GetAsync("/api/v1/exports/suppliers?prefecture=42&format=csv");
        var cursor = export.Headers.GetValues("Feed-Cursor").Single();
        using var archived = await coordinator.Client.PostAsync($"/api/v1/suppliers/{plain}/archive", null);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);

        var page = (await (await coordinator.Client.GetAsync($"/api/v1/feed?limit=1000&cursor={cursor}")).ReadJsonAsync<FeedPage>())!;
        Assert.Contains(page.Items, e => e.ResourceId == plain && e.Type == "supplier.archived" && e.Data is null);
        Assert.DoesNotContain(page.Items, e => e.ResourceId == plain && e.Type == "supplier.published");
    }

    [Fact]
    public async Task AFormatNobodyServesIsRefused()
    {
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/exports/suppliers?format=xml")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/exports/suppliers?limit=5")).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/suppliers");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));
        Assert.Equal(HttpStatusCode.NotAcceptable, (await anonymous.SendAsync(request)).StatusCode);
    }

    /// <summary>Two published sites in Nagasaki, the only ones there: a plain turner and one whose name and contact test the CSV.</summary>
    private async Task<(Guid Plain, Guid Awkward)> SitesAsync()
    {
        await Sites.ArchiveAllInAsync(api, "42");
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");

        var at = new GeoLocation { Lat = 32.7503, Lon = 129.8777 };
        var plain = await Sites.PublishedAsync(coordinator.Client, Sites.Input("長崎旋削", at, municipality: s_nagasaki) with { PrefectureCode = "42" }, "machining.turning.cnc");
        var awkward = await Sites.PublishedAsync(coordinator.Client, Sites.Input(Awkward, at, municipality: s_nagasaki) with
        {
            PrefectureCode = "42",
            Contact = new ContactInput { Name = "=HYPERLINK(\"x\")", Email = "nakamura@test.example" },
        }, "machining.turning.cnc");
        return (plain.Id, awkward.Id);
    }
}
