using Registry.Api.Search.Index;

namespace Registry.Tests.Search;

public sealed class GreatCircleTests
{
    [Theory]
    [InlineData(35.0, 50_000)]
    [InlineData(43.0, 200_000)]
    [InlineData(26.2, 5_000)]
    [InlineData(45.5, 1_500_000)]
    public void TheBoxHoldsEveryPointOnTheCircle(double lat, double metres)
    {
        var (dLat, dLon) = GreatCircle.Reach(lat, metres);
        for (var bearing = 0.0; bearing < 360; bearing += 0.5)
        {
            var (pLat, pLon) = Destination(lat, 137.0, bearing, metres);
            Assert.InRange(GreatCircle.Metres(lat, 137.0, pLat, pLon), metres - 0.01, metres + 0.01);
            Assert.InRange(pLat, lat - dLat, lat + dLat);
            Assert.InRange(pLon, 137.0 - dLon, 137.0 + dLon);
        }
    }

    [Fact]
    public void TheLongitudeReachIsWiderThanTheNaiveScaling()
    {
        // dLat / cos(lat) undercuts the true reach at the circle's tangent points, which lie poleward of the centre.
        var (dLat, dLon) = GreatCircle.Reach(45.0, 1_000_000);
        Assert.True(dLon > dLat / Math.Cos(45.0 * Math.PI / 180));
    }

    /// <summary>The point at a distance and bearing on the sphere (the standard destination formula).</summary>
    private static (double Lat, double Lon) Destination(double lat, double lon, double bearingDegrees, double metres)
    {
        var δ = metres / GreatCircle.EarthRadiusMetres;
        var θ = bearingDegrees * Math.PI / 180;
        var φ1 = lat * Math.PI / 180;
        var λ1 = lon * Math.PI / 180;
        var φ2 = Math.Asin((Math.Sin(φ1) * Math.Cos(δ)) + (Math.Cos(φ1) * Math.Sin(δ) * Math.Cos(θ)));
        var λ2 = λ1 + Math.Atan2(Math.Sin(θ) * Math.Sin(δ) * Math.Cos(φ1), Math.Cos(δ) - (Math.Sin(φ1) * Math.Sin(φ2)));
        return (φ2 * 180 / Math.PI, λ2 * 180 / Math.PI);
    }
}
