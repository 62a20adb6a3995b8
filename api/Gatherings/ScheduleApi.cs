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
using Registry.Contracts.Suppliers;

namespace Registry.Api.Gatherings;

/// <summary>
/// Running the schedule of a gathering (DESIGN §12): the organisers place every accepted meeting of two approved
/// participants into the sessions' slots and tables with <see cref="MeetingScheduler"/>, keeping the meetings they
/// pinned by hand. Only the meetings whose place changed are written (each a new version and an event for its two
/// parties); the gathering becomes scheduled (a public event) and can be run again until it is held.
/// </summary>
public static class ScheduleApi
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/gatherings/{id:guid}/schedule", RunAsync).WithTags("Gatherings").RejectUnknownQueryParameters()
            .RequireAuthorization(Policies.Coordinator)
            .WithName("scheduleGathering").WithSummary("Place the accepted meetings into slots and tables, keeping pinned ones (the gathering's organisers; If-Match: the gathering's version)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict)
            .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
            .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);

    public static async Task<Results<Ok<ScheduleResult>, ProblemHttpResult>> RunAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await GatheringsApi.ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } gathering || !gathering.RunBy(user))
        {
            return Problems.NotFound("gathering");
        }

        var (move, refusal) = GatheringsApi.Lifecycle.From(gathering.Status, "schedule");
        if (move is null)
        {
            return refusal!;
        }

        if (gathering.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        var participants = (await connection.QueryAsync<(Guid Id, int[] Sessions)>(new CommandDefinition(
            "SELECT id, sessions FROM gathering_participants WHERE gathering_id = @id AND status = 'approved' ORDER BY id",
            new { id }, tx, cancellationToken: ct))).ToList();
        var approved = participants.Select(p => p.Id).ToHashSet();
        var meetings = (await MeetingStore.ListAsync(connection, tx, id, null, ct))
            .Where(m => m.Status == "accepted" && approved.Contains(m.BuyerId) && approved.Contains(m.SupplierId))
            .ToList();
        var slots = gathering.Slots();
        var plan = MeetingScheduler.Plan(new MeetingScheduler.Gathering(
            [.. slots.Select(s => new MeetingScheduler.Slot(s.Session))],
            [.. gathering.SessionList().Select(s => s.Tables)],
            gathering.MaxConsecutive,
            [.. participants.Select(p => new MeetingScheduler.Participant(p.Id, p.Sessions.ToHashSet(), gathering.MaxMeetings))],
            [.. meetings.Select(m => new MeetingScheduler.Meeting(m.Id, m.BuyerId, m.SupplierId, m.Mutual, m.Score ?? 0,
                m.Pinned && m.Slot is { } slot && m.TableNo is { } table ? new MeetingScheduler.Placement(slot, table) : null))]));

        // Only meetings whose place changes are written: first lifted from their tables, then set, so that two
        // meetings trading tables never hold one table at once.
        var moved = meetings.Where(m => !m.Pinned).Select(m => (Meeting: m, To: plan.Placements.GetValueOrDefault(m.Id)))
            .Where(x => x.Meeting.Slot != x.To?.Slot || x.Meeting.TableNo != x.To?.Table).ToList();
        var ids = moved.Select(x => x.Meeting.Id).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE gathering_meetings SET slot = NULL, table_no = NULL WHERE id = ANY(@ids)", new { ids }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE gathering_meetings m SET slot = p.slot, table_no = p.table_no, version = m.version + 1, updated_at = now()
            FROM unnest(@ids, @slots, @tables) AS p (id, slot, table_no)
            WHERE m.id = p.id
            """,
            new
            {
                ids,
                slots = moved.Select(x => x.To?.Slot).ToArray(),
                tables = moved.Select(x => x.To?.Table).ToArray(),
            }, tx, cancellationToken: ct));
        // The moved meetings as they are now, read once for all their events (a run may move a thousand).
        var now = moved.Count == 0 ? [] : (await MeetingStore.ListAsync(connection, tx, id, null, ct)).ToDictionary(m => m.Id);
        foreach (var (before, _) in moved)
        {
            var after = now[before.Id];
            await Outbox.EmitToPartiesAsync(connection, tx, after.Slot is null ? "gathering.meeting_unscheduled" : "gathering.meeting_scheduled",
                "gathering_meeting", after.Id, after.SupplierSiteId, after.BuyerAccountId, after.Version, before.ToDto(gathering), after.ToDto(gathering), ct);
        }

        await GatheringsApi.MoveAsync(connection, tx, id, move.To, ct);
        var scheduled = (await GatheringsApi.ReadAsync(connection, tx, id, ct))!;
        var result = new ScheduleResult
        {
            Accepted = meetings.Count,
            Placed = plan.Placed,
            UpperBound = plan.UpperBound,
            Unplaced = plan.Unplaced,
            PinnedConflicts = plan.PinnedConflicts,
            IdleGaps = plan.IdleGaps,
        };
        await change.RecordAsync(move.Event, "gathering", id, gathering.ToDto(), new { gathering = scheduled.ToDto(), result.Placed, result.Accepted, moved = ids.Length });
        await change.EmitAsync(new Outbox.Change(move.Event, "gathering", id, null, scheduled.Version, DisclosureLevel.Public), gathering.ToDto(), scheduled.ToDto());
        return await change.CommitAsync(result, scheduled.Version, http.Response);
    }
}
