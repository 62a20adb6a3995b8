using System.Security.Claims;
using Dapper;
using Registry.Api.Data;
using Registry.Contracts.Places;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Places;

/// <summary>
/// Where a place is, for a radius around it (search, matching and cluster regions). No data set here has positions,
/// so the registry uses what it knows: the mean position of its published sites with the postal code, else in the
/// municipality (a designated city's wards included). Where it has no site, it says so rather than guess.
/// </summary>
public sealed class PlaceCentres(PlaceCatalog catalog, ReadDatabase reads)
{
    public PlaceCatalog Catalog => catalog;

    /// <summary>A centre, or why there is none (the status says which: 400 not a place, 422 no site there).</summary>
    public sealed record Outcome(PlaceCentre? Centre, int Status, Said? Refusal);

    public async Task<Outcome> FindAsync(string typed, ClaimsPrincipal user, CancellationToken ct)
    {
        var place = catalog.Resolve(typed);
        if (place.Refusal is { } refusal)
        {
            return new Outcome(null, StatusCodes.Status400BadRequest, refusal);
        }

        var municipality = place.Municipality!;
        var codes = new[] { municipality }.Concat(catalog.WardsOf(municipality))
            .Concat(place.Towns.Select(t => t.Place)).Select(p => p.Code).Distinct().ToArray();
        var written = place.PostalDigits is { } digits ? PostalCodes.Written(digits) : null;
        var found = await reads.ReadAsync(user, async (connection, token) =>
        {
            if (written is not null)
            {
                var byPostal = await connection.QuerySingleAsync<Mean>(new CommandDefinition(ByPostalCode, new { written }, cancellationToken: token));
                if (byPostal.Sites > 0)
                {
                    return (byPostal, CentreBasis.SitesWithPostalCode);
                }
            }

            return (await connection.QuerySingleAsync<Mean>(new CommandDefinition(
                ByMunicipality, new { prefecture = municipality.PrefectureCode, codes }, cancellationToken: token)), CentreBasis.SitesInMunicipality);
        }, ct);

        var (labelJa, labelEn) = written is null
            ? (municipality.Dto.NameJa, $"{municipality.Dto.NameEn} ({municipality.Dto.Prefecture.NameEn})")
            : ($"〒{written} {municipality.Dto.NameJa}{place.Towns[0].Name}", $"{written} {municipality.Dto.NameEn} ({municipality.Dto.Prefecture.NameEn})");
        if (found.Item1 is not { Sites: > 0, Lat: { } lat, Lon: { } lon } mean)
        {
            return new Outcome(null, StatusCodes.Status422UnprocessableEntity, new Said(
                $"The registry has no published site in {labelEn} to place it by; choose a neighbouring municipality or give latitude and longitude.",
                $"{labelJa}には公開中の事業所がなく、位置を決められません。近くの市区町村を選ぶか、緯度・経度を指定してください。"));
        }

        return new Outcome(new PlaceCentre
        {
            Place = written ?? municipality.Code,
            LabelJa = labelJa,
            LabelEn = labelEn,
            Municipality = municipality.Dto,
            Centre = new GeoLocation { Lat = Math.Round(lat, 5), Lon = Math.Round(lon, 5) },
            Basis = found.Item2,
            Sites = mean.Sites,
        }, StatusCodes.Status200OK, null);
    }

    private sealed record Mean(int Sites, double? Lat, double? Lon);

    private const string ByPostalCode = """
        SELECT count(*)::int AS sites, avg(ST_Y(location::geometry)) AS lat, avg(ST_X(location::geometry)) AS lon
        FROM suppliers WHERE status = 'published' AND location IS NOT NULL AND postal_code = @written
        """;

    private const string ByMunicipality = """
        SELECT count(*)::int AS sites, avg(ST_Y(location::geometry)) AS lat, avg(ST_X(location::geometry)) AS lon
        FROM suppliers WHERE status = 'published' AND location IS NOT NULL AND prefecture_code = @prefecture AND municipality_code = ANY(@codes)
        """;
}
