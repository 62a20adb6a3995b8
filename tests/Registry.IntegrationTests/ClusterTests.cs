using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Registry.Api.Suppliers;
using Registry.Contracts;
using Registry.Contracts.Clusters;
using Registry.Contracts.Matching;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.OrderTests;

namespace Registry.IntegrationTests;

/// <summary>
/// Clusters, membership, themes, consortium proposals and coverage, on sites of their own in Oita (prefecture 44,
/// which no other test uses), so that counts can be computed by hand.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class ClusterTests(RegistryApiFactory api)
{
    private static readonly string s_oita = Municipality("44201");
    private static readonly string s_beppu = Municipality("44202");
    private static readonly GeoLocation s_oitaHall = new() { Lat = 33.2382, Lon = 131.6126 };
    private static readonly GeoLocation s_beppuHall = new() { Lat = 33.2846, Lon = 131.4914 };
    private static readonly string[] s_chain = ["machining.turning", "heat_treatment", "surface.plating", "inspection.cmm"];

    [Fact]
    public async Task ACoordinatorRunsAClusterFromDraftToArchiveAndOthersSeeItOnlyWhilePublished()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        using var otherCoordinator = await TestAccounts.SignInAsync(api, "coordinator");
        using var member = await TestAccounts.SignInAsync(api, "member");
        using var anonymous = api.CreateClient();
        var code = "oita-" + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync("/api/v1/clusters", Input(code), Json.Options)).StatusCode);
        using var bad = await coordinator.Client.PostAsJsonAsync("/api/v1/clusters", Input(code) with { ValueChain = ["machining.nothing"] }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("valueChain", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var created = await coordinator.Client.PostAsJsonAsync("/api/v1/clusters", Input(code), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cluster = (await created.ReadJsonAsync<Cluster>())!;
        Assert.Equal((ClusterStatus.Draft, 1), (cluster.Status, cluster.Version));
        Assert.Equal([coordinator.Id], cluster.CoordinatorAccountIds);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.Client.PostAsJsonAsync("/api/v1/clusters", Input(code), Json.Options)).StatusCode);
        var path = $"/api/v1/clusters/{cluster.Id}";
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);

        // Only its own coordinators edit it, with If-Match.
        var renamed = Input(code) with { NameJa = "大分精密クラスター" };
        Assert.Equal(HttpStatusCode.NotFound, (await Sites.PutAsync(otherCoordinator.Client, path, renamed, 1)).StatusCode);
        Assert.Equal((HttpStatusCode)428, (await Sites.PutAsync(coordinator.Client, path, renamed, null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Sites.PutAsync(coordinator.Client, path, renamed, 5)).StatusCode);
        using var updated = await Sites.PutAsync(coordinator.Client, path, renamed, 1);
        Assert.Equal("大分精密クラスター", (await updated.ReadJsonAsync<Cluster>())!.NameJa);
        await Revalidation.AssertAsync(coordinator.Client, path, 2);

        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.PostAsync(path + "/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.Client.PostAsync(path + "/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path)).StatusCode);
        var listed = (await (await anonymous.GetAsync("/api/v1/clusters?sector=automotive_parts&limit=200")).ReadJsonAsync<Page<Cluster>>())!;
        Assert.Contains(listed.Items, c => c.Id == cluster.Id);

        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.PostAsync(path + "/archive", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);

        // Drafts stay with coordinators in the feed; publication is public; archiving a published cluster is its tombstone.
        var events = await Outboxed.OfAsync(api, cluster.Id);
        Assert.Equal(
            [("cluster.created", "coordinators", true), ("cluster.updated", "coordinators", true), ("cluster.published", "public", true), ("cluster.archived", "public", false)],
            events.Select(e => (e.Type, e.Visibility, e.Payload is not null)));
        Assert.Equal(["nameJa"], events[1].Changed);
    }

    [Fact]
    public async Task CoverageCountsSitesPerStepByMunicipalityNamesTheGapsAndHidesCapacityFromMembers()
    {
        var (cluster, _, coordinator) = await OitaClusterAsync();
        using var member = await TestAccounts.SignInAsync(api, "member");

        var asMember = await GetAsync<ClusterCoverage>(member.Client, $"/api/v1/clusters/{cluster.Id}/coverage");
        Assert.Equal([2, 1, 1, 0], asMember.Steps.Select(s => s.Sites));
        Assert.Equal([3], asMember.Gaps);
        Assert.Equal([1, 0, 0, 0], asMember.Steps.Select(s => s.Verified));
        // The turner in Beppu declares 20 % spare capacity to coordinators only.
        Assert.Equal((1, 40.0), (asMember.Steps[0].WithSpareCapacity, asMember.Steps[0].SpareCapacityAvgPct!.Value));
        Assert.Equal([(s_oita, 1), (s_beppu, 1)], asMember.Steps[0].ByMunicipality.Select(m => (m.MunicipalityCode!, m.Sites)).OrderBy(m => m.Item1 == s_beppu));
        Assert.Equal([2, 1, 1, 0], asMember.Steps.Select(s => s.Members!.Value));

        var asCoordinator = await GetAsync<ClusterCoverage>(coordinator.Client, $"/api/v1/clusters/{cluster.Id}/coverage");
        Assert.Equal((2, 30.0), (asCoordinator.Steps[0].WithSpareCapacity, asCoordinator.Steps[0].SpareCapacityAvgPct!.Value));

        // Region-wide, by family, with the region's indicators.
        var region = await GetAsync<RegionCoverage>(member.Client, "/api/v1/analytics/coverage?prefecture=44");
        Assert.Equal(3, region.Families.Single(f => f.ProcessCode == "machining").Sites);
        Assert.Contains("inspection", region.Gaps);
        Assert.Equal((4, 4, 1, 0), (region.Indicators.PublishedSites, region.Indicators.OnlineOrdering, region.Indicators.Edi, region.Indicators.FaxOnly));
        Assert.Equal((2, 2), (region.Indicators.CapacityKnown, region.Indicators.ContractWorkOpen));
        Assert.Equal([("ginou.lathe.1", 4, 1)], region.Indicators.QualifiedStaff.Select(q => (q.QualificationCode, q.Headcount, q.Sites)));
        var anonymous = await GetAsync<RegionCoverage>(api.CreateClient(), "/api/v1/analytics/coverage?prefecture=44");
        Assert.Equal((0, 0, 0), (anonymous.Indicators.StaffKnown, anonymous.Indicators.CapacityKnown, anonymous.Families.Single(f => f.ProcessCode == "machining").WithSpareCapacity));
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.GetAsync("/api/v1/analytics/coverage?prefecture=99")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.GetAsync("/api/v1/analytics/coverage?withinKm=5")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.GetAsync("/api/v1/analytics/coverage?lat=33.2&lon=131.6")).StatusCode);
    }

    [Fact]
    public async Task SitesApplyCoordinatorsAcceptAndTheMemberListSaysWhichStepsEachCovers()
    {
        var (cluster, sites, coordinator) = await OitaClusterAsync(members: false);
        using var owner = await TestAccounts.SignInAsync(api, "supplier", [sites.Turner]);
        using var anonymous = api.CreateClient();
        var path = $"/api/v1/clusters/{cluster.Id}/members";

        using var foreign = await owner.Client.PostAsJsonAsync(path, new MembershipInput { SupplierId = sites.Plater }, Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        using var applied = await owner.Client.PostAsJsonAsync(path, new MembershipInput { SupplierId = sites.Turner, Note = "旋盤で参加したい" }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal(MembershipStatus.Applied, (await applied.ReadJsonAsync<ClusterMember>())!.Status);
        Assert.Empty(await GetAsync<List<ClusterMember>>(anonymous, path));
        Assert.Single(await GetAsync<List<ClusterMember>>(coordinator.Client, path));
        Assert.Equal([MembershipStatus.Applied], (await GetAsync<List<ClusterMember>>(owner.Client, path)).Select(m => m.Status));

        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.PostAsync($"{path}/{sites.Turner}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.Client.PostAsync($"{path}/{sites.Turner}/accept", null)).StatusCode);
        await coordinator.Client.PostAsJsonAsync(path, new MembershipInput { SupplierId = sites.HeatTreater }, Json.Options);
        var listed = await GetAsync<List<ClusterMember>>(anonymous, path);
        Assert.Equal(
            [(sites.HeatTreater, new[] { 0, 1 }), (sites.Turner, new[] { 0 })],
            listed.Select(m => (m.SupplierId, m.CoveredSteps.ToArray())).OrderBy(m => m.SupplierId == sites.Turner));
        Assert.Equal(2, (await GetAsync<Cluster>(anonymous, $"/api/v1/clusters/{cluster.Id}")).MemberCount);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"{path}/{sites.Turner}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.DeleteAsync($"{path}/{sites.HeatTreater}")).StatusCode);
        Assert.Equal([sites.HeatTreater], (await GetAsync<List<ClusterMember>>(anonymous, path)).Select(m => m.SupplierId));
    }

    [Fact]
    public async Task OnlyTheClustersOwnCoordinatorsAddMembersOrSitesToItsThemes()
    {
        var (cluster, sites, coordinator) = await OitaClusterAsync();
        using var other = await TestAccounts.SignInAsync(api, "coordinator");
        using var admin = await TestAccounts.SignInAsync(api, "admin");
        var path = $"/api/v1/clusters/{cluster.Id}/members";

        // Another coordinator (of other clusters) neither adds a site to this one, published or draft …
        using var added = await other.Client.PostAsJsonAsync(path, new MembershipInput { SupplierId = sites.Outsider }, Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, added.StatusCode);
        Assert.Equal("application/problem+json", added.Content.Headers.ContentType?.MediaType);
        using var draftCreated = await coordinator.Client.PostAsJsonAsync("/api/v1/clusters", Input("oita-d-" + Guid.NewGuid().ToString("N")[..8]), Json.Options);
        var draft = (await draftCreated.ReadJsonAsync<Cluster>())!;
        using var toDraft = await other.Client.PostAsJsonAsync($"/api/v1/clusters/{draft.Id}/members", new MembershipInput { SupplierId = sites.Outsider }, Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, toDraft.StatusCode);
        // … nor accepts, removes or adds to its themes.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.DeleteAsync($"{path}/{sites.Plater}")).StatusCode);
        using var theme = await coordinator.Client.PostAsJsonAsync($"/api/v1/clusters/{cluster.Id}/themes",
            new ThemeInput { Kind = ThemeKind.JointOrder, Title = "共同受注", Steps = ["machining.turning", "surface.plating"] }, Json.Options);
        var themeId = (await theme.ReadJsonAsync<Theme>())!.Id;
        using var joined = await other.Client.PostAsJsonAsync($"/api/v1/clusters/{cluster.Id}/themes/{themeId}/participants",
            new MembershipInput { SupplierId = sites.Plater }, Json.Options);
        Assert.Equal(HttpStatusCode.Forbidden, joined.StatusCode);
        Assert.DoesNotContain(sites.Outsider, (await GetAsync<List<ClusterMember>>(coordinator.Client, path)).Select(m => m.SupplierId));

        // An admin may; an archived cluster takes nobody.
        using var byAdmin = await admin.Client.PostAsJsonAsync(path, new MembershipInput { SupplierId = sites.Outsider }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.PostAsync($"/api/v1/clusters/{draft.Id}/archive", null)).StatusCode);
        using var toArchived = await coordinator.Client.PostAsJsonAsync($"/api/v1/clusters/{draft.Id}/members", new MembershipInput { SupplierId = sites.Outsider }, Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, toArchived.StatusCode);
    }

    [Fact]
    public async Task AJointOrderThemeMovesThroughItsStatesAndGetsAConsortiumThatNamesWhatNoMemberCovers()
    {
        var (cluster, sites, coordinator) = await OitaClusterAsync();
        using var owner = await TestAccounts.SignInAsync(api, "supplier", [sites.Plater]);
        using var member = await TestAccounts.SignInAsync(api, "member");
        var themes = $"/api/v1/clusters/{cluster.Id}/themes";

        using var refused = await coordinator.Client.PostAsJsonAsync(themes, new ThemeInput { Kind = ThemeKind.JointDevelopment, Title = "x", Steps = ["machining"] }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync(themes, new ThemeInput { Kind = ThemeKind.JointOrder, Title = "x" }, Json.Options)).StatusCode);
        using var created = await coordinator.Client.PostAsJsonAsync(themes, new ThemeInput
        {
            Kind = ThemeKind.JointOrder,
            Title = "共同受注: 油圧シャフト",
            Goal = "地域内で一貫生産",
            Milestones = [new Milestone { Title = "見積提出", DueDate = new DateOnly(2027, 1, 15) }],
        }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var theme = (await created.ReadJsonAsync<Theme>())!;
        Assert.Equal(ThemeStatus.Proposed, theme.Status);
        Assert.Equal(s_chain, theme.Steps);
        var path = $"{themes}/{theme.Id}";
        await Revalidation.AssertAsync(coordinator.Client, path, 1);

        // The heat treater also turns: one firm for the first two steps beats a handover; nobody inspects.
        var proposal = await GetAsync<ConsortiumProposal>(member.Client, path + "/consortium");
        Assert.Equal([sites.HeatTreater, sites.HeatTreater, sites.Plater, null], proposal.Chain.Steps.Select(s => s.SupplierId));
        Assert.Equal([3], proposal.Chain.Gaps);
        Assert.Equal((0.75, 2), (proposal.Chain.Completeness, proposal.Chain.Firms));

        // Participants are accepted members joining through their own accounts.
        using var joined = await owner.Client.PostAsJsonAsync(path + "/participants", new MembershipInput { SupplierId = sites.Plater }, Json.Options);
        Assert.Equal([sites.Plater], (await joined.ReadJsonAsync<Theme>())!.Participants.Select(p => p.SupplierId));
        using var outsider = await coordinator.Client.PostAsJsonAsync(path + "/participants", new MembershipInput { SupplierId = sites.Outsider }, Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, outsider.StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.Client.PostAsync(path + "/complete", null)).StatusCode);
        Assert.Equal(ThemeStatus.Active, (await (await coordinator.Client.PostAsync(path + "/activate", null)).ReadJsonAsync<Theme>())!.Status);
        using var edit = await Sites.PutAsync(coordinator.Client, path, new ThemeInput
        {
            Kind = ThemeKind.JointOrder,
            Title = "共同受注: 油圧シャフト",
            Steps = ["machining.turning", "surface.plating"],
            Milestones = [new Milestone { Title = "見積提出", DueDate = new DateOnly(2027, 1, 15), Done = true }],
        }, 2);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var narrowed = await GetAsync<ConsortiumProposal>(member.Client, path + "/consortium");
        Assert.Equal((1.0, 0), (narrowed.Chain.Completeness, narrowed.Chain.Gaps.Count));
        Assert.Equal(ThemeStatus.Completed, (await (await coordinator.Client.PostAsync(path + "/complete", null)).ReadJsonAsync<Theme>())!.Status);
        using var late = await coordinator.Client.PostAsync(path + "/drop", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("このテーマは「完了」です", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var development = (await (await coordinator.Client.PostAsJsonAsync(themes, new ThemeInput { Kind = ThemeKind.JointDevelopment, Title = "共同開発" }, Json.Options))
            .ReadJsonAsync<Theme>())!;
        Assert.Equal(HttpStatusCode.Conflict, (await member.Client.GetAsync($"{themes}/{development.Id}/consortium")).StatusCode);
        Assert.Equal(2, (await GetAsync<List<Theme>>(member.Client, themes)).Count);
        Assert.Equal(
            ["theme.created", "theme.participant_joined", "theme.activated", "theme.updated", "theme.completed"],
            (await Outboxed.OfAsync(api, theme.Id)).Select(e => e.Type));
    }

    [Fact]
    public async Task DemandGapsCountTheStepsOpenedRequestsFoundNoOrFewSuppliersFor()
    {
        var (_, _, coordinator) = await OitaClusterAsync(members: false);
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        var request = new MatchingRequestInput
        {
            Title = "大分の部品",
            Steps =
            [
                new MatchingStepInput { ProcessCode = "machining.turning", WorkpieceXMm = 120 },
                new MatchingStepInput { ProcessCode = "inspection.cmm", RequiredCertifications = ["jisq_9100"] },
            ],
            Weights = new QcdWeights { Quality = 0.4, Cost = 0.3, Delivery = 0.3 },
            Region = new MatchingRegion { Centre = s_oitaHall, RadiusKm = 20, Prefectures = ["44"] },
        };
        using var created = await buyer.Client.PostAsJsonAsync("/api/v1/matching-requests", request, Json.Options);
        var id = (await created.ReadJsonAsync<MatchingRequest>())!.Id;
        var before = await GetAsync<DemandGaps>(coordinator.Client, "/api/v1/analytics/demand");
        Assert.Equal(HttpStatusCode.OK, (await buyer.Client.PostAsync($"/api/v1/matching-requests/{id}/open", null)).StatusCode);

        var after = await GetAsync<DemandGaps>(coordinator.Client, "/api/v1/analytics/demand");
        Assert.Equal(before.Requests + 1, after.Requests);
        DemandRow Row(IReadOnlyList<DemandRow> rows, string key) => rows.SingleOrDefault(r => r.Key == key) ?? new DemandRow { Key = key, Asked = 0, Unserved = 0, Thin = 0 };
        void Grew(IReadOnlyList<DemandRow> was, IReadOnlyList<DemandRow> now, string key, int asked, int unserved, int thin) =>
            Assert.Equal((asked, unserved, thin), (Row(now, key).Asked - Row(was, key).Asked, Row(now, key).Unserved - Row(was, key).Unserved, Row(now, key).Thin - Row(was, key).Thin));
        // Two turners within 20 km: thin. Nobody inspects: unserved.
        Grew(before.Processes, after.Processes, "machining.turning", 1, 0, 1);
        Grew(before.Processes, after.Processes, "inspection.cmm", 1, 1, 0);
        Grew(before.Certifications, after.Certifications, "jisq_9100", 1, 1, 0);
        Grew(before.Envelopes, after.Envelopes, "≤500", 1, 0, 1);
        Grew(before.Municipalities, after.Municipalities, s_oita, 2, 1, 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.Client.GetAsync("/api/v1/analytics/demand")).StatusCode);
    }

    [Fact]
    public async Task AMemberProposesAThemeItsPartnersAnswerAndTheCoordinatorsReturnThenAdoptIt()
    {
        var (cluster, sites, coordinator) = await OitaClusterAsync();
        using var _ = coordinator;
        using var turner = await TestAccounts.SignInAsync(api, "supplier", [sites.Turner]);
        using var plater = await TestAccounts.SignInAsync(api, "supplier", [sites.Plater]);
        using var heat = await TestAccounts.SignInAsync(api, "supplier", [sites.HeatTreater]);
        using var outsider = await TestAccounts.SignInAsync(api, "supplier", [sites.Outsider]);
        var themes = $"/api/v1/clusters/{cluster.Id}/themes";
        var proposal = new ThemeProposalInput
        {
            SupplierId = sites.Turner,
            Kind = ThemeKind.JointDevelopment,
            Title = "EV 用シャフトの共同開発",
            Goal = "旋削とめっきの一貫で試作期間を半分に",
            InvitedSupplierIds = [sites.Plater, sites.HeatTreater],
        };

        // Only a member proposes, through its own site; partners must be other members.
        Assert.Equal(HttpStatusCode.Forbidden, (await turner.Client.PostAsJsonAsync(themes + "/proposals", proposal with { SupplierId = sites.Plater }, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await outsider.Client.PostAsJsonAsync(themes + "/proposals", proposal with { SupplierId = sites.Outsider }, Json.Options)).StatusCode);
        using (var stranger = await turner.Client.PostAsJsonAsync(themes + "/proposals", proposal with { InvitedSupplierIds = [sites.Outsider] }, Json.Options))
        {
            Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
            Assert.Contains("invitedSupplierIds", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var proposed = await turner.Client.PostAsJsonAsync(themes + "/proposals", proposal, Json.Options);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var theme = (await proposed.ReadJsonAsync<Theme>())!;
        Assert.Equal((ThemeStatus.Proposed, sites.Turner), (theme.Status, theme.ProposedBy!.SupplierId));
        Assert.Equal([sites.Turner], theme.Participants.Select(p => p.SupplierId));
        Assert.All(theme.Invitations, i => Assert.Equal(ThemeInvitationStatus.Invited, i.Status));
        var path = $"{themes}/{theme.Id}";

        // The partners answer: one accepts and joins, one declines with a reason; nobody answers for another.
        Assert.Equal(HttpStatusCode.NotFound, (await turner.Client.PostAsync($"{path}/invitations/{sites.Plater}/accept", null)).StatusCode);
        using (var accepted = await plater.Client.PostAsync($"{path}/invitations/{sites.Plater}/accept", null))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using (var declined = await heat.Client.PostAsJsonAsync($"{path}/invitations/{sites.HeatTreater}/decline", new ThemeReasonInput { Reason = "今期は設備更新中のため" }, Json.Options))
        {
            theme = (await declined.ReadJsonAsync<Theme>())!;
        }

        Assert.Equal(HttpStatusCode.Conflict, (await plater.Client.PostAsync($"{path}/invitations/{sites.Plater}/accept", null)).StatusCode);
        Assert.Equal([sites.Turner, sites.Plater], theme.Participants.Select(p => p.SupplierId));
        Assert.Equal("今期は設備更新中のため", theme.Invitations.Single(i => i.SupplierId == sites.HeatTreater).Reason);

        // The coordinators return it with a reason; the proposer changes it and proposes it again; then it is adopted.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(turner.Client, HttpMethod.Post, path + "/return", new ThemeReasonInput { Reason = "x" }, theme.Version)).StatusCode);
        using (var returned = await SendAsync(coordinator.Client, HttpMethod.Post, path + "/return", new ThemeReasonInput { Reason = "目標の数値を入れてください" }, theme.Version))
        {
            theme = (await returned.ReadJsonAsync<Theme>())!;
        }

        Assert.Equal((ThemeStatus.Returned, "目標の数値を入れてください"), (theme.Status, theme.ReturnReason));
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.Client.PostAsync(path + "/activate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(plater.Client, HttpMethod.Put, path + "/proposal", proposal with { SupplierId = sites.Plater }, theme.Version)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(turner.Client, HttpMethod.Put, path + "/proposal", proposal, theme.Version - 1)).StatusCode);
        using (var revised = await SendAsync(turner.Client, HttpMethod.Put, path + "/proposal",
            proposal with { Goal = "試作期間を 40 日から 20 日に", InvitedSupplierIds = [sites.Plater] }, theme.Version))
        {
            Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
            theme = (await revised.ReadJsonAsync<Theme>())!;
        }

        Assert.Equal((ThemeStatus.Proposed, (string?)null), (theme.Status, theme.ReturnReason));
        // The answered invitations keep their answers.
        Assert.Equal([ThemeInvitationStatus.Accepted, ThemeInvitationStatus.Declined], theme.Invitations.OrderBy(i => i.SupplierId == sites.HeatTreater).Select(i => i.Status));
        using (var adopted = await coordinator.Client.PostAsync(path + "/activate", null))
        {
            Assert.Equal(ThemeStatus.Active, (await adopted.ReadJsonAsync<Theme>())!.Status);
        }

        var events = await Outboxed.OfAsync(api, theme.Id);
        Assert.Equal(["theme.proposed", "theme.invitation_accepted", "theme.invitation_declined", "theme.returned", "theme.proposal_revised", "theme.activated"],
            events.Select(e => e.Type));
    }

    private sealed record OitaSites(Guid Turner, Guid HeatTreater, Guid Plater, Guid Outsider);

    /// <summary>
    /// A published cluster over Oita and Beppu with four sites, the only published ones in prefecture 44: a verified
    /// turner in Oita (40 % spare), a turner and heat treater in Beppu (20 % spare, shown to coordinators only), a plater
    /// in Oita, and an outsider grinding in Oita; the first three are members unless told otherwise.
    /// </summary>
    private async Task<(Cluster Cluster, OitaSites Sites, TestAccounts.SignedIn Coordinator)> OitaClusterAsync(bool members = true)
    {
        await Sites.ArchiveAllInAsync(api, "44");
        var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var turner = await SiteAsync(coordinator.Client, "大分旋削", s_oitaHall, s_oita, ["machining.turning.cnc"], spare: 40, capacityLevel: DisclosureLevel.Members, edi: true);
        await Sites.AddAsync<StaffQualification>(coordinator.Client, turner, "staff", new StaffInput { QualificationCode = "ginou.lathe.1", Headcount = 4 });
        using (var verified = await coordinator.Client.PostAsync($"/api/v1/suppliers/{turner}/verify", null))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        var heat = await SiteAsync(coordinator.Client, "別府熱処理", s_beppuHall, s_beppu, ["machining.turning.cnc", "heat_treatment.quench_temper"], spare: 20, capacityLevel: DisclosureLevel.Coordinators);
        var plater = await SiteAsync(coordinator.Client, "大分めっき", Near(s_oitaHall, 0.01), s_oita, ["surface.plating.zinc"], spare: null, capacityLevel: DisclosureLevel.Members);
        var outsider = await SiteAsync(coordinator.Client, "大分研削", Near(s_oitaHall, 0.02), s_oita, ["machining.grinding.surface"], spare: null, capacityLevel: DisclosureLevel.Coordinators);
        using var created = await coordinator.Client.PostAsJsonAsync("/api/v1/clusters", Input("oita-" + Guid.NewGuid().ToString("N")[..8]), Json.Options);
        var cluster = (await created.ReadJsonAsync<Cluster>())!;
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.PostAsync($"/api/v1/clusters/{cluster.Id}/publish", null)).StatusCode);
        if (members)
        {
            foreach (var site in new[] { turner, heat, plater })
            {
                using var added = await coordinator.Client.PostAsJsonAsync($"/api/v1/clusters/{cluster.Id}/members", new MembershipInput { SupplierId = site }, Json.Options);
                Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            }
        }

        return (cluster, new OitaSites(turner, heat, plater, outsider), coordinator);
    }

    private static ClusterInput Input(string code) => new()
    {
        Code = code,
        NameJa = "大分機械クラスター",
        NameEn = "Oita machinery cluster",
        Sector = ClusterSector.AutomotiveParts,
        Region = new MatchingRegion { Centre = s_oitaHall, RadiusKm = 25, Prefectures = ["44"] },
        ValueChain = s_chain,
    };

    private static GeoLocation Near(GeoLocation at, double offset) => new() { Lat = at.Lat + offset, Lon = at.Lon + offset };

    private static async Task<Guid> SiteAsync(
        HttpClient client, string name, GeoLocation at, string municipality, string[] processes, int? spare, DisclosureLevel capacityLevel,
        bool edi = false)
    {
        var input = Sites.Input(name, at, new Disclosure { Capacity = capacityLevel, Staff = DisclosureLevel.Members }, municipality) with
        {
            PrefectureCode = "44",
            // Separate firms: the consortium counts handovers between them.
            CorporateNumber = null,
            Capacity = new CapacityInput
            {
                ContractAcceptance = ContractAcceptance.Open,
                SpareCapacityPct = spare,
                SpareCapacityValidUntil = spare is null ? null : DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60),
                TypicalLeadDays = 14,
            },
            DigitalReadiness = new DigitalReadiness { Edi = edi, OnlineOrdering = true, FaxOnly = false },
        };
        var site = await Sites.CreateAsync(client, input);
        foreach (var process in processes)
        {
            await Sites.AddAsync<Capability>(client, site.Id, "capabilities", new CapabilityInput { ProcessCode = process, MaxXMm = 500, MaxYMm = 400, MaxZMm = 300 });
        }

        await Sites.PublishAsync(client, site.Id);
        return site.Id;
    }

    private static async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync<T>())!;
    }

    private static string Municipality(string firstFive) =>
        firstFive + CodeValidators.MunicipalityCheckDigit(firstFive).ToString(CultureInfo.InvariantCulture);
}
