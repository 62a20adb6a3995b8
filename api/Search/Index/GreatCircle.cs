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

    /// <summary>
    /// Half the sides, in degrees, of a box around a point that holds every point within <paramref name="metres"/>
    /// of it (latitude exactly; longitude by the widest reach, at the circle's tangent points), with a hair of margin
    /// for rounding. Whole longitudes when the circle reaches a pole.
    /// </summary>
    public static (double Lat, double Lon) Reach(double lat, double metres)
    {
        var d = metres / EarthRadiusMetres;
        var dLat = d * 180 / Math.PI;
        var ratio = Math.Sin(d) / Math.Cos(Radians(lat));
        var dLon = ratio >= 1 ? 180 : Math.Asin(ratio) * 180 / Math.PI;
        return (dLat + 1e-9, dLon + 1e-9);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
