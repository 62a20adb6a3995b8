using System.Net;
using System.Net.Http.Json;
using Registry.Contracts;
using Registry.Contracts.Matching;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.MatchingPreviewTests;

namespace Registry.IntegrationTests;

/// <summary>The saved request's lifecycle: every transition, every refusal, and who may see it.</summary>
[Collection(SharedApi.Name)]
public sealed class MatchingRequestTests(RegistryApiFactory api)
{
    [Fact]
    public async Task ADraftIsEditedWithIfMatchThenOpenedClosedAndAwardedToASnapshottedCandidate()
    {
        await MatchingPreviewTests.ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var supplier = await SiteAsync(coordinator.Client, "鹿児島研削", 0.02, "machining.grinding.cylindrical", 2, []);
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var other = await TestAccounts.SignInAsync(api, "member");

        using var created = await buyer.Client.PostAsJsonAsync("/api/v1/matching-requests", Request(Step("machining.grinding")), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = (await created.ReadJsonAsync<MatchingRequest>())!;
        Assert.Equal((RequestStatus.Draft, 1, "\"1\""), (draft.Status, draft.Version, created.Headers.ETag?.Tag));
        Assert.Equal($"/api/v1/matching-requests/{draft.Id}", created.Headers.Location?.OriginalString);
        var path = $"/api/v1/matching-requests/{draft.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(path)).StatusCode);

        var changed = Request(Step("machining.grinding", tolerance: 5)) with { Title = "研削の見積" };
        Assert.Equal((HttpStatusCode)428, (await Sites.PutAsync(buyer.Client, path, changed, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Sites.PutAsync(buyer.Client, path, changed, 7)).StatusCode);
        using var updated = await Sites.PutAsync(buyer.Client, path, changed, 1);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("研削の見積", (await updated.ReadJsonAsync<MatchingRequest>())!.Request.Title);
        await Revalidation.AssertAsync(buyer.Client, path, 2);

        var opened = await TransitionAsync(buyer.Client, path, "open", HttpStatusCode.OK);
        Assert.Equal(RequestStatus.Open, opened!.Status);
        Assert.NotNull(opened.OpenedAt);
        // Open and public: other members see it, without the buyer.
        var seen = (await (await other.Client.GetAsync(path)).ReadJsonAsync<MatchingRequest>())!;
        Assert.Null(seen.BuyerAccountId);
        Assert.Equal(HttpStatusCode.NotFound, (await TransitionRawAsync(other.Client, path, "close")).StatusCode);

        using var edit = await Sites.PutAsync(buyer.Client, path, changed, opened.Version);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("この依頼は「募集中」です", await edit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await TransitionRawAsync(buyer.Client, path, "open")).StatusCode);

        Assert.Equal(RequestStatus.Closed, (await TransitionAsync(buyer.Client, path, "close", HttpStatusCode.OK))!.Status);
        using var stranger = await buyer.Client.PostAsJsonAsync(path + "/award", new AwardInput { SupplierId = Guid.CreateVersion7() }, Json.Options);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        using var award = await buyer.Client.PostAsJsonAsync(path + "/award", new AwardInput { SupplierId = supplier }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, award.StatusCode);
        var awarded = (await award.ReadJsonAsync<MatchingRequest>())!;
        Assert.Equal((RequestStatus.Awarded, supplier), (awarded.Status, awarded.AwardedSupplierId));
        using var late = await TransitionRawAsync(buyer.Client, path, "cancel");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("この依頼は「発注先決定」です", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var audit = await coordinator.Client.GetAsync($"/api/v1/audit-log?resource=matching_request&resourceId={draft.Id}");
        var actions = await audit.Content.ReadAsStringAsync();
        foreach (var action in new[] { "matching_request.created", "matching_request.updated", "matching_request.opened", "matching_request.closed", "matching_request.awarded" })
        {
            Assert.Contains(action, actions, StringComparison.Ordinal);
        }

        // The same changes as events: a public request's become readable to members once it opens; refusals left none.
        var events = await Outboxed.OfAsync(api, draft.Id);
        Assert.Equal(
            [
                ("matching_request.created", 1, "coordinators"), ("matching_request.updated", 2, "coordinators"),
                ("matching_request.opened", 3, "members"), ("matching_request.closed", 4, "members"), ("matching_request.awarded", 5, "members"),
            ],
            events.Select(e => (e.Type, e.Version ?? 0, e.Visibility)));
        Assert.Equal(["request"], events[1].Changed);
        Assert.Equal(["openedAt", "status"], events[2].Changed);
    }

    [Fact]
    public async Task AnInvitedOnlyRequestStaysHiddenFromOtherMembersAndItsMatchesAreTheBuyersToAsk()
    {
        await MatchingPreviewTests.ArchiveTestSitesAsync(api);
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var supplier = await SiteAsync(coordinator.Client, "鹿児島放電", 0.04, "machining.edm.wire", 3, []);
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var other = await TestAccounts.SignInAsync(api, "member");
        using var created = await buyer.Client.PostAsJsonAsync("/api/v1/matching-requests",
            Request(Step("machining.edm"), Step("inspection.ndt.ultrasonic")) with { Visibility = RequestVisibility.Invited }, Json.Options);
        var path = $"/api/v1/matching-requests/{(await created.ReadJsonAsync<MatchingRequest>())!.Id}";
        await TransitionAsync(buyer.Client, path, "open", HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(path + "/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync(path)).StatusCode);

        var matches = (await (await buyer.Client.GetAsync(path + "/matches")).ReadJsonAsync<StepMatchesResult>())!;
        Assert.Contains(matches.Steps[0].Candidates, c => c.SupplierId == supplier);
        Assert.False(matches.Steps[1].Doable);
        var chains = (await (await buyer.Client.GetAsync(path + "/chains")).ReadJsonAsync<ChainsResult>())!;
        Assert.Equal([1], chains.Chains[0].Gaps);

        var mine = (await (await buyer.Client.GetAsync("/api/v1/matching-requests")).ReadJsonAsync<Page<MatchingRequest>>())!;
        Assert.Contains(mine.Items, r => path.EndsWith(r.Id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain((await (await other.Client.GetAsync("/api/v1/matching-requests")).ReadJsonAsync<Page<MatchingRequest>>())!.Items,
            r => path.EndsWith(r.Id.ToString(), StringComparison.Ordinal));
    }

    private static async Task<MatchingRequest?> TransitionAsync(HttpClient client, string path, string action, HttpStatusCode expected)
    {
        using var response = await TransitionRawAsync(client, path, action);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync<MatchingRequest>();
    }

    private static Task<HttpResponseMessage> TransitionRawAsync(HttpClient client, string path, string action) =>
        client.PostAsync($"{path}/{action}", null);
}
