using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Changes;
using Registry.Api.Errors;
using Registry.Api.Events;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts.Gatherings;

namespace Registry.Api.Gatherings;

/// <summary>
/// The 1:1 meetings of a gathering (DESIGN §12): while booking is open an approved buyer asks to meet an approved
/// supplier or the other way round (up to the gathering's limit of requests each), the other side accepts or declines;
/// when both asked, the meeting is mutual and accepted at once. Organisers propose meetings that both sides then
/// accept, and place a meeting by hand (pinned: running the schedule keeps it). Each change is audited and is an event
/// for the two parties only.
/// </summary>
public static class MeetingsApi
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/gatherings/{id:guid}/meetings").WithTags("Gatherings").RejectUnknownQueryParameters()
            .RequireAuthorization(Policies.Member);
        group.MapPost("", RequestAsync).ValidateBody<MeetingRequestInput>()
            .WithName("requestGatheringMeeting").WithSummary("Ask to meet a participant (approved participants, while booking is open; 200 when it answers the other side's request, which makes the meeting mutual); organisers propose a meeting between a buyer and a supplier")
            .ProducesProblemDocument(StatusCodes.Status403Forbidden)
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapGet("", ListAsync)
            .WithName("listGatheringMeetings").WithSummary("Organisers: every meeting; a participant: its own")
            .WithResponseMaxItems(100000)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        ParticipantsApi.Declare(group.MapPost("/{meetingId:guid}/accept", (Guid id, Guid meetingId, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
                AnswerAsync(id, meetingId, "accept", null, user, db, http, ct))
            .WithName("acceptGatheringMeeting").WithSummary("Accept a meeting asked of the caller's side"));
        ParticipantsApi.Declare(group.MapPost("/{meetingId:guid}/decline", (Guid id, Guid meetingId, GatheringReasonInput body, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
                AnswerAsync(id, meetingId, "decline", body.Reason, user, db, http, ct))
            .ValidateBody<GatheringReasonInput>()
            .WithName("declineGatheringMeeting").WithSummary("Decline a meeting asked of the caller's side, with the reason"));
        ParticipantsApi.Declare(group.MapPost("/{meetingId:guid}/cancel", (Guid id, Guid meetingId, GatheringReasonInput body, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
                AnswerAsync(id, meetingId, "cancel", body.Reason, user, db, http, ct))
            .ValidateBody<GatheringReasonInput>()
            .WithName("cancelGatheringMeeting").WithSummary("Cancel a meeting (either side, or an organiser), with the reason"));
        ParticipantsApi.Declare(group.MapPut("/{meetingId:guid}/placement", PlaceAsync).ValidateBody<MeetingPlacementInput>()
            .RequireAuthorization(Policies.Coordinator)
            .WithName("placeGatheringMeeting").WithSummary("Place (pin) an accepted meeting at a slot and table by hand, or unpin it with place null (organisers)"));
        ParticipantsApi.Declare(group.MapPut("/{meetingId:guid}/outcome", RecordOutcomeAsync).ValidateBody<MeetingOutcomeInput>()
            .WithName("recordGatheringMeetingOutcome").WithSummary("Record what came of a meeting, for the caller's side (after the gathering is held)")
            .ProducesProblemDocument(StatusCodes.Status403Forbidden));
    }

    public static async Task<Results<Created<Meeting>, Ok<Meeting>, ProblemHttpResult>> RequestAsync(
        Guid id, MeetingRequestInput body, ClaimsPrincipal user, NpgsqlDataSource db, HttpResponse response, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await GatheringsApi.ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } gathering || !gathering.VisibleTo(user))
        {
            return Problems.NotFound("gathering");
        }

        var organiser = gathering.RunBy(user);
        if (!(gathering.Status == "booking_open" || (organiser && gathering.Status == "scheduled")))
        {
            return Problems.Conflict($"Meetings are booked while booking is open: the gathering is {gathering.Status}.");
        }

        var participants = (await connection.QueryAsync<ParticipantsApi.Row>(new CommandDefinition(
            $"{ParticipantsApi.Select} WHERE p.gathering_id = @id AND p.status = 'approved'", new { id }, tx, cancellationToken: ct))).ToDictionary(p => p.Id);
        ParticipantsApi.Row? buyer, supplier;
        string requestedBy;
        if (body.AndParticipantId is { } and)
        {
            if (!organiser)
            {
                return Problems.Forbidden("Only the gathering's organisers propose a meeting between two participants.");
            }

            var pair = new[] { participants.GetValueOrDefault(body.WithParticipantId), participants.GetValueOrDefault(and) };
            buyer = pair.FirstOrDefault(p => p?.Role == "buyer");
            supplier = pair.FirstOrDefault(p => p?.Role == "supplier");
            requestedBy = "organiser";
        }
        else
        {
            var other = participants.GetValueOrDefault(body.WithParticipantId);
            var mine = participants.Values.FirstOrDefault(p => p.AccountId == user.AccountId() && other is not null && p.Role != other.Role);
            if (mine is null)
            {
                return other is null
                    ? Problems.Validation("withParticipantId", "Not an approved participant of this gathering.")
                    : Problems.Forbidden("Only an approved participant of the other side (a buyer to meet a supplier, a supplier to meet a buyer) asks for a meeting.");
            }

            (buyer, supplier, requestedBy) = mine.Role == "buyer" ? (mine, other, "buyer") : (other, mine, "supplier");
        }

        if (buyer is null || supplier is null)
        {
            return Problems.Validation("withParticipantId", "A meeting is between an approved buyer and an approved supplier of this gathering.");
        }

        if (buyer.AccountId == supplier.AccountId)
        {
            return Problems.Validation("withParticipantId", "A firm does not meet itself.");
        }

        if (!buyer.Sessions.Intersect(supplier.Sessions).Any())
        {
            return Problems.Validation("withParticipantId", "The two attend no session in common.");
        }

        var existing = await MeetingStore.ReadPairAsync(connection, tx, id, buyer.Id, supplier.Id, ct);
        if (existing is not null)
        {
            // The other side asked first: asking back is agreeing, and the meeting is mutual.
            var otherAsked = existing.Status == "requested" && (requestedBy == "buyer" ? !existing.BuyerAgreed : requestedBy == "supplier" && !existing.SupplierAgreed);
            if (!otherAsked)
            {
                return Problems.Conflict($"A meeting of these two is already {existing.Status}.");
            }

            await MeetingStore.AgreeAsync(connection, tx, existing.Id, requestedBy, mutual: existing.RequestedBy != "organiser", ct);
            var agreed = (await MeetingStore.ReadAsync(connection, tx, id, existing.Id, ct))!;
            await RecordAsync(change, "gathering.meeting_accepted", existing, agreed, gathering, ct);
            return await change.CommitAsync(agreed.ToDto(gathering), agreed.Version, response);
        }

        if (requestedBy != "organiser")
        {
            var asker = requestedBy == "buyer" ? buyer.Id : supplier.Id;
            var sent = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
                SELECT count(*) FROM gathering_meetings
                WHERE gathering_id = @id AND requested_by = @requestedBy AND (CASE WHEN @requestedBy = 'buyer' THEN buyer_id ELSE supplier_id END) = @asker
                """, new { id, requestedBy, asker }, tx, cancellationToken: ct));
            if (sent >= gathering.MaxRequests)
            {
                return Problems.Conflict($"Each participant asks for at most {gathering.MaxRequests} meetings at this gathering.");
            }
        }

        var meetingId = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO gathering_meetings (id, gathering_id, buyer_id, supplier_id, requested_by, buyer_agreed, supplier_agreed, score, note, status)
            VALUES (@meetingId, @id, @buyer, @supplier, @requestedBy, @requestedBy = 'buyer', @requestedBy = 'supplier',
                    (SELECT max(c.score) FROM matching_candidates c WHERE c.request_id = ANY(@requests) AND c.supplier_id = @site),
                    @note, 'requested')
            """,
            new
            {
                meetingId,
                id,
                buyer = buyer.Id,
                supplier = supplier.Id,
                requestedBy,
                requests = buyer.RequestIds,
                site = supplier.SupplierId,
                note = body.Note?.Trim(),
            }, tx, cancellationToken: ct));
        var created = (await MeetingStore.ReadAsync(connection, tx, id, meetingId, ct))!;
        await RecordAsync(change, "gathering.meeting_requested", null, created, gathering, ct);
        return await change.CommitCreatedAsync(created.ToDto(gathering), created.Version, $"/api/v1/gatherings/{id}/meetings/{meetingId}", response);
    }

    public static async Task<Results<Ok<IReadOnlyList<Meeting>>, ProblemHttpResult>> ListAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await GatheringsApi.ReadAsync(connection, null, id, ct) is not { } gathering || !gathering.VisibleTo(user))
        {
            return Problems.NotFound("gathering");
        }

        var rows = await MeetingStore.ListAsync(connection, null, id, gathering.RunBy(user) ? null : user.AccountId(), ct);
        return TypedResults.Ok<IReadOnlyList<Meeting>>([.. rows.Select(r => r.ToDto(gathering))]);
    }

    private static async Task<Results<Ok<Meeting>, ProblemHttpResult>> AnswerAsync(
        Guid id, Guid meetingId, string action, string? reason, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var gathering = await GatheringsApi.ReadAsync(connection, tx, id, ct, forUpdate: true);
        var before = gathering is null ? null : await MeetingStore.ReadAsync(connection, tx, id, meetingId, ct);
        var me = user.AccountId();
        var organiser = gathering?.RunBy(user) == true;
        if (gathering is null || before is null || !(organiser || before.BuyerAccountId == me || before.SupplierAccountId == me))
        {
            return Problems.NotFound("meeting");
        }

        // The side still to agree answers; an organiser's proposal is answered by each side in turn.
        var side = before.BuyerAccountId == me && !before.BuyerAgreed ? "buyer" : before.SupplierAccountId == me && !before.SupplierAgreed ? "supplier" : null;
        if (action is "accept" or "decline")
        {
            if (before.Status != "requested")
            {
                return Problems.Conflict($"The meeting is {before.Status}.");
            }

            if (side is null)
            {
                return Problems.Forbidden("Only the side that was asked answers a meeting request.");
            }
        }
        else if (before.Status is not ("requested" or "accepted"))
        {
            return Problems.Conflict($"The meeting is {before.Status}.");
        }

        if (gathering.Status is "held" or "closed" or "cancelled")
        {
            return Problems.Conflict($"The gathering is {gathering.Status}.");
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        if (action == "accept")
        {
            await MeetingStore.AgreeAsync(connection, tx, meetingId, side!, mutual: before.Mutual, ct);
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE gathering_meetings SET status = @status, reason = @reason, slot = NULL, table_no = NULL, pinned = false,
                    version = version + 1, updated_at = now()
                WHERE id = @meetingId
                """, new { meetingId, status = action == "decline" ? "declined" : "cancelled", reason = reason?.Trim() }, tx, cancellationToken: ct));
        }

        var after = (await MeetingStore.ReadAsync(connection, tx, id, meetingId, ct))!;
        var type = action switch
        {
            "accept" when after.Status == "accepted" => "gathering.meeting_accepted",
            "accept" => "gathering.meeting_agreed",
            "decline" => "gathering.meeting_declined",
            _ => "gathering.meeting_cancelled",
        };
        await RecordAsync(change, type, before, after, gathering, ct);
        return await change.CommitAsync(after.ToDto(gathering), after.Version, http.Response);
    }

    public static async Task<Results<Ok<Meeting>, ProblemHttpResult>> PlaceAsync(
        Guid id, Guid meetingId, MeetingPlacementInput body, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var gathering = await GatheringsApi.ReadAsync(connection, tx, id, ct, forUpdate: true);
        var before = gathering is null ? null : await MeetingStore.ReadAsync(connection, tx, id, meetingId, ct);
        if (gathering is null || before is null || !gathering.RunBy(user))
        {
            return Problems.NotFound("meeting");
        }

        if (before.Status != "accepted")
        {
            return Problems.Conflict($"Only accepted meetings are placed: the meeting is {before.Status}.");
        }

        if (gathering.Status is not ("booking_open" or "scheduled"))
        {
            return Problems.Conflict($"Meetings are placed before the day: the gathering is {gathering.Status}.");
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        int? slot = null;
        if (body.Place is { } place)
        {
            var slots = gathering.Slots();
            var sessions = gathering.SessionList();
            var at = slots.FirstOrDefault(s => s.Session == place.Session && s.SlotInSession == place.Slot);
            if (at is null || place.Table >= sessions[place.Session].Tables)
            {
                return Problems.Validation("place", "No such slot or table in this gathering's sessions.");
            }

            if (!before.BuyerSessions.Contains(place.Session) || !before.SupplierSessions.Contains(place.Session))
            {
                return Problems.Validation("place", "Both sides must attend that session.");
            }

            var clash = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition("""
                SELECT CASE WHEN table_no = @table THEN 'table' ELSE 'participant' END FROM gathering_meetings
                WHERE gathering_id = @id AND id <> @meetingId AND slot = @slot
                  AND (table_no = @table OR buyer_id IN (@buyer, @supplier) OR supplier_id IN (@buyer, @supplier))
                ORDER BY 1 DESC LIMIT 1
                """, new { id, meetingId, slot = at.Index, table = place.Table, buyer = before.BuyerId, supplier = before.SupplierId }, tx, cancellationToken: ct));
            if (clash is not null)
            {
                return Problems.Conflict(clash == "table"
                    ? "Another meeting has that table in that slot; move it first."
                    : "One of the two already meets someone in that slot.");
            }

            slot = at.Index;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE gathering_meetings SET slot = CASE WHEN @pin THEN @slot ELSE slot END, table_no = CASE WHEN @pin THEN @table ELSE table_no END,
                pinned = @pin, version = version + 1, updated_at = now()
            WHERE id = @meetingId
            """, new { meetingId, pin = slot is not null, slot, table = body.Place?.Table }, tx, cancellationToken: ct));
        var after = (await MeetingStore.ReadAsync(connection, tx, id, meetingId, ct))!;
        await RecordAsync(change, slot is null ? "gathering.meeting_unpinned" : "gathering.meeting_placed", before, after, gathering, ct);
        return await change.CommitAsync(after.ToDto(gathering), after.Version, http.Response);
    }

    /// <summary>
    /// Each side says what came of the meeting once the gathering is held: the funnel's "followed up", "request" and
    /// "order" are read from it. A linked request is the buyer's; a linked order is between the two.
    /// </summary>
    public static async Task<Results<Ok<Meeting>, ProblemHttpResult>> RecordOutcomeAsync(
        Guid id, Guid meetingId, MeetingOutcomeInput body, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var gathering = await GatheringsApi.ReadAsync(connection, tx, id, ct);
        var before = gathering is null ? null : await MeetingStore.ReadAsync(connection, tx, id, meetingId, ct, forUpdate: true);
        var me = user.AccountId();
        if (gathering is null || before is null || !(gathering.RunBy(user) || before.BuyerAccountId == me || before.SupplierAccountId == me))
        {
            return Problems.NotFound("meeting");
        }

        var side = before.BuyerAccountId == me ? "buyer" : before.SupplierAccountId == me ? "supplier" : null;
        if (side is null)
        {
            return Problems.Forbidden("Each side of a meeting records its own outcome.");
        }

        if (gathering.Status is not ("held" or "closed"))
        {
            return Problems.Conflict($"Outcomes are recorded after the gathering is held: it is {gathering.Status}.");
        }

        if (before.Status != "accepted")
        {
            return Problems.Conflict($"The meeting is {before.Status}.");
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.RequestId is { } request && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM matching_requests WHERE id = @request AND buyer_account_id = @buyer)",
                new { request, buyer = before.BuyerAccountId }, tx, cancellationToken: ct)))
        {
            errors["requestId"] = ["Not a matching request of the meeting's buyer."];
        }

        if (body.OrderId is { } order && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM orders WHERE id = @order AND buyer_account_id = @buyer AND supplier_id = @site)",
                new { order, buyer = before.BuyerAccountId, site = before.SupplierSiteId }, tx, cancellationToken: ct)))
        {
            errors["orderId"] = ["Not an order between the meeting's buyer and supplier."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        // The side is one of two fixed words, never the caller's text.
        await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE gathering_meetings SET {side}_outcome = @outcome, {side}_outcome_request_id = @request, {side}_outcome_order_id = @order,
                {side}_outcome_note = @note, {side}_outcome_at = now(), version = version + 1, updated_at = now()
            WHERE id = @meetingId
            """, new { meetingId, outcome = WireNames.Of(body.Outcome), request = body.RequestId, order = body.OrderId, note = body.Note?.Trim() },
            tx, cancellationToken: ct));
        var after = (await MeetingStore.ReadAsync(connection, tx, id, meetingId, ct))!;
        await RecordAsync(change, "gathering.meeting_outcome_recorded", before, after, gathering, ct);
        return await change.CommitAsync(after.ToDto(gathering), after.Version, http.Response);
    }

    /// <summary>Audited; an event for the two parties only (the buyer's account, the supplier's site and accounts).</summary>
    internal static async Task RecordAsync(Change change, string type, MeetingStore.Row? before, MeetingStore.Row after, GatheringsApi.Row gathering, CancellationToken ct)
    {
        await change.RecordAsync(type, "gathering_meeting", after.Id, before?.ToDto(gathering), after.ToDto(gathering));
        await Outbox.EmitToPartiesAsync(change.Connection, change.Tx, type, "gathering_meeting", after.Id, after.SupplierSiteId, after.BuyerAccountId,
            after.Version, before?.ToDto(gathering), after.ToDto(gathering), ct);
    }
}
