using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Auth;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Contracts.Matching;

namespace Registry.Api.Matching;

public static class MatchingApi
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/matching").WithTags("Matching").RejectUnknownQueryParameters();
        group.MapPost("/preview", Preview).RequireAuthorization(Policies.Member)
            .ValidateBody<MatchingRequestInput>()
            .WithName("previewMatching").WithSummary("Evaluate an unsaved request: ranked suppliers per step with reasons, and chains")
            .WithDescription("""
                Per step, the published sites that pass the hard filters (process or a more specific one, materials,
                envelope, tolerance, unexpired certifications, contract work not closed, inside the region), scored in
                [0,1] with the buyer's QCD weights and explained criterion by criterion; then the best assignments of
                sites to all steps. Only what the caller may see of a site is used.
                """);
    }

    public static async Task<Results<Ok<MatchEvaluation>, ProblemHttpResult>> Preview(
        MatchingRequestInput request, ClaimsPrincipal user, MatchEvaluator evaluator, HttpRequest http, CancellationToken ct)
    {
        (request, var problems) = await evaluator.CheckAsync(request, user, Language.IsEnglish(http), ct);
        if (problems.Count > 0)
        {
            return Problems.Validation(problems);
        }

        return TypedResults.Ok(await evaluator.EvaluateAsync(request, user, ct));
    }
}
