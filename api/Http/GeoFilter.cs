using System.ComponentModel.DataAnnotations;

namespace Registry.Api.Http;

/// <summary>
/// A point in a query is lat and lon together, and a radius needs the point: half of one is refused, never silently
/// ignored (a search with lat alone used to answer as if no place had been given).
/// </summary>
public static class GeoFilter
{
    public static IEnumerable<ValidationResult> Problems(double? lat, double? lon, double? withinKm, string? near = null)
    {
        if (lat is null != lon is null)
        {
            yield return new ValidationResult("lat and lon go together.", [lat is null ? "Lat" : "Lon"]);
        }

        if (near is not null && (lat is not null || lon is not null))
        {
            yield return new ValidationResult("Give near or lat and lon, not both.", ["Near"]);
        }

        if (withinKm is not null && (lat is null || lon is null) && near is null)
        {
            yield return new ValidationResult("withinKm needs lat and lon, or near.", ["WithinKm"]);
        }
    }
}
