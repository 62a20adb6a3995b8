using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Registry.Contracts;
using Registry.Contracts.Gatherings;
using Registry.Contracts.Matching;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.OrderTests;

namespace Registry.IntegrationTests;

/// <summary>
/// Matching meetings (DESIGN §12): a gathering's lifecycle and who sees it, registration and approval, meeting
/// requests answered by the other side (mutual when both ask), organisers' proposals and pins, and the agenda as
/// JSON and iCalendar — with the refusals.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class GatheringTests(RegistryApiFactory api)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private static readonly DateOnly s_day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(30);

    internal static GatheringInput Input(string title, int maxRequests = 10) => new()
    {
        Kind = GatheringKind.MatchingMeeting,
        TitleJa = title,
        Venue = "豊田市産業振興センター",
        VenueAddress = "愛知県豊田市西町1-200",
        HeldOn = s_day,
        Capacity = 40,
        MaxRequests = maxRequests,
        Sessions =
        [
            new GatheringSession { Label = "午前", StartsAt = "10:00", SlotMinutes = 20, Slots = 6, Tables = 4 },
            new GatheringSession { Label = "午後", StartsAt = "13:30", SlotMinutes = 30, Slots = 4, Tables = 4 },
        ],
    };

    [Fact]
    public async Task AGatheringIsADraftForCoordinatorsUntilPublishedAndRefusesBadSessions()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        using var anonymous = api.CreateClient();
        var overlapping = Input($"重なり {_tag}") with
        {
            Sessions = [new GatheringSession { StartsAt = "10:00", SlotMinutes = 30, Slots = 4, Tables = 2 }, new GatheringSession { StartsAt = "11:00", SlotMinutes = 20, Slots = 2, Tables = 2 }],
        };
        using (var refused = await coordinator.Client.PostAsJsonAsync("/api/v1/gatherings", overlapping, Json.Options))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.ReadJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sessions[1]", out _));
        }

        using var member = await TestAccounts.SignInAsync(api, "member");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync("/api/v1/gatherings", Input("x"), Json.Options)).StatusCode);

        var draft = await CreateAsync(coordinator.Client, Input($"下書き {_tag}"));
        Assert.Equal(GatheringStatus.Draft, draft.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/gatherings/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(coordinator.Client, HttpMethod.Post, $"/api/v1/gatherings/{draft.Id}/publish", null, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(coordinator.Client, HttpMethod.Post, $"/api/v1/gatherings/{draft.Id}/hold", null, draft.Version)).StatusCode);
        var published = await ActAsync(coordinator.Client, draft, "publish");
        Assert.Equal(GatheringStatus.Published, published.Status);
        var seen = (await (await anonymous.GetAsync($"/api/v1/gatherings/{draft.Id}")).ReadJsonAsync<Gathering>())!;
        Assert.Equal(("10:00", 2), (seen.Sessions[0].StartsAt, seen.Sessions.Count));
        var listed = (await (await anonymous.GetAsync($"/api/v1/gatherings?from={s_day:yyyy-MM-dd}&limit=100")).ReadJsonAsync<Page<Gathering>>())!;
        Assert.Contains(listed.Items, g => g.Id == draft.Id);

        var events = await Outboxed.OfAsync(api, draft.Id);
        Assert.Equal(["gathering.created", "gathering.published"], events.Select(e => e.Type));
        Assert.Equal(["coordinators", "public"], events.Select(e => e.Visibility));
    }

    [Fact]
    public async Task BuyersAndSuppliersRegisterRequestMeetingsAndGetTheirAgenda()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"出展 切削 {_tag}"))).Id;
        var other = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"出展 めっき {_tag}"))).Id;
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var supplier = await TestAccounts.SignInAsync(api, "supplier", [site]);
        using var second = await TestAccounts.SignInAsync(api, "supplier", [other]);
        using var stranger = await TestAccounts.SignInAsync(api, "member");
        var gathering = await ActAsync(coordinator.Client, await CreateAsync(coordinator.Client, Input($"マッチング会 {_tag}", maxRequests: 1)), "publish");
        var path = $"/api/v1/gatherings/{gathering.Id}";

        // Registration: a supplier with its own site only; a buyer with needs.
        Assert.Equal(HttpStatusCode.Forbidden, (await supplier.Client.PostAsJsonAsync(path + "/participants",
            new ParticipantInput { Role = ParticipantRole.Supplier, SupplierId = other, Sessions = [0] }, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.Client.PostAsJsonAsync(path + "/participants",
            new ParticipantInput { Role = ParticipantRole.Buyer, Sessions = [0] }, Json.Options)).StatusCode);
        var b = await RegisterAsync(buyer.Client, path, new ParticipantInput
        {
            Role = ParticipantRole.Buyer,
            Needs = [new MatchingStepInput { ProcessCode = "machining.milling" }],
            Sessions = [0, 1],
            Note = "量産の相談",
        });
        var s = await RegisterAsync(supplier.Client, path, new ParticipantInput { Role = ParticipantRole.Supplier, SupplierId = site, Shows = "5軸加工のサンプル", Sessions = [0] });
        var t = await RegisterAsync(second.Client, path, new ParticipantInput { Role = ParticipantRole.Supplier, SupplierId = other, Sessions = [0, 1] });
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.Client.PostAsJsonAsync(path + "/participants",
            new ParticipantInput { Role = ParticipantRole.Buyer, Needs = [new MatchingStepInput { ProcessCode = "machining.milling" }], Sessions = [0] }, Json.Options)).StatusCode);
        Assert.Equal(["machining.milling"], b.NeedProcesses);

        // Nobody asks for meetings before booking opens; the organisers approve the registrations.
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(buyer.Client, HttpMethod.Post, path + "/meetings", new MeetingRequestInput { WithParticipantId = s.Id }, null)).StatusCode);
        foreach (var p in new[] { b, s, t })
        {
            await ParticipantActAsync(coordinator.Client, path, p, "approve");
        }

        // Who sees whom: an approved participant sees the others without their accounts or notes; a stranger sees none.
        var seenByBuyer = (await (await buyer.Client.GetAsync(path + "/participants")).ReadJsonAsync<List<Participant>>())!;
        Assert.Equal(3, seenByBuyer.Count);
        Assert.Null(seenByBuyer.Single(p => p.Id == s.Id).AccountId);
        Assert.Equal("量産の相談", seenByBuyer.Single(p => p.Id == b.Id).Note);
        Assert.Empty((await (await stranger.Client.GetAsync(path + "/participants")).ReadJsonAsync<List<Participant>>())!);

        // Booking: the buyer asks, the supplier asking back makes it mutual and accepted.
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.Client.PostAsJsonAsync(path + "/meetings", new MeetingRequestInput { WithParticipantId = s.Id }, Json.Options)).StatusCode);
        gathering = await ActAsync(coordinator.Client, (await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<Gathering>())!, "open-booking");
        var asked = await RequestAsync(buyer.Client, path, new MeetingRequestInput { WithParticipantId = s.Id, Note = "図面を持参します" });
        Assert.Equal((MeetingStatus.Requested, MeetingRequester.Buyer), (asked.Status, asked.RequestedBy));
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(buyer.Client, HttpMethod.Post, $"{path}/meetings/{asked.Id}/accept", null, asked.Version)).StatusCode);
        var mutual = await RequestAsync(supplier.Client, path, new MeetingRequestInput { WithParticipantId = b.Id });
        Assert.Equal((asked.Id, MeetingStatus.Accepted, true), (mutual.Id, mutual.Status, mutual.Mutual));
        Assert.Equal(HttpStatusCode.Conflict, (await buyer.Client.PostAsJsonAsync(path + "/meetings", new MeetingRequestInput { WithParticipantId = s.Id }, Json.Options)).StatusCode);
        // Two suppliers of one side do not meet; a stranger is not a participant.
        Assert.Equal(HttpStatusCode.Forbidden, (await second.Client.PostAsJsonAsync(path + "/meetings", new MeetingRequestInput { WithParticipantId = s.Id }, Json.Options)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.PostAsJsonAsync(path + "/meetings", new MeetingRequestInput { WithParticipantId = s.Id }, Json.Options)).StatusCode);

        // The buyer's limit of requests (one here) is spent; a meeting asking back does not count against the supplier.
        using (var limited = await SendAsync(buyer.Client, HttpMethod.Post, path + "/meetings", new MeetingRequestInput { WithParticipantId = t.Id }, null))
        {
            Assert.Equal(HttpStatusCode.Conflict, limited.StatusCode);
            Assert.Contains("1 件まで", (await limited.ReadJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // The organisers propose the buyer and the second supplier: each side accepts in turn.
        var proposed = await RequestAsync(coordinator.Client, path, new MeetingRequestInput { WithParticipantId = b.Id, AndParticipantId = t.Id });
        Assert.Equal((MeetingRequester.Organiser, MeetingStatus.Requested), (proposed.RequestedBy, proposed.Status));
        var half = await MeetingActAsync(second.Client, path, proposed, "accept");
        Assert.Equal(MeetingStatus.Requested, half.Status);
        var both = await MeetingActAsync(buyer.Client, path, half, "accept");
        Assert.Equal((MeetingStatus.Accepted, false), (both.Status, both.Mutual));

        // Pinned by hand: a table taken, or a participant already busy in that slot, is refused.
        var pinned = await PlaceAsync(coordinator.Client, path, mutual, new MeetingPlace { Session = 0, Slot = 1, Table = 0 });
        Assert.True(pinned.Pinned);
        Assert.Equal(new DateTimeOffset(s_day.ToDateTime(new TimeOnly(10, 20)), TimeSpan.FromHours(9)), pinned.StartsAt);
        using (var busy = await SendAsync(coordinator.Client, HttpMethod.Put, $"{path}/meetings/{both.Id}/placement",
            new MeetingPlacementInput { Place = new MeetingPlace { Session = 0, Slot = 1, Table = 2 } }, both.Version))
        {
            Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        }

        using (var noTable = await SendAsync(coordinator.Client, HttpMethod.Put, $"{path}/meetings/{both.Id}/placement",
            new MeetingPlacementInput { Place = new MeetingPlace { Session = 0, Slot = 2, Table = 9 } }, both.Version))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noTable.StatusCode);
        }

        var placed = await PlaceAsync(coordinator.Client, path, both, new MeetingPlace { Session = 1, Slot = 0, Table = 3 });
        using (var unpin = await SendAsync(coordinator.Client, HttpMethod.Put, $"{path}/meetings/{placed.Id}/placement", new MeetingPlacementInput(), placed.Version))
        {
            Assert.False((await unpin.ReadJsonAsync<Meeting>())!.Pinned);
        }

        // The schedule places the unpinned meeting around the pinned one, which stays where it was put.
        var current = (await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<Gathering>())!;
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(buyer.Client, HttpMethod.Post, path + "/schedule", null, current.Version)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(coordinator.Client, HttpMethod.Post, path + "/schedule", null, current.Version - 1)).StatusCode);
        using (var run = await SendAsync(coordinator.Client, HttpMethod.Post, path + "/schedule", null, current.Version))
        {
            Assert.True(run.StatusCode == HttpStatusCode.OK, await run.Content.ReadAsStringAsync());
            var result = (await run.ReadJsonAsync<ScheduleResult>())!;
            Assert.Equal((2, 2, 2), (result.Accepted, result.Placed, result.UpperBound));
            Assert.Empty(result.PinnedConflicts);
        }

        var scheduled = (await (await coordinator.Client.GetAsync(path + "/meetings")).ReadJsonAsync<List<Meeting>>())!;
        Assert.Equal(new MeetingPlace { Session = 0, Slot = 1, Table = 0 }, scheduled.Single(m => m.Id == mutual.Id).Place);
        var rescheduled = scheduled.Single(m => m.Id == placed.Id);
        Assert.NotNull(rescheduled.Place);
        Assert.NotEqual(scheduled.Single(m => m.Id == mutual.Id).StartsAt, rescheduled.StartsAt);
        Assert.Equal(GatheringStatus.Scheduled, (await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<Gathering>())!.Status);

        // The buyer's agenda: both meetings in time order; the iCalendar file has them as events in UTC.
        var agenda = (await (await buyer.Client.GetAsync(path + "/agenda")).ReadJsonAsync<Agenda>())!;
        Assert.Equal(2, agenda.Meetings.Count);
        Assert.True(agenda.Meetings[0].StartsAt < agenda.Meetings[1].StartsAt);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(path + "/agenda")).StatusCode);
        using var ics = await buyer.Client.GetAsync(path + "/agenda.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal(2, calendar.Events.Count);
        Assert.Contains($"UID:{mutual.Id}@registry", text, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{s_day.AddDays(0):yyyyMMdd}T012000Z", text, StringComparison.Ordinal);
        Assert.Contains("テーブル 1", text, StringComparison.Ordinal);

        // Meeting events reach the two parties only.
        var events = await Outboxed.OfAsync(api, proposed.Id);
        Assert.All(events, e => Assert.Equal(("parties", (Guid?)other), (e.Visibility, e.SupplierId)));

        // Withdrawing cancels one's meetings and frees their tables.
        await ParticipantActAsync(second.Client, path, (await (await second.Client.GetAsync(path + "/participants")).ReadJsonAsync<List<Participant>>())!.Single(p => p.Id == t.Id), "withdraw");
        var after = (await (await coordinator.Client.GetAsync(path + "/meetings")).ReadJsonAsync<List<Meeting>>())!.Single(m => m.Id == placed.Id);
        Assert.Equal((MeetingStatus.Cancelled, (MeetingPlace?)null), (after.Status, after.Place));
    }

    [Fact]
    public async Task SuggestionsBriefsNoShowsOutcomesAndTheFunnel()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var fits = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"提案 切削 {_tag}"))).Id;
        var plating = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"提案 めっき {_tag}"), "surface.plating.zinc")).Id;
        // Its capabilities are for coordinators only: members cannot see its tolerance, so it is never suggested on one.
        var hidden = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"提案 非公開 {_tag}",
            disclosure: new Contracts.Suppliers.Disclosure { Capabilities = Contracts.Suppliers.DisclosureLevel.Coordinators }))).Id;
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var supplier = await TestAccounts.SignInAsync(api, "supplier", [fits]);
        using var plater = await TestAccounts.SignInAsync(api, "supplier", [plating]);
        using var secret = await TestAccounts.SignInAsync(api, "supplier", [hidden]);
        using var stranger = await TestAccounts.SignInAsync(api, "member");
        var gathering = await ActAsync(coordinator.Client, await CreateAsync(coordinator.Client, Input($"提案つき {_tag}")), "publish");
        var path = $"/api/v1/gatherings/{gathering.Id}";
        var b = await RegisterAsync(buyer.Client, path, new ParticipantInput
        {
            Role = ParticipantRole.Buyer,
            Needs = [new MatchingStepInput { ProcessCode = "machining.milling", ToleranceUm = 10, WorkpieceXMm = 200 }],
            Sessions = [0],
        });
        var s = await RegisterAsync(supplier.Client, path, new ParticipantInput { Role = ParticipantRole.Supplier, SupplierId = fits, Sessions = [0] });
        var p = await RegisterAsync(plater.Client, path, new ParticipantInput { Role = ParticipantRole.Supplier, SupplierId = plating, Sessions = [0] });
        var h = await RegisterAsync(secret.Client, path, new ParticipantInput { Role = ParticipantRole.Supplier, SupplierId = hidden, Sessions = [0] });
        foreach (var one in new[] { b, s, p, h })
        {
            await ParticipantActAsync(coordinator.Client, path, one, "approve");
        }

        // The buyer is offered the site that can mill to 10 µm, with why; not the plater, nor the site whose tolerance members cannot see.
        var suggested = (await (await buyer.Client.GetAsync($"{path}/participants/{b.Id}/suggestions")).ReadJsonAsync<List<MeetingSuggestion>>())!;
        var offer = Assert.Single(suggested);
        Assert.Equal((s.Id, fits, "machining.milling"), (offer.ParticipantId, offer.SupplierId, offer.ProcessCode));
        Assert.InRange(offer.Score, 0.01, 1);
        Assert.Contains(offer.Explanation, c => c.Criterion == "tolerance_um" && c.Met == CriterionOutcome.Met);
        Assert.Null(offer.MeetingId);
        // The supplier sees the buyer it fits; the plater nobody; others' suggestions are not for a stranger.
        Assert.Equal([b.Id], (await (await supplier.Client.GetAsync($"{path}/participants/{s.Id}/suggestions")).ReadJsonAsync<List<MeetingSuggestion>>())!.Select(x => x.ParticipantId));
        Assert.Empty((await (await plater.Client.GetAsync($"{path}/participants/{p.Id}/suggestions")).ReadJsonAsync<List<MeetingSuggestion>>())!);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"{path}/participants/{b.Id}/suggestions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supplier.Client.GetAsync($"{path}/participants/{b.Id}/suggestions")).StatusCode);

        // The buyer asks the suggested supplier, which accepts; the organisers add the hidden site, which will not come.
        gathering = await ActAsync(coordinator.Client, (await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<Gathering>())!, "open-booking");
        var meeting = await MeetingActAsync(supplier.Client, path, await RequestAsync(buyer.Client, path, new MeetingRequestInput { WithParticipantId = s.Id }), "accept");
        Assert.Equal(meeting.Id, (await (await buyer.Client.GetAsync($"{path}/participants/{b.Id}/suggestions")).ReadJsonAsync<List<MeetingSuggestion>>())!.Single().MeetingId);
        var proposed = await RequestAsync(coordinator.Client, path, new MeetingRequestInput { WithParticipantId = b.Id, AndParticipantId = h.Id });
        await MeetingActAsync(buyer.Client, path, await MeetingActAsync(secret.Client, path, proposed, "accept"), "accept");
        var current = (await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<Gathering>())!;
        using (var run = await SendAsync(coordinator.Client, HttpMethod.Post, path + "/schedule", null, current.Version))
        {
            Assert.Equal(2, (await run.ReadJsonAsync<ScheduleResult>())!.Placed);
        }

        // The brief: the buyer's step against the site as members see it.
        var brief = (await (await supplier.Client.GetAsync($"{path}/meetings/{meeting.Id}/brief")).ReadJsonAsync<MeetingBrief>())!;
        var step = Assert.Single(brief.Steps);
        Assert.True(step.Fits);
        Assert.Equal((10.0, offer.Score), (step.Need.ToleranceUm, step.Score));
        Assert.Equal(fits, brief.Supplier!.Id);
        Assert.Equal((true, (string?)null), (brief.Supplier.Challenges.Hidden, brief.Supplier.Challenges.Weaknesses));
        var hiddenBrief = (await (await buyer.Client.GetAsync($"{path}/meetings/{proposed.Id}/brief")).ReadJsonAsync<MeetingBrief>())!;
        Assert.False(Assert.Single(hiddenBrief.Steps).Fits);
        Assert.True(hiddenBrief.Supplier!.Capabilities.Hidden);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"{path}/meetings/{meeting.Id}/brief")).StatusCode);

        // On the day: the hidden site does not come; its meeting is cancelled and its table freed. The others check in.
        var participants = (await (await coordinator.Client.GetAsync(path + "/participants")).ReadJsonAsync<List<Participant>>())!.ToDictionary(x => x.Id);
        var absent = await ParticipantActAsync(coordinator.Client, path, participants[h.Id], "no-show");
        Assert.NotNull(absent.NoShowAt);
        var freed = (await (await coordinator.Client.GetAsync(path + "/meetings")).ReadJsonAsync<List<Meeting>>())!.Single(m => m.Id == proposed.Id);
        Assert.Equal((MeetingStatus.Cancelled, (MeetingPlace?)null), (freed.Status, freed.Place));
        var arrived = await ParticipantActAsync(coordinator.Client, path, participants[b.Id], "check-in");
        using (var late = await SendAsync(coordinator.Client, HttpMethod.Post, $"{path}/participants/{b.Id}/no-show", null, arrived.Version))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        }

        await ParticipantActAsync(coordinator.Client, path, participants[s.Id], "check-in");

        // Outcomes wait for the gathering to be held; each side records its own, and only its own.
        meeting = (await (await buyer.Client.GetAsync(path + "/meetings")).ReadJsonAsync<List<Meeting>>())!.Single(m => m.Id == meeting.Id);
        Assert.True(meeting.Met);
        var quote = new MeetingOutcomeInput { Outcome = MeetingOutcomeKind.QuoteRequested, Note = "見積を依頼" };
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(buyer.Client, HttpMethod.Put, $"{path}/meetings/{meeting.Id}/outcome", quote, meeting.Version)).StatusCode);
        await ActAsync(coordinator.Client, (await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<Gathering>())!, "hold");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(coordinator.Client, HttpMethod.Put, $"{path}/meetings/{meeting.Id}/outcome", quote, meeting.Version)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await SendAsync(buyer.Client, HttpMethod.Put, $"{path}/meetings/{meeting.Id}/outcome", quote, null)).StatusCode);
        using (var foreign = await SendAsync(supplier.Client, HttpMethod.Put, $"{path}/meetings/{meeting.Id}/outcome",
            new MeetingOutcomeInput { Outcome = MeetingOutcomeKind.TrialOrder, OrderId = Guid.NewGuid() }, meeting.Version))
        {
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
            Assert.True((await foreign.ReadJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("orderId", out _));
        }

        meeting = await OutcomeAsync(buyer.Client, path, meeting, quote);
        meeting = await OutcomeAsync(supplier.Client, path, meeting, new MeetingOutcomeInput { Outcome = MeetingOutcomeKind.Continue });
        Assert.Equal((MeetingOutcomeKind.QuoteRequested, "見積を依頼", MeetingOutcomeKind.Continue),
            (meeting.BuyerOutcome!.Outcome, meeting.BuyerOutcome.Note, meeting.SupplierOutcome!.Outcome));
        Assert.Contains(await Outboxed.OfAsync(api, meeting.Id), e => e.Type == "gathering.meeting_outcome_recorded" && e.Visibility == "parties");

        // The funnel: four registered, one met (the no-show's meeting did not happen), followed up to a quote, a first tie.
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.Client.GetAsync("/api/v1/analytics/gathering-funnel")).StatusCode);
        var funnel = (await (await coordinator.Client.GetAsync($"/api/v1/analytics/gathering-funnel?from={s_day:yyyy-MM-dd}&to={s_day.AddDays(1):yyyy-MM-dd}"))
            .ReadJsonAsync<GatheringFunnel>())!;
        var row = funnel.Gatherings.Single(g => g.GatheringId == gathering.Id);
        Assert.Equal(new FunnelCounts { Registered = 4, Met = 1, FollowedUp = 1, Requests = 1, Orders = 0, FirstTimeTies = 1 }, row.Counts);
        Assert.True(funnel.Total.Met >= 1);
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.Client.GetAsync($"/api/v1/analytics/gathering-funnel?from={s_day:yyyy-MM-dd}&to={s_day:yyyy-MM-dd}")).StatusCode);
    }

    internal static async Task<Meeting> OutcomeAsync(HttpClient client, string path, Meeting meeting, MeetingOutcomeInput outcome)
    {
        using var response = await SendAsync(client, HttpMethod.Put, $"{path}/meetings/{meeting.Id}/outcome", outcome, meeting.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<Meeting>())!;
    }

    internal static async Task<Gathering> CreateAsync(HttpClient client, GatheringInput input)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/gatherings", input, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<Gathering>())!;
    }

    internal static async Task<Gathering> ActAsync(HttpClient client, Gathering gathering, string action)
    {
        using var response = await SendAsync(client, HttpMethod.Post, $"/api/v1/gatherings/{gathering.Id}/{action}", null, gathering.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync<Gathering>())!;
    }

    internal static async Task<Participant> RegisterAsync(HttpClient client, string path, ParticipantInput input)
    {
        using var response = await client.PostAsJsonAsync(path + "/participants", input, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<Participant>())!;
    }

    internal static async Task<Participant> ParticipantActAsync(HttpClient client, string path, Participant participant, string action)
    {
        using var response = await SendAsync(client, HttpMethod.Post, $"{path}/participants/{participant.Id}/{action}", null, participant.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync<Participant>())!;
    }

    internal static async Task<Meeting> RequestAsync(HttpClient client, string path, MeetingRequestInput input)
    {
        using var response = await client.PostAsJsonAsync(path + "/meetings", input, Json.Options);
        // 201 for a new request; 200 when it agrees to the other side's.
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<Meeting>())!;
    }

    internal static async Task<Meeting> MeetingActAsync(HttpClient client, string path, Meeting meeting, string action)
    {
        using var response = await SendAsync(client, HttpMethod.Post, $"{path}/meetings/{meeting.Id}/{action}", null, meeting.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync<Meeting>())!;
    }

    internal static async Task<Meeting> PlaceAsync(HttpClient client, string path, Meeting meeting, MeetingPlace place)
    {
        using var response = await SendAsync(client, HttpMethod.Put, $"{path}/meetings/{meeting.Id}/placement", new MeetingPlacementInput { Place = place }, meeting.Version);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<Meeting>())!;
    }
}
