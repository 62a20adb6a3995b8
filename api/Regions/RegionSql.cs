using Dapper;
using Registry.Contracts.Matching;

namespace Registry.Api.Regions;

/// <summary>
/// A region as SQL over published sites (alias <c>s</c>): within a radius of its centre (great circle, as search and
/// matching measure), in its prefectures, or both; no region at all is the whole registry.
/// </summary>
public static class RegionSql
{
    public static string Where(MatchingRegion? region, DynamicParameters args) =>
        Where(region?.Centre?.Lat, region?.Centre?.Lon, region?.RadiusKm, region?.Prefectures, args);

    public static string Where(double? lat, double? lon, double? radiusKm, IReadOnlyList<string>? prefectures, DynamicParameters args)
    {
        var where = "s.status = 'published'";
        if (lat is { } y && lon is { } x && radiusKm is { } km)
        {
            where += " AND ST_DWithin(s.location, ST_SetSRID(ST_MakePoint(@regionLon, @regionLat), 4326)::geography, @regionMeters, false)";
            args.Add("regionLat", y);
            args.Add("regionLon", x);
            args.Add("regionMeters", km * 1000);
        }

        if (prefectures is { Count: > 0 })
        {
            where += " AND s.prefecture_code = ANY(@regionPrefectures)";
            args.Add("regionPrefectures", prefectures.ToArray());
        }

        return where;
    }
}
