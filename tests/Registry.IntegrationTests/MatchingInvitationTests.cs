using System.Net;
using System.Net.Http.Json;
using Registry.Contracts.Matching;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.MatchingPreviewTests;

namespace Registry.IntegrationTests;

/// <summary>Invitations, answers, introductions, the supplier's inbox, and who may see an invited-only request.</summary>
[Collection(SharedApi.Name)]
public sealed class MatchingInvitationTests(RegistryApiFactory api)
{
    [Fact]
    public async Task TheBuyerInvitesTheSupplierAnswersAndIsShortlistedAndAwarded()
    {
        await MatchingPreviewTests.ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var invited = await SiteAsync(coordinator.Client, "鹿児島招待工場", 0.06, "machining.milling.machining_centre", 5, []);
        var uninvited = await SiteAsync(coordinator.Client, "鹿児島未招待", 0.08, "machining.milling.machining_centre", 5, []);
        var elsewhere = await SiteAsync(coordinator.Client, "鹿児島紹介先", 0.09, "joining.welding.tig", 5, []);
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var owner = await TestAccounts.SignInAsync(api, "supplier", [invited]);
        using var stranger = await TestAccounts.SignInAsync(api, "supplier", [uninvited]);

        using var created = await buyer.Client.PostAsJsonAsync("/api/v1/matching-requests",
            Request(Step("machining.milling")) with { Visibility = RequestVisibility.Invited }, Json.Options);
        var path = $"/api/v1/matching-requests/{(await created.ReadJsonAsync<MatchingRequest>())!.Id}";
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(buyer.Client, path + "/invitations", new InvitationInput { SupplierId = invited })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await buyer.Client.PostAsync(path + "/open", null)).StatusCode);

        using var invitation = await PostAsync(buyer.Client, path + "/invitations", new InvitationInput { SupplierId = invited });
        Assert.Equal(HttpStatusCode.Created, invitation.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(buyer.Client, path + "/invitations", new InvitationInput { SupplierId = elsewhere })).StatusCode);
        // A coordinator introduces a site the buyer's search did not find.
        using var introduction = await PostAsync(coordinator.Client, path + "/invitations", new InvitationInput { SupplierId = elsewhere });
        Assert.True((await introduction.ReadJsonAsync<Invitation>())!.Introduced);

        // The invited site's account sees the request and finds it in its inbox; an uninvited one gets 404.
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync(path + "/matches")).StatusCode);
        var inbox = (await (await owner.Client.GetAsync("/api/v1/matching-requests/inbox")).ReadJsonAsync<List<InboxItem>>())!;
        Assert.Contains(inbox, i => path.EndsWith(i.Request.Id.ToString(), StringComparison.Ordinal) && i.Invitation.Status == InvitationStatus.Invited);
        Assert.Null(inbox[0].Request.BuyerAccountId);
        Assert.Empty((await (await stranger.Client.GetAsync("/api/v1/matching-requests/inbox")).ReadJsonAsync<List<InboxItem>>())!);

        // Only the site's own accounts answer for it; a question keeps the invitation open.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(stranger.Client, path + "/answer", new AnswerInput { SupplierId = invited, Answer = InvitationAnswer.Interested })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(buyer.Client, path + "/shortlist", new InvitationInput { SupplierId = invited })).StatusCode);
        var asked = (await (await PostAsync(owner.Client, path + "/answer", new AnswerInput { SupplierId = invited, Answer = InvitationAnswer.Question, Question = "材質証明は必要ですか" })).ReadJsonAsync<Invitation>())!;
        Assert.Equal((InvitationStatus.Invited, "材質証明は必要ですか"), (asked.Status, asked.Question));
        var interested = (await (await PostAsync(owner.Client, path + "/answer", new AnswerInput { SupplierId = invited, Answer = InvitationAnswer.Interested })).ReadJsonAsync<Invitation>())!;
        Assert.Equal(InvitationStatus.Interested, interested.Status);

        var shortlisted = (await (await PostAsync(buyer.Client, path + "/shortlist", new InvitationInput { SupplierId = invited })).ReadJsonAsync<Invitation>())!;
        Assert.Equal(InvitationStatus.Shortlisted, shortlisted.Status);
        var listed = (await (await buyer.Client.GetAsync(path + "/invitations")).ReadJsonAsync<List<Invitation>>())!;
        Assert.Equal([invited, elsewhere], listed.Select(i => i.SupplierId));

        Assert.Equal(HttpStatusCode.OK, (await buyer.Client.PostAsync(path + "/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(owner.Client, path + "/answer", new AnswerInput { SupplierId = invited, Answer = InvitationAnswer.Declined })).StatusCode);
        // The introduced site was never a snapshotted candidate, but an invited one can be awarded.
        using var award = await PostAsync(buyer.Client, path + "/award", new AwardInput { SupplierId = elsewhere });
        Assert.Equal(HttpStatusCode.OK, award.StatusCode);

        // Every transition went through the outbox, in commit order; refused ones left nothing. Who was invited and
        // what they answered stays with coordinators, as does all of an invited-only request.
        var events = await Outboxed.OfAsync(api, (await award.ReadJsonAsync<MatchingRequest>())!.Id);
        Assert.Equal(
            [
                ("matching_request.created", (Guid?)null), ("matching_request.opened", null), ("matching_request.invited", invited),
                ("matching_request.introduced", elsewhere), ("matching_request.answered", invited), ("matching_request.message_posted", invited),
                ("matching_request.answered", invited),
                ("matching_request.shortlisted", invited), ("matching_request.closed", null), ("matching_request.awarded", elsewhere),
            ],
            events.Select(e => (e.Type, e.SupplierId)));
        Assert.All(events, e => Assert.Equal("coordinators", e.Visibility));
        // The question also opened the invitation's thread (MatchingThreadTests).
        Assert.Equal(["answeredAt", "question"], events[4].Changed);
        Assert.Equal(["answeredAt", "status"], events[6].Changed);
        Assert.Equal(["awardedSupplierId", "status"], events[^1].Changed);
        using var payload = System.Text.Json.JsonDocument.Parse(events[^1].Payload!);
        Assert.Equal(("awarded", System.Text.Json.JsonValueKind.Null), (payload.RootElement.GetProperty("status").GetString(),
            payload.RootElement.GetProperty("buyerAccountId").ValueKind));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body, Json.Options);
}
