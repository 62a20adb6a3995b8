namespace Registry.Api.Search.Index;

/// <summary>
/// Great-circle distance on PostGIS's sphere (the mean radius it uses when use_spheroid is false), so that the index
/// and ST_DWithin(…, false) agree to the metre.
/// </summary>
public static class GreatCircle
{
    public const double EarthRadiusMetres = 6371008.7714150598;

    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        var φ1 = Radians(lat1);
        var φ2 = Radians(lat2);
        var dφ = φ2 - φ1;
        var dλ = Radians(lon2 - lon1);
        var h = Math.Sin(dφ / 2) * Math.Sin(dφ / 2) + Math.Cos(φ1) * Math.Cos(φ2) * Math.Sin(dλ / 2) * Math.Sin(dλ / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
