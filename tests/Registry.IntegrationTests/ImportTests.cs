using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Registry.Api.Suppliers;
using Registry.Contracts.BulkImports;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>Bulk imports into Saga (prefecture 41, which no other test uses): encodings, all-or-nothing, duplicates, replays.</summary>
[Collection(SharedApi.Name)]
public sealed class ImportTests(RegistryApiFactory api)
{
    private static readonly string s_saga = "41201" + CodeValidators.MunicipalityCheckDigit("41201").ToString(CultureInfo.InvariantCulture);
    private const string Header = "externalId,nameJa,prefectureCode,municipalityCode,corporateNumber,lat,lon,processes,certifications,contactEmail,publish";

    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task AShiftJisFileIsCheckedByADryRunThenImportedWholeAndReadBackFromTheFeed()
    {
        await Sites.ArchiveAllInAsync(api, "41");
        using var integrator = await IntegratorAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            {Header}
            {run}-1,佐賀精密工業,41,{s_saga},{Corporate(Random.Shared.Next(100_000, 100_000_000))},33.2494,130.2988,machining.turning.cnc surface.plating,iso_9001,info@saga.example,true
            {run}-2,"有田製作所, 第二工場",41,{s_saga},,33.2500,130.3000,machining.milling,,,false
            {run}-3,唐津熱処理,41,,,,,,,,

            """;
        var bytes = Encoding.GetEncoding(932).GetBytes(csv);
        var feedStart = await FeedFollower.EndAsync(integrator);

        using var dry = await ImportFiles.PostAsync(integrator, "/api/v1/imports?dryRun=true", bytes, "text/csv");
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var check = (await dry.ReadJsonAsync<ImportCheck>())!;
        Assert.Equal((3, 3, "shift_jis"), (check.Rows, check.Valid, check.Charset));
        Assert.Equal(0, await CountAsync(run));

        using var accepted = await ImportFiles.PostAsync(integrator, "/api/v1/imports", bytes, "text/csv");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await ImportFiles.FinishedAsync(integrator, accepted.Headers.Location!.ToString());
        Assert.Equal((ImportStatus.Succeeded, 3, 0, 0), (job.Status, job.Created!.Value, job.Updated!.Value, job.Flagged!.Value));

        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        var sites = (await connection.QueryAsync<(string ExternalId, string NameJa, string Status, string[] ProcessCodes, string[] CertificationCodes)>(
            "SELECT external_id, name_ja, status, process_codes, certification_codes FROM suppliers WHERE external_id LIKE @run || '-%' ORDER BY external_id",
            new { run })).ToList();
        Assert.Equal(["佐賀精密工業", "有田製作所, 第二工場", "唐津熱処理"], sites.Select(s => s.NameJa));
        Assert.Equal(["published", "draft", "draft"], sites.Select(s => s.Status));
        Assert.Contains("machining", sites[0].ProcessCodes); // with their ancestors, as every write derives them
        Assert.Equal(["iso_9001"], sites[0].CertificationCodes);

        // The feed brings the published site to anyone who follows it, with its public fields only.
        var (events, _) = await FeedFollower.FollowAsync(integrator, feedStart);
        var published = events.Single(e => e.Type == "supplier.imported" && e.Data?.GetProperty("nameJa").GetString() == "佐賀精密工業");
        Assert.Equal(JsonValueKind.Null, published.Data!.Value.GetProperty("contactEmail").ValueKind);
        Assert.DoesNotContain(events, e => e.Data?.GetProperty("nameJa").GetString() == "唐津熱処理");

        // The same file again with a BOM in UTF-8 and one change: an update, not a second site.
        var again = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.Replace("唐津熱処理", "唐津熱処理所", StringComparison.Ordinal))).ToArray();
        using var second = await ImportFiles.PostAsync(integrator, "/api/v1/imports", again, "text/csv");
        var updated = await ImportFiles.FinishedAsync(integrator, second.Headers.Location!.ToString());
        Assert.Equal((0, 3, "utf-8"), (updated.Created!.Value, updated.Updated!.Value, updated.Charset));
        Assert.Equal(3, await CountAsync(run));
    }

    [Fact]
    public async Task TheExampleFileOfTheIntegrationGuidePassesADryRun()
    {
        using var integrator = await IntegratorAsync();
        var example = await File.ReadAllBytesAsync(Path.Combine(Repository.Root(), "docs", "examples", "members.csv"));

        using var dry = await ImportFiles.PostAsync(integrator, "/api/v1/imports?dryRun=true", example, "text/csv");

        var check = (await dry.ReadJsonAsync<ImportCheck>())!;
        Assert.Equal((3, 3), (check.Rows, check.Valid));
    }

    [Fact]
    public async Task ABadRowRefusesTheWholeImportAndNothingIsWritten()
    {
        using var integrator = await IntegratorAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var rows = new object[]
        {
            new { externalId = $"{run}-1", nameJa = "正常工業", prefectureCode = "41" },
            new { externalId = $"{run}-2", nameJa = "誤り工業", prefectureCode = "41", municipalityCode = "232114", processes = "machining.nothing" },
        };

        using var refused = await integrator.PostAsJsonAsync("/api/v1/imports", rows, Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(2, "municipalityCode"), (2, "processes")], errors);
        Assert.Equal(0, await CountAsync(run));

        using var plain = await ImportFiles.PostAsync(integrator, "/api/v1/imports", "x"u8.ToArray(), "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        var tooMany = new StringBuilder("externalId,nameJa,prefectureCode\n");
        for (var i = 0; i <= 100_000; i++)
        {
            tooMany.Append(CultureInfo.InvariantCulture, $"{i},x,41\n");
        }

        using var large = await ImportFiles.PostAsync(integrator, "/api/v1/imports?dryRun=true", Encoding.UTF8.GetBytes(tooMany.ToString()), "text/csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
    }

    [Fact]
    public async Task ProbableDuplicatesGoToTheReviewQueueAndCoordinatorsMergeOrDismissThem()
    {
        await Sites.ArchiveAllInAsync(api, "41");
        using var integrator = await IntegratorAsync();
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var run = Guid.NewGuid().ToString("N")[..8];
        var number = Corporate(Random.Shared.Next(100, 100_000));
        var existing = await Sites.PublishedAsync(coordinator.Client, Sites.Input($"伊万里窯業{run}", new() { Lat = 33.2650, Lon = 129.8800 }, municipality: s_saga) with
        {
            PrefectureCode = "41",
            CorporateNumber = number,
        });
        var nearby = await Sites.PublishedAsync(coordinator.Client, Sites.Input($"武雄金属工業{run}", new() { Lat = 33.1950, Lon = 130.0200 }, municipality: s_saga) with
        {
            PrefectureCode = "41",
            CorporateNumber = null,
        });
        var csv = $"""
            {Header}
            {run}-same-number,伊万里セラミックス,41,,{number},,,,,,false
            {run}-similar-name,武雄金属工業{run}（株）,41,,,33.1952,130.0203,,,,false
            {run}-new,嬉野新工業,41,,,,,,,,false
            {run}-other-name-nearby,有田精機製作所,41,,,33.1951,130.0201,,,,false

            """;
        using var accepted = await ImportFiles.PostAsync(integrator, "/api/v1/imports", Encoding.UTF8.GetBytes(csv), "text/csv", idempotencyKey: run);
        // A retry with the same key answers as the first time, without a second import.
        using var replay = await ImportFiles.PostAsync(integrator, "/api/v1/imports", Encoding.UTF8.GetBytes(csv), "text/csv", idempotencyKey: run);
        Assert.Equal((HttpStatusCode.Accepted, accepted.Headers.Location), (replay.StatusCode, replay.Headers.Location));
        var job = await ImportFiles.FinishedAsync(integrator, accepted.Headers.Location!.ToString());
        // Next door but another name is another firm.
        Assert.Equal((2, 2), (job.Created!.Value, job.Flagged!.Value));
        Assert.Equal(2, await CountAsync(run));

        var queue = (await (await coordinator.Client.GetAsync("/api/v1/imports/duplicates")).ReadJsonAsync<List<ImportDuplicate>>())!
            .Where(d => d.ExternalId.StartsWith(run, StringComparison.Ordinal)).OrderBy(d => d.Row).ToList();
        Assert.Equal(
            [($"{run}-same-number", existing.Id, DuplicateReason.CorporateNumber), ($"{run}-similar-name", nearby.Id, DuplicateReason.SimilarNameNearby)],
            queue.Select(d => (d.ExternalId, d.SupplierId, d.Reason)));
        Assert.Equal(HttpStatusCode.Forbidden, (await integrator.GetAsync("/api/v1/imports/duplicates")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.PostAsync($"/api/v1/imports/duplicates/{queue[0].Id}/merge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.PostAsync($"/api/v1/imports/duplicates/{queue[1].Id}/dismiss", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.Client.PostAsync($"/api/v1/imports/duplicates/{queue[1].Id}/merge", null)).StatusCode);

        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        Assert.Equal($"{run}-same-number", await connection.ExecuteScalarAsync<string>("SELECT external_id FROM suppliers WHERE id = @Id", new { existing.Id }));
        Assert.Equal(4, await CountAsync(run)); // merged into the existing site, the dismissed row a site of its own
    }

    private static string Corporate(int seed)
    {
        var body = seed.ToString("D12", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var n = 1; n <= 12; n++)
        {
            sum += (body[12 - n] - '0') * (n % 2 == 1 ? 1 : 2);
        }

        return (9 - (sum % 9)).ToString(CultureInfo.InvariantCulture) + body;
    }

    private async Task<int> CountAsync(string run)
    {
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM suppliers WHERE external_id LIKE @run || '-%'", new { run });
    }

    private Task<HttpClient> IntegratorAsync() => TestAccounts.IntegratorAsync(api, "佐賀工業会", "suppliers:import", "feed:read");
}
