using System.Security.Claims;
using Registry.Api.Http;
using Registry.Api.Places;
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
    /// <summary>
    /// The region with its centre placed: a centrePlace without a centre is placed at the mean position of the published
    /// sites there (PlaceCentres); with a centre too, the centre stays and the place is only checked. The place is kept
    /// normalised (6-digit municipality code or NNN-NNNN) for its name. What cannot be placed is an error on
    /// region.centrePlace, in the caller's language.
    /// </summary>
    public static async Task<(MatchingRegion Region, Dictionary<string, string[]> Errors)> PlaceAsync(
        MatchingRegion region, PlaceCentres centres, ClaimsPrincipal user, bool english, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (region.CentrePlace is not { } typed)
        {
            return (region, errors);
        }

        if (region.Centre is not null)
        {
            var resolution = centres.Catalog.Resolve(typed);
            if (resolution.Refusal is { } refusal)
            {
                errors["region.centrePlace"] = [refusal.In(english)];
                return (region, errors);
            }

            return (region with { CentrePlace = resolution.Normal }, errors);
        }

        var outcome = await centres.FindAsync(typed, user, ct);
        if (outcome.Centre is not { } found)
        {
            errors["region.centrePlace"] = [outcome.Refusal!.In(english)];
            return (region, errors);
        }

        return (region with { Centre = found.Centre, CentrePlace = found.Place }, errors);
    }

    /// <summary>Adds what is wrong with <paramref name="region"/> to <paramref name="errors"/>, under <c>region.…</c>.</summary>
    public static void Check(Dictionary<string, string[]> errors, MatchingRegion region, TaxonomyCatalog taxonomy)
    {
        foreach (var (field, messages) in Validation.Errors(region))
        {
            errors["region." + field] = messages;
        }

        if (region.Centre is { } centre)
        {
            foreach (var (field, messages) in Validation.Errors(centre))
            {
                errors["region.centre." + field] = messages;
            }
        }
        else if (region.CentrePlace is null)
        {
            errors["region.centre"] = ["Give a centre (lat and lon) or a centrePlace (a municipality or postal code)."];
        }

        taxonomy.Check(errors, "region.prefectures", TaxonomyKind.Prefectures, region.Prefectures ?? []);
        if (region.RadiusKm is null && region.Prefectures is not { Count: > 0 })
        {
            errors["region"] = ["Give a radius, prefectures, or both."];
        }
    }
}
