using Registry.Api.Http;
using Registry.Api.Taxonomy;
using Registry.Contracts.Matching;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Regions;

/// <summary>
/// What makes a region valid, wherever one is given: a matching request's, a cluster's (and, later, a scenario's
/// area). A region is a radius around a centre, prefectures, or both.
/// </summary>
public static class RegionRules
{
    /// <summary>Adds what is wrong with <paramref name="region"/> to <paramref name="errors"/>, under <c>region.…</c>.</summary>
    public static void Check(Dictionary<string, string[]> errors, MatchingRegion region, TaxonomyCatalog taxonomy)
    {
        foreach (var (field, messages) in Validation.Errors(region))
        {
            errors["region." + field] = messages;
        }

        foreach (var (field, messages) in Validation.Errors(region.Centre))
        {
            errors["region.centre." + field] = messages;
        }

        taxonomy.Check(errors, "region.prefectures", TaxonomyKind.Prefectures, region.Prefectures ?? []);
        if (region.RadiusKm is null && region.Prefectures is not { Count: > 0 })
        {
            errors["region"] = ["Give a radius, prefectures, or both."];
        }
    }
}
