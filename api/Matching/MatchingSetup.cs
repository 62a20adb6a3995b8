namespace Registry.Api.Matching;

public static class MatchingSetup
{
    public static IServiceCollection AddMatching(this IServiceCollection services) => services.AddSingleton<MatchEvaluator>();

    /// <summary>The preview, saved requests with their lifecycle, invitations to suppliers and their threads.</summary>
    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder app)
    {
        MatchingApi.Map(app);
        MatchingRequestsApi.Map(app);
        MatchingInvitationsApi.Map(app);
        MatchingMessagesApi.Map(app);
        return app;
    }
}
