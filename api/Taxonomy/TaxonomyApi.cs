using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Taxonomy;

public static class TaxonomyApi
{
    private static readonly Dictionary<string, TaxonomyKind> s_kinds = new(StringComparer.Ordinal)
    {
        ["processes"] = TaxonomyKind.Processes,
        ["materials"] = TaxonomyKind.Materials,
        ["equipment-types"] = TaxonomyKind.EquipmentTypes,
        ["certifications"] = TaxonomyKind.Certifications,
        ["qualifications"] = TaxonomyKind.Qualifications,
        ["industries"] = TaxonomyKind.Industries,
        ["prefectures"] = TaxonomyKind.Prefectures,
    };

    public static IEndpointRouteBuilder MapTaxonomy(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/taxonomy").WithTags("Taxonomy").AllowAnonymous().RejectUnknownQueryParameters().AnswersWithoutDatabase();

        group.MapGet("/suggest", Suggest)
            .WithName("suggestTaxonomyTerms").WithSummary("Autocomplete taxonomy terms and synonyms in Japanese and English")
            .WithDescription("For filter boxes: `q` is matched against codes, labels and synonyms of both languages (溶接, MC, 5-axis…); prefix matches first.")
            .WithResponseMaxItems(50);
        group.MapGet("/{kind}", List)
            .WithName("listTaxonomyTerms").WithSummary("All terms of one taxonomy")
            .WithDescription("kind: processes, materials, equipment-types, certifications, qualifications, industries or prefectures. Labels follow Accept-Language (ja default, en). Cacheable: ETag and Cache-Control.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .WithResponseMaxItems(1000);
        return app;
    }

    public static Results<Ok<IReadOnlyList<TaxonomyTerm>>, StatusCodeHttpResult, ProblemHttpResult> List(
        [MaxLength(32)] string kind, TaxonomyCatalog taxonomy, HttpContext http)
    {
        if (!s_kinds.TryGetValue(kind, out var which))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such taxonomy",
                detail: $"Taxonomies: {string.Join(", ", s_kinds.Keys)}.");
        }

        var english = Language.IsEnglish(http.Request);
        var etag = $"\"{taxonomy.Version}-{(english ? "en" : "ja")}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=3600";
        http.Response.Headers.Vary = "Accept-Language";
        if (http.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Ok<IReadOnlyList<TaxonomyTerm>>([.. taxonomy.Terms(which).Select(t => ToDto(t, english))]);
    }

    public static Results<Ok<IReadOnlyList<TaxonomySuggestion>>, ProblemHttpResult> Suggest(
        [MaxLength(80)] string? q, [WireEnum(typeof(TaxonomyKind)), MaxLength(7), ItemMaxLength(16)] string[]? kinds, [Range(1, 50)] int? limit, TaxonomyCatalog taxonomy, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Problems.Validation("q", "Type at least one character.");
        }

        if (limit is < 1 or > 50)
        {
            return Problems.Validation("limit", "limit must be between 1 and 50.");
        }

        var which = new List<TaxonomyKind>();
        foreach (var kind in kinds ?? [])
        {
            if (!WireNames.TryParse<TaxonomyKind>(kind, out var parsed))
            {
                return Problems.Validation("kinds", $"kinds are from {string.Join(", ", WireNames.All<TaxonomyKind>())}.");
            }

            which.Add(parsed);
        }

        if (which.Count == 0)
        {
            which.AddRange(Enum.GetValues<TaxonomyKind>());
        }

        return TypedResults.Ok(taxonomy.Suggest(q, which, Language.IsEnglish(http.Request), limit ?? 10));
    }

    internal static TaxonomyTerm ToDto(TaxonomyCatalog.Term term, bool english) => new()
    {
        Code = term.Code,
        Parent = term.Parent,
        Label = english ? term.En : term.Ja,
        LabelJa = term.Ja,
        LabelEn = term.En,
        Synonyms = term.Synonyms,
        KeySpec = term.KeySpec is { } spec ? new KeySpec { Label = english ? spec.En : spec.Ja, Unit = spec.Unit, Min = spec.Min, Max = spec.Max } : null,
        Expires = term.Expires,
        Location = term is { Lat: { } lat, Lon: { } lon } ? new GeoPoint { Lat = lat, Lon = lon } : null,
    };
}
