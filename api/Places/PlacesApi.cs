using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts.Places;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Places;

/// <summary>
/// Japan's municipalities and postal codes (docs/places.md): names for codes, a picker's suggestions, what a postal
/// code fills in, and where a place is for a radius.
/// </summary>
public static class PlacesApi
{
    public const int MaxList = 200;

    public static IEndpointRouteBuilder MapPlaces(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/places").WithTags("Places").AllowAnonymous().RejectUnknownQueryParameters();

        group.MapGet("/municipalities", ListMunicipalities).AnswersWithoutDatabase()
            .WithName("listMunicipalities").WithSummary("Municipalities and wards by name (kanji, kana, romaji) or prefecture")
            .WithDescription("""
                For pickers and for showing names instead of codes. `q` matches names in kanji (豊田), readings in hiragana,
                katakana or half-width kana (とよた, トヨタ, ﾄﾖﾀ) and romaji (toyota), exact names first, then prefixes; a
                leading prefecture name (愛知県豊田) narrows it. Without `q`, every municipality of `prefecture`. Cacheable:
                ETag and Cache-Control.
                """)
            .Produces(StatusCodes.Status304NotModified)
            .WithResponseMaxItems(MaxList);
        group.MapGet("/municipalities/{code}", GetMunicipality).AnswersWithoutDatabase()
            .WithName("getMunicipality").WithSummary("One municipality by its 6-digit code (with check digit) or 5-digit code")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapGet("/postal-codes/{postalCode}", GetPostalCode).AnswersWithoutDatabase()
            .WithName("getPostalCode").WithSummary("What a postal code covers: prefecture, municipality and town")
            .WithDescription("Accepts 4710025, 471-0025 and full-width digits. From Japan Post's KEN_ALL; a business's own code (事業所の個別番号) is not in it (404).")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapGet("/centre", GetCentre)
            .WithName("getPlaceCentre").WithSummary("Where a place is, for a radius: the mean position of the registry's published sites there")
            .WithDescription("""
                `near` is a municipality code (5 or 6 digits), a postal code, a municipality's name or an address that begins
                with one. The centre is the mean position of the published sites with the postal code, else of those in the
                municipality; 422 when the registry has none there (no position is made up).
                """)
            .ProducesProblemDocument(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static Results<Ok<IReadOnlyList<Municipality>>, StatusCodeHttpResult, ProblemHttpResult> ListMunicipalities(
        [MaxLength(80)] string? q, [MaxLength(2)] string? prefecture, [Range(1, MaxList)] int? limit, PlaceCatalog catalog, HttpContext http)
    {
        var english = Language.IsEnglish(http.Request);
        if (string.IsNullOrWhiteSpace(q) && string.IsNullOrWhiteSpace(prefecture))
        {
            return Problems.Validation("q", english ? "Give q (a name, reading or romaji), prefecture, or both." : "q（名前・読み・ローマ字）か prefecture、または両方を指定してください。");
        }

        if (prefecture is not null && catalog.Prefectures.All(p => p.Code != prefecture))
        {
            return Problems.Validation("prefecture", english ? "A prefecture code (JIS X 0401) is 01 to 47." : "都道府県コード（JIS X 0401）は 01〜47 です。");
        }

        if (NotModified(catalog, http) is { } notModified)
        {
            return notModified;
        }

        var found = catalog.Suggest(q ?? "", prefecture, limit ?? (string.IsNullOrWhiteSpace(q) ? MaxList : 20));
        return TypedResults.Ok<IReadOnlyList<Municipality>>([.. found.Select(p => p.Dto)]);
    }

    public static Results<Ok<Municipality>, StatusCodeHttpResult, ProblemHttpResult> GetMunicipality(
        [MaxLength(6)] string code, PlaceCatalog catalog, HttpContext http)
    {
        if (catalog.Find(code) is not { } place)
        {
            var english = Language.IsEnglish(http.Request);
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound,
                title: english ? "No such municipality" : "市区町村が見つかりません",
                detail: english ? $"No municipality has the code {code} (6 digits with check digit, or 5)." : $"市区町村コード {code} の市区町村はありません（6 桁（検査数字付き）か 5 桁）。");
        }

        return NotModified(catalog, http) is { } notModified ? notModified : TypedResults.Ok(place.Dto);
    }

    public static Results<Ok<PostalArea>, StatusCodeHttpResult, ProblemHttpResult> GetPostalCode(
        [MaxLength(16)] string postalCode, PlaceCatalog catalog, HttpContext http)
    {
        var english = Language.IsEnglish(http.Request);
        if (PostalCodes.Digits(postalCode) is not { } digits)
        {
            return Problems.Validation("postalCode", english ? "A postal code has 7 digits: 4710025 or 471-0025." : "郵便番号は 7 桁です（4710025 または 471-0025）。");
        }

        var towns = catalog.Towns(digits);
        if (towns.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound,
                title: english ? "Unknown postal code" : "郵便番号が見つかりません",
                detail: english
                    ? $"Japan Post lists no postal code {PostalCodes.Written(digits)} (a business's own code is not listed); enter the address by hand."
                    : $"郵便番号 {PostalCodes.Written(digits)} は日本郵便のデータにありません（事業所の個別番号は載っていません）。住所を直接入力してください。");
        }

        if (NotModified(catalog, http) is { } notModified)
        {
            return notModified;
        }

        return TypedResults.Ok(new PostalArea
        {
            PostalCode = PostalCodes.Written(digits),
            Places = [.. towns.Select(t => new PostalPlace
            {
                Municipality = t.Place.Dto,
                Town = t.Name,
                Address = t.Place.Dto.Prefecture.NameJa + t.Place.Dto.NameJa + t.Name,
            })],
        });
    }

    public static async Task<Results<Ok<PlaceCentre>, ProblemHttpResult>> GetCentre(
        [Required, MaxLength(100)] string near, PlaceCentres centres, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var outcome = await centres.FindAsync(near, user, ct);
        return outcome.Centre is { } centre ? TypedResults.Ok(centre) : Refused("near", outcome, Language.IsEnglish(http.Request));
    }

    /// <summary>
    /// A filter's <c>near</c> as a point (null without one), or the problem naming the field: what search and exports
    /// call before they measure from lat and lon.
    /// </summary>
    public static async Task<(GeoLocation? Point, ProblemHttpResult? Problem)> NearAsync(
        string? near, PlaceCentres centres, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (near is null)
        {
            return (null, null);
        }

        var outcome = await centres.FindAsync(near, user, ct);
        return outcome.Centre is { } found ? (found.Centre, null) : (null, Refused("near", outcome, Language.IsEnglish(http.Request)));
    }

    /// <summary>A place that could not be placed, as the problem for the field that named it: 400 not a place, 422 no site there.</summary>
    public static ProblemHttpResult Refused(string field, PlaceCentres.Outcome outcome, bool english)
    {
        var errors = new Dictionary<string, string[]> { [field] = [outcome.Refusal!.In(english)] };
        return outcome.Status == StatusCodes.Status422UnprocessableEntity
            ? TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ProblemTypes.Validation,
                title: english ? "No position for this place" : "この場所の位置がわかりません", detail: outcome.Refusal.In(english),
                extensions: new Dictionary<string, object?> { ["errors"] = errors })
            : Problems.Validation(errors, english ? "The place is not one the registry knows; see errors." : "場所を特定できません。errors を確認してください。");
    }

    // The data set changes only with a release: one validator for everything served from it.
    private static StatusCodeHttpResult? NotModified(PlaceCatalog catalog, HttpContext http)
    {
        var etag = $"\"places-{catalog.Version}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return http.Request.Headers.IfNoneMatch.Contains(etag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : null;
    }
}
