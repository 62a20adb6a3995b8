using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Disclosure;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.Matching;
using Registry.Api.OpenApi;
using Registry.Api.Suppliers;
using Registry.Contracts.Gatherings;

namespace Registry.Api.Gatherings;

/// <summary>
/// The one-page brief of a meeting (DESIGN §12 outputs), for its two sides and the organisers: each of the buyer's
/// steps with how the supplier's site fares on it (the matching engine's score and explanation), and the site's profile
/// as members see it — a section the firm hides from members is not in the brief, for either side.
/// </summary>
public static class BriefApi
{
    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/gatherings/{id:guid}/meetings/{meetingId:guid}/brief", GetAsync)
            .WithTags("Gatherings").RejectUnknownQueryParameters().RequireAuthorization(Policies.Member)
            .WithName("getGatheringMeetingBrief").WithSummary("The one-page brief of a meeting: the buyer's steps against the supplier's site (the two sides and the organisers)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<MeetingBrief>, ProblemHttpResult>> GetAsync(
        Guid id, Guid meetingId, ClaimsPrincipal user, NpgsqlDataSource db, MatchEvaluator evaluator, SupplierStore store, CancellationToken ct)
    {
        GatheringsApi.Row? gathering;
        MeetingStore.Row? meeting;
        IReadOnlyList<BuyerNeeds.Need> needs;
        Contracts.Suppliers.SupplierProfile? profile;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            gathering = await GatheringsApi.ReadAsync(connection, null, id, ct);
            meeting = gathering is null ? null : await MeetingStore.ReadAsync(connection, null, id, meetingId, ct);
            var me = user.AccountId();
            if (gathering is null || meeting is null || !(gathering.RunBy(user) || meeting.BuyerAccountId == me || meeting.SupplierAccountId == me))
            {
                return Problems.NotFound("meeting");
            }

            var buyer = (await ParticipantsApi.ReadAsync(connection, null, id, meeting.BuyerId, ct))!;
            needs = await BuyerNeeds.OfAsync(connection, null, buyer, ct);
            profile = await store.ReadAsync(connection, null, meeting.SupplierSiteId, Viewer.Members, seeUnpublished: false, canEdit: false, ct);
        }

        var steps = new List<BriefStep>();
        foreach (var need in needs)
        {
            var scored = await evaluator.ScoreSitesAsync(need.Request, [meeting.SupplierSiteId], Viewer.Members, user, ct);
            steps.AddRange(need.Request.Steps.Select((step, i) => scored[i] is [var fit, ..]
                ? Step(need, step, i) with { Fits = true, Score = fit.Score, Explanation = fit.Explanation }
                : Step(need, step, i)));
        }

        return TypedResults.Ok(new MeetingBrief
        {
            Meeting = meeting.ToDto(gathering),
            GatheringTitle = gathering.TitleJa,
            HeldOn = gathering.HeldOn,
            Venue = gathering.Venue,
            Steps = [.. steps.Take(100)],
            Supplier = profile,
        });
    }

    private static BriefStep Step(BuyerNeeds.Need need, Contracts.Matching.MatchingStepInput step, int i) => new()
    {
        RequestId = need.RequestId,
        RequestTitle = need.Title,
        Step = i,
        Need = step,
        LotSize = need.Request.LotSize,
        DueDate = need.Request.DueDate,
        QualityAssurance = need.Request.QualityAssurance ?? [],
        Fits = false,
        Explanation = [],
    };
}
