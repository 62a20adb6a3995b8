namespace Registry.Api.Matching;

public static class MatchingSetup
{
    public static IServiceCollection AddMatching(this IServiceCollection services) => services.AddSingleton<MatchEvaluator>();
}
