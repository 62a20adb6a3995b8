using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Disclosure;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.Matching;
using Registry.Api.OpenApi;
using Registry.Contracts.Gatherings;
using Registry.Contracts.Matching;

namespace Registry.Api.Gatherings;

/// <summary>
/// Whom a participant should meet (DESIGN §12): the matching engine scores the approved participants of the other side
/// that share a session — for a buyer, the supplier sites that pass the hard filters of one of its steps; for a supplier,
/// the buyers with a step its site passes — with the explanation, best first. Scored at the members' level, what any
/// participant may see of another's site, so that a section a firm hides from members never ranks it.
/// </summary>
public static class SuggestionsApi
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/gatherings/{id:guid}/participants/{participantId:guid}/suggestions", ListAsync)
            .WithTags("Gatherings").RejectUnknownQueryParameters().RequireAuthorization(Policies.Member)
            .WithName("suggestGatheringMeetings")
            .WithSummary("Whom a participant should meet: the other side's approved participants that fit, scored and explained by the matching engine (the participant's accounts and the organisers)")
            .WithResponseMaxItems(2000)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<IReadOnlyList<MeetingSuggestion>>, ProblemHttpResult>> ListAsync(
        Guid id, Guid participantId, ClaimsPrincipal user, NpgsqlDataSource db, MatchEvaluator evaluator, CancellationToken ct)
    {
        ParticipantsApi.Row? me;
        List<ParticipantsApi.Row> others;
        Dictionary<Guid, (Guid Id, string Status)> meetings;
        List<BuyerNeeds.Need> myNeeds = [];
        var theirNeeds = new Dictionary<Guid, IReadOnlyList<BuyerNeeds.Need>>();
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            var gathering = await GatheringsApi.ReadAsync(connection, null, id, ct);
            me = gathering is null ? null : await ParticipantsApi.ReadAsync(connection, null, id, participantId, ct);
            if (gathering is null || me is null || !(gathering.RunBy(user) || me.AccountId == user.AccountId()))
            {
                return Problems.NotFound("gathering participant");
            }

            var otherRole = me.Role == "buyer" ? "supplier" : "buyer";
            others = [.. (await connection.QueryAsync<ParticipantsApi.Row>(new CommandDefinition(
                    $"{ParticipantsApi.Select} WHERE p.gathering_id = @id AND p.status = 'approved' AND p.role = @otherRole AND p.account_id <> @account",
                    new { id, otherRole, account = me.AccountId }, cancellationToken: ct)))
                .Where(o => o.Sessions.Intersect(me.Sessions).Any())];
            meetings = (await connection.QueryAsync<(Guid Other, Guid Id, string Status)>(new CommandDefinition("""
                    SELECT CASE WHEN buyer_id = @participantId THEN supplier_id ELSE buyer_id END, id, status
                    FROM gathering_meetings WHERE gathering_id = @id AND (buyer_id = @participantId OR supplier_id = @participantId)
                    """, new { id, participantId }, cancellationToken: ct)))
                .ToDictionary(m => m.Other, m => (m.Id, m.Status));
            if (me.Role == "buyer")
            {
                myNeeds = [.. await BuyerNeeds.OfAsync(connection, null, me, ct)];
            }
            else
            {
                foreach (var buyer in others)
                {
                    theirNeeds[buyer.Id] = await BuyerNeeds.OfAsync(connection, null, buyer, ct);
                }
            }
        }

        var suggestions = new List<MeetingSuggestion>();
        if (me.Role == "buyer")
        {
            var bySite = others.Where(o => o.SupplierId is not null).ToDictionary(o => o.SupplierId!.Value);
            var fits = await FitsAsync(evaluator, myNeeds, [.. bySite.Keys], user, ct);
            suggestions.AddRange(fits.Select(f => Suggest(bySite[f.Key], f.Value, f.Key, meetings)));
        }
        else if (me.SupplierId is { } mySite)
        {
            foreach (var buyer in others)
            {
                var fits = await FitsAsync(evaluator, theirNeeds[buyer.Id], [mySite], user, ct);
                if (fits.TryGetValue(mySite, out var fit))
                {
                    suggestions.Add(Suggest(buyer, fit, mySite, meetings));
                }
            }
        }

        return TypedResults.Ok<IReadOnlyList<MeetingSuggestion>>([.. suggestions
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.StepsFitted).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.ParticipantId)]);
    }

    /// <summary>A site's best step over all the needs, and how many steps it fits.</summary>
    private sealed record Fit(MatchCandidate Best, string ProcessCode, Guid? RequestId, int Steps);

    private static async Task<Dictionary<Guid, Fit>> FitsAsync(
        MatchEvaluator evaluator, IReadOnlyList<BuyerNeeds.Need> needs, IReadOnlyCollection<Guid> sites, ClaimsPrincipal user, CancellationToken ct)
    {
        var fits = new Dictionary<Guid, Fit>();
        foreach (var need in needs)
        {
            var steps = await evaluator.ScoreSitesAsync(need.Request, sites, Viewer.Members, user, ct);
            foreach (var (candidates, i) in steps.Select((c, i) => (c, i)))
            {
                foreach (var candidate in candidates)
                {
                    var count = (fits.GetValueOrDefault(candidate.SupplierId)?.Steps ?? 0) + 1;
                    fits[candidate.SupplierId] = fits.GetValueOrDefault(candidate.SupplierId) is { } known && known.Best.Score >= candidate.Score
                        ? known with { Steps = count }
                        : new Fit(candidate, need.Request.Steps[i].ProcessCode, need.RequestId, count);
                }
            }
        }

        return fits;
    }

    private static MeetingSuggestion Suggest(ParticipantsApi.Row other, Fit fit, Guid site, Dictionary<Guid, (Guid Id, string Status)> meetings) => new()
    {
        ParticipantId = other.Id,
        Name = other.Name,
        Role = WireNames.Parse<ParticipantRole>(other.Role),
        SupplierId = site,
        Score = fit.Best.Score,
        ProcessCode = fit.ProcessCode,
        RequestId = fit.RequestId,
        Explanation = fit.Best.Explanation,
        StepsFitted = Math.Min(fit.Steps, 100),
        MeetingId = meetings.TryGetValue(other.Id, out var m) ? m.Id : null,
        MeetingStatus = meetings.TryGetValue(other.Id, out var s) ? WireNames.Parse<MeetingStatus>(s.Status) : null,
    };
}
