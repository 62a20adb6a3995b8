using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Registry.Api.Suppliers;
using Registry.Contracts.BulkImports;
using Registry.Contracts.Webhooks;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// docs/integration.md end to end, as an association's developer follows it (issue 8's "done when"): a Shift_JIS file
/// of 1,000 members checked and imported, read back from the feed with the documented loop, signed webhooks for later
/// edits verified with the guide's own C# snippet, and a duplicate row in the coordinators' review queue. In Tottori
/// (prefecture 31), which no other test uses.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class IntegrationGuideTests(RegistryApiFactory api)
{
    private const int Members = 1_000;
    private static readonly string s_tottori = "31201" + CodeValidators.MunicipalityCheckDigit("31201").ToString(CultureInfo.InvariantCulture);

    static IntegrationGuideTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task AnAssociationImportsAThousandMembersInShiftJisFollowsThemAndGetsSignedWebhooksForLaterEdits()
    {
        await Sites.ArchiveAllInAsync(api, "31");
        using var integrator = await TestAccounts.IntegratorAsync(api, "鳥取県機械工業会", "suppliers:import", "feed:read", "webhooks:manage");
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var run = Guid.NewGuid().ToString("N")[..8];
        // A member the registry already knows: the file's last row is the same firm under a slightly different name.
        var known = await Sites.PublishedAsync(coordinator.Client, Sites.Input($"因幡鋳造所{run}", new() { Lat = 35.5011, Lon = 134.2351 }, municipality: s_tottori) with
        {
            PrefectureCode = "31",
        });

        var file = ShiftJis(Enumerable.Range(1, Members - 1).Select(i => Row(run, i, Name(i)))
            .Append($"{run}-dup,因幡鋳造所{run}（株）,31,{s_tottori},35.5013,134.2354,casting.sand,,true"));

        // §2: a dry run first (the charset detected), then the import with the charset named and an Idempotency-Key.
        using (var dry = await ImportFiles.PostAsync(integrator, "/api/v1/imports?dryRun=true", file, "text/csv"))
        {
            var check = (await dry.ReadJsonAsync<ImportCheck>())!;
            Assert.Equal((Members, Members, 0, "shift_jis"), (check.Rows, check.Valid, check.Errors.Count, check.Charset));
        }

        var cursor = await FeedFollower.EndAsync(integrator);
        using var accepted = await ImportFiles.PostAsync(integrator, "/api/v1/imports", file, "text/csv; charset=shift_jis", $"members-{run}");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await ImportFiles.FinishedAsync(integrator, accepted.Headers.Location!.ToString());
        Assert.Equal((Members, Members - 1, 0, 1), (job.Rows, job.Created!.Value, job.Updated!.Value, job.Flagged!.Value));

        // §3: the feed loop until an empty page brings every published member with the name it was imported under;
        // the drafts stay with coordinators.
        var (events, next) = await FeedFollower.FollowAsync(integrator, cursor);
        var imported = events.Where(e => e.Type == "supplier.imported").ToDictionary(e => e.Data!.Value.GetProperty("nameJa").GetString()!, e => e.ResourceId);
        var published = Enumerable.Range(1, Members - 1).Where(i => i % 2 == 0).Select(Name).ToList();
        Assert.Equal(published.Order(), imported.Keys.Where(k => k.StartsWith("鳥取", StringComparison.Ordinal)).Order());
        Assert.DoesNotContain(imported.Keys, k => k.StartsWith("因幡", StringComparison.Ordinal));

        // §5: a webhook for supplier events, then later edits: the association sends three members again under new names.
        await using var receiver = await WebhookReceiver.StartAsync();
        using var created = await integrator.PostAsJsonAsync("/api/v1/webhooks",
            new WebhookInput { Url = receiver.Url.ToString(), EventTypes = ["supplier.*"] }, Json.Options);
        var subscription = (await created.ReadJsonAsync<WebhookWithSecret>())!;
        int[] renamed = [2, 4, 6];
        var edited = renamed.ToDictionary(i => imported[Name(i)], i => $"鳥取{Kanji(i)}精機");
        using var second = await ImportFiles.PostAsync(integrator, "/api/v1/imports", ShiftJis(renamed.Select(i => Row(run, i, $"鳥取{Kanji(i)}精機"))),
            "text/csv; charset=shift_jis", $"edits-{run}");
        var again = await ImportFiles.FinishedAsync(integrator, second.Headers.Location!.ToString());
        Assert.Equal((0, 3), (again.Created!.Value, again.Updated!.Value));

        var ours = await Eventually.UntilAsync(() => Task.FromResult(receiver.Requests.Where(r => edited.ContainsKey(ResourceId(r))).ToList()),
            found => found.Count >= 3, "Three deliveries");
        Assert.Equal(edited.Keys.Order(), ours.Select(ResourceId).Order());
        Assert.All(ours, r => Assert.True(Verify(subscription.Secret, r.Id, r.Timestamp, r.Signature, r.Body), "the signature does not verify"));
        Assert.All(ours, r => Assert.Equal("supplier.imported", JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()));

        // The feed, from where the reader stopped, has the new names.
        var (later, _) = await FeedFollower.FollowAsync(integrator, next);
        Assert.Equal(edited.OrderBy(e => e.Key).Select(e => e.Value),
            later.Where(e => edited.ContainsKey(e.ResourceId)).OrderBy(e => e.ResourceId).Select(e => e.Data!.Value.GetProperty("nameJa").GetString()));

        // The duplicate row waits for a coordinator, pointing at the site the registry already had.
        var queue = (await (await coordinator.Client.GetAsync("/api/v1/imports/duplicates")).ReadJsonAsync<List<ImportDuplicate>>())!;
        var held = Assert.Single(queue, d => d.ExternalId == $"{run}-dup");
        Assert.Equal((known.Id, DuplicateReason.SimilarNameNearby, Members), (held.SupplierId, held.Reason, held.Row));
    }

    private const string Header = "externalId,nameJa,prefectureCode,municipalityCode,lat,lon,processes,certifications,publish";

    /// <summary>Member i of the file: on a grid over Tottori (1.3 km × 1.8 km, none within 5 km of the known site), every
    /// second one published.</summary>
    private static string Row(string run, int i, string name) =>
        $"{run}-{i:D4},\"{name}\",31,{s_tottori},{35.30 + (i / 40 * 0.012):F4},{133.40 + (i % 40 * 0.02):F4},machining.turning.cnc,iso_9001,"
        + (i % 2 == 0 ? "true" : "false");

    /// <summary>A name with a comma, so that the file has quoted fields as Excel writes them.</summary>
    private static string Name(int i) => $"鳥取{Kanji(i)}工業, 第{i % 9 + 1}工場";

    private static byte[] ShiftJis(IEnumerable<string> rows) =>
        Encoding.GetEncoding(932).GetBytes(Header + "\r\n" + string.Concat(rows.Select(r => r + "\r\n")));

    /// <summary>Three kanji from the number, so that the thousand names differ in more than a digit.</summary>
    private static string Kanji(int i)
    {
        const string Digits = "零壱弐参肆伍陸漆捌玖";
        return string.Concat(i.ToString("D3", CultureInfo.InvariantCulture).Select(d => Digits[d - '0']));
    }

    /// <summary>The guide's C# verification snippet (docs/integration.md §5), as an integrator would paste it.</summary>
    private static bool Verify(string secret, string id, string timestamp, string signatureHeader, string body)
    {
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return signatureHeader.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(s[3..]), expected));
    }

    private static Guid ResourceId(WebhookReceiver.Received request) =>
        JsonDocument.Parse(request.Body).RootElement.GetProperty("data").GetProperty("resourceId").GetGuid();
}
