using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts.Gatherings;

namespace Registry.Api.Gatherings;

/// <summary>
/// A participant's day (DESIGN §12 outputs): its accepted meetings in time order with the table and the other side, as
/// JSON for the SPA and its print view, and as an iCalendar file (RFC 5545, written by Ical.Net) that Outlook and
/// Google Calendar import — one VEVENT per placed meeting, times in UTC, the meeting's id as its UID so that a
/// re-imported file updates the same entries. Its own participants read their agenda; organisers read anyone's.
/// </summary>
public static class AgendaApi
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/gatherings/{id:guid}").WithTags("Gatherings").RejectUnknownQueryParameters()
            .RequireAuthorization(Policies.Member);
        group.MapGet("/agenda", GetAsync)
            .WithName("getGatheringAgenda").WithSummary("A participant's meetings in time order (the caller's own; organisers: anyone's)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapGet("/agenda.ics", CalendarAsync)
            .WithName("getGatheringAgendaCalendar").WithSummary("The same agenda as an iCalendar file (RFC 5545) to import into Outlook or Google Calendar")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").WithMediaTypeSchema<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<Agenda>, ProblemHttpResult>> GetAsync(
        Guid id, [Description("Whose agenda: one of the caller's registrations (default: its only one), or anyone's for organisers.")] Guid? participantId,
        ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var (agenda, problem) = await ReadAsync(id, participantId, user, db, ct);
        return problem ?? (Results<Ok<Agenda>, ProblemHttpResult>)TypedResults.Ok(agenda!);
    }

    public static async Task<IResult> CalendarAsync(Guid id, Guid? participantId, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var (agenda, problem) = await ReadAsync(id, participantId, user, db, ct);
        if (problem is not null)
        {
            return problem;
        }

        var text = Write(agenda!, clock.GetUtcNow());
        return Results.File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8",
            string.Create(CultureInfo.InvariantCulture, $"agenda-{agenda!.HeldOn:yyyyMMdd}.ics"));
    }

    /// <summary>The iCalendar text of an agenda: one event per placed meeting.</summary>
    public static string Write(Agenda agenda, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Regional Manufacturing Registry//Gatherings//JA" };
        calendar.AddProperty("X-WR-CALNAME", agenda.GatheringTitle);
        var place = string.Join(" ", new[] { agenda.Venue, agenda.VenueAddress }.Where(p => !string.IsNullOrWhiteSpace(p)));
        foreach (var meeting in agenda.Meetings.Where(m => m.StartsAt is not null && m.Place is not null))
        {
            var other = agenda.Participant.Role == ParticipantRole.Buyer ? meeting.SupplierName : meeting.BuyerName;
            var table = meeting.Place!.Table + 1;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{meeting.Id}@registry",
                Summary = $"商談: {other}（テーブル {table}）",
                Location = string.IsNullOrEmpty(place) ? $"テーブル {table}" : $"{place} テーブル {table}",
                Description = $"{agenda.GatheringTitle}\n{other}" + (meeting.Note is { Length: > 0 } note ? $"\n{note}" : ""),
                DtStart = new CalDateTime(meeting.StartsAt!.Value.UtcDateTime),
                DtEnd = new CalDateTime(meeting.EndsAt!.Value.UtcDateTime),
                DtStamp = new CalDateTime(now.UtcDateTime),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static async Task<(Agenda? Agenda, ProblemHttpResult? Problem)> ReadAsync(
        Guid id, Guid? participantId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await GatheringsApi.ReadAsync(connection, null, id, ct) is not { } gathering || !gathering.VisibleTo(user))
        {
            return (null, Problems.NotFound("gathering"));
        }

        var organiser = gathering.RunBy(user);
        var mine = (await Dapper.SqlMapper.QueryAsync<ParticipantsApi.Row>(connection, new Dapper.CommandDefinition(
            $"{ParticipantsApi.Select} WHERE p.gathering_id = @id AND (@participantId::uuid IS NULL OR p.id = @participantId) AND (@organiser OR p.account_id = @me)",
            new { id, participantId, organiser, me = user.AccountId() }, cancellationToken: ct))).ToList();
        if (mine.Count != 1)
        {
            return mine.Count == 0
                ? (null, Problems.NotFound("gathering participant"))
                : (null, Problems.Validation("participantId", "The caller takes part more than once: say which registration."));
        }

        var participant = mine[0];
        var meetings = await MeetingStore.ListAsync(connection, null, id, null, ct, participant: participant.Id);
        return (new Agenda
        {
            Participant = participant.ToDto(full: true),
            GatheringTitle = gathering.TitleJa,
            HeldOn = gathering.HeldOn,
            Venue = gathering.Venue,
            VenueAddress = gathering.VenueAddress,
            Meetings = [.. meetings
                .Where(m => m.Status == "accepted")
                .Select(m => m.ToDto(gathering))
                .OrderBy(m => m.StartsAt ?? DateTimeOffset.MaxValue)],
        }, null);
    }
}
