using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Registry.Contracts.Matching;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.MatchingPreviewTests;

namespace Registry.IntegrationTests;

/// <summary>
/// The thread on an invitation (issue 16 item 7), and what an invited site learns of the job: the buyer and the
/// invited site write, coordinators read, anyone else finds nothing; every message is outboxed.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class MatchingThreadTests(RegistryApiFactory api)
{
    [Fact]
    public async Task TheInvitedSiteAsksTheBuyerAnswersAndOnlyTheyWriteOnTheThread()
    {
        await ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var invited = await SiteAsync(coordinator.Client, "鹿児島質問工場", 0.06, "machining.milling.machining_centre", 5, []);
        var other = await SiteAsync(coordinator.Client, "鹿児島別工場", 0.07, "machining.milling.machining_centre", 5, []);
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var owner = await TestAccounts.SignInAsync(api, "supplier", [invited]);
        using var stranger = await TestAccounts.SignInAsync(api, "supplier", [other]);
        using var onlooker = await TestAccounts.SignInAsync(api, "member");

        var id = await OpenAsync(buyer.Client, Request(Step("machining.milling")));
        var thread = $"/api/v1/matching-requests/{id}/invitations/{invited}/messages";
        // Before the invitation there is no thread, not even for the buyer.
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.Client.GetAsync(thread)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(buyer.Client, $"/api/v1/matching-requests/{id}/invitations", new InvitationInput { SupplierId = invited })).StatusCode);
        Assert.Empty((await ReadThreadAsync(buyer.Client, thread))!);

        // The site's question is the thread's first message; the buyer answers; the site writes again.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(owner.Client, $"/api/v1/matching-requests/{id}/answer",
            new AnswerInput { SupplierId = invited, Answer = InvitationAnswer.Question, Question = "材質証明は必要ですか" })).StatusCode);
        using var answered = await PostAsync(buyer.Client, thread, new InvitationMessageInput { Text = "  はい、ミルシートを添付してください。\n初品は検査成績書も。 " });
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        var answer = (await answered.ReadJsonAsync<InvitationMessage>())!;
        Assert.Equal((MessageAuthor.Buyer, "はい、ミルシートを添付してください。\n初品は検査成績書も。", invited), (answer.Author, answer.Text, answer.SupplierId));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(owner.Client, thread, new InvitationMessageInput { Text = "承知しました。" })).StatusCode);

        // Both parties read it oldest first, and a coordinator reads it too.
        string[] expected = ["supplier: 材質証明は必要ですか", "buyer: はい、ミルシートを添付してください。\n初品は検査成績書も。", "supplier: 承知しました。"];
        foreach (var reader in new[] { buyer.Client, owner.Client, coordinator.Client })
        {
            Assert.Equal(expected, (await ReadThreadAsync(reader, thread))!.Select(m => $"{WireName(m.Author)}: {m.Text}"));
        }

        // A coordinator reads but does not write; another site's account and a member who is not the buyer find
        // nothing, and neither does the site's own account on a site that is not invited.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(coordinator.Client, thread, new InvitationMessageInput { Text = "仲介します" })).StatusCode);
        foreach (var outsider in new[] { stranger.Client, onlooker.Client })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(thread)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(outsider, thread, new InvitationMessageInput { Text = "見せてください" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/v1/matching-requests/{id}/invitations/{other}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(thread)).StatusCode);

        // Every message went through the outbox, naming the site and which side wrote, never the buyer's account.
        var events = (await Outboxed.OfAsync(api, id)).Where(e => e.Type == "matching_request.message_posted").ToList();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal((invited, "coordinators"), (e.SupplierId!.Value, e.Visibility)));
        using var payload = JsonDocument.Parse(events[1].Payload!);
        Assert.Equal(("buyer", answer.Id), (payload.RootElement.GetProperty("author").GetString(), payload.RootElement.GetProperty("id").GetGuid()));
        Assert.DoesNotContain(buyer.Id.ToString(), events[1].Payload!, StringComparison.OrdinalIgnoreCase);

        // Once the request is awarded the thread is read-only.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(buyer.Client, $"/api/v1/matching-requests/{id}/award", new AwardInput { SupplierId = invited })).StatusCode);
        using var late = await PostAsync(owner.Client, thread, new InvitationMessageInput { Text = "納期の件で" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(3, (await ReadThreadAsync(owner.Client, thread))!.Count);
    }

    [Fact]
    public async Task AnEmptyOrTooLongMessageIsRefusedByItsLabelAndNothingIsWritten()
    {
        await ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var invited = await SiteAsync(coordinator.Client, "鹿児島空文字", 0.06, "machining.milling.machining_centre", 5, []);
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        var id = await OpenAsync(buyer.Client, Request(Step("machining.milling")));
        await PostAsync(buyer.Client, $"/api/v1/matching-requests/{id}/invitations", new InvitationInput { SupplierId = invited });
        var thread = $"/api/v1/matching-requests/{id}/invitations/{invited}/messages";

        foreach (var (text, message) in new[] { ("", "メッセージを入力してください。"), (" \n\t ", "メッセージを入力してください。"), (new string('あ', 2001), "メッセージは 2000 文字以内で入力してください。") })
        {
            using var refused = await PostAsync(buyer.Client, thread, new InvitationMessageInput { Text = text });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal("/problems/validation", problem.RootElement.GetProperty("type").GetString());
            Assert.Contains(message, problem.RootElement.GetProperty("errors").GetProperty("text").EnumerateArray().Select(e => e.GetString()));
        }

        using var control = await buyer.Client.PostAsync(thread, new StringContent("{\"text\":\"a\\u0007b\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Contains("\"text\"", await control.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(buyer.Client, thread, new InvitationMessageInput { Text = new string('あ', 2000) })).StatusCode);
        Assert.Single((await ReadThreadAsync(buyer.Client, thread))!);
        Assert.Single(await Outboxed.OfAsync(api, id), e => e.Type == "matching_request.message_posted");
    }

    [Fact]
    public async Task AnInvitedSiteSeesEveryStepOfTheJobAndAnUninvitedOneNothing()
    {
        await ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var invited = await SiteAsync(coordinator.Client, "鹿児島工程詳細", 0.06, "machining.milling.machining_centre", 5, ["iso_9001"]);
        var other = await SiteAsync(coordinator.Client, "鹿児島工程他社", 0.07, "machining.milling.machining_centre", 5, ["iso_9001"]);
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var owner = await TestAccounts.SignInAsync(api, "supplier", [invited]);
        using var stranger = await TestAccounts.SignInAsync(api, "supplier", [other]);
        var step = new MatchingStepInput
        {
            ProcessCode = "machining.milling",
            MaterialCodes = ["aluminium.a5052"],
            WorkpieceXMm = 120,
            WorkpieceYMm = 80,
            WorkpieceZMm = 30,
            MassKg = 0.8,
            ToleranceUm = 10,
            RequiredCertifications = ["iso_9001"],
        };
        var id = await OpenAsync(buyer.Client, Request(step) with { Quantity = 500, Visibility = RequestVisibility.Invited });
        // The site lists no materials, so it is no candidate: a coordinator introduces it.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(coordinator.Client, $"/api/v1/matching-requests/{id}/invitations", new InvitationInput { SupplierId = invited })).StatusCode);

        var item = (await (await owner.Client.GetAsync("/api/v1/matching-requests/inbox")).ReadJsonAsync<List<InboxItem>>())!.Single(i => i.Request.Id == id);
        Assert.Equal(step, item.Request.Request.Steps.Single() with { MaterialCodes = step.MaterialCodes, RequiredCertifications = step.RequiredCertifications });
        Assert.Equal(["aluminium.a5052"], item.Request.Request.Steps[0].MaterialCodes);
        Assert.Equal(["iso_9001"], item.Request.Request.Steps[0].RequiredCertifications);
        Assert.Equal((500, 50, Request(step).DueDate), (item.Request.Request.Quantity, item.Request.Request.LotSize, item.Request.Request.DueDate));
        Assert.Null(item.Request.BuyerAccountId);
        var read = (await (await owner.Client.GetAsync($"/api/v1/matching-requests/{id}")).ReadJsonAsync<MatchingRequest>())!;
        Assert.Equal((10.0, 120.0), (read.Request.Steps[0].ToleranceUm!.Value, read.Request.Steps[0].WorkpieceXMm!.Value));
        Assert.Null(read.BuyerAccountId);

        // Another site's account neither reads the invited-only request nor finds it in its inbox.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/v1/matching-requests/{id}")).StatusCode);
        Assert.DoesNotContain((await (await stranger.Client.GetAsync("/api/v1/matching-requests/inbox")).ReadJsonAsync<List<InboxItem>>())!, i => i.Request.Id == id);
    }

    private static async Task<Guid> OpenAsync(HttpClient buyer, MatchingRequestInput request)
    {
        using var created = await buyer.PostAsJsonAsync("/api/v1/matching-requests", request, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync<MatchingRequest>())!.Id;
        Assert.Equal(HttpStatusCode.OK, (await buyer.PostAsync($"/api/v1/matching-requests/{id}/open", null)).StatusCode);
        return id;
    }

    private static async Task<List<InvitationMessage>?> ReadThreadAsync(HttpClient client, string thread)
    {
        using var response = await client.GetAsync(thread);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return await response.ReadJsonAsync<List<InvitationMessage>>();
    }

    private static string WireName(MessageAuthor author) => author == MessageAuthor.Buyer ? "buyer" : "supplier";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, Json.Options);
}
