using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Registry.Contracts.Suppliers;
using Registry.Contracts.Taxonomy;

namespace Registry.Contracts.Search;

[Description("A published supplier site found by a search, with what the caller may see of it.")]
public sealed record SupplierSummary
{
    public required Guid Id { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    [MaxLength(200)]
    public string? NameEn { get; init; }

    [MaxLength(2)]
    public required string PrefectureCode { get; init; }

    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    public GeoLocation? Location { get; init; }

    [Description("The site's processes (most specific codes).")]
    [MaxLength(200)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> Processes { get; init; }

    [Description("Unexpired certification codes; absent when the site does not disclose certifications to the caller.")]
    [MaxLength(50)]
    [ItemMaxLength(80)]
    public IReadOnlyList<string>? Certifications { get; init; }

    public required bool Verified { get; init; }

    [Description("Absent when the capacity section is not disclosed to the caller.")]
    public ContractAcceptance? ContractAcceptance { get; init; }

    [Description("Absent when undisclosed, undeclared or expired.")]
    [Range(0, 100)]
    public int? SpareCapacityPct { get; init; }

    [Description("Great-circle distance from the search point, when one was given.")]
    [Range(0, 5000)]
    public double? DistanceKm { get; init; }

    public required DateTimeOffset ConfirmedAt { get; init; }

    [Description("How the search words found this site through the taxonomy: a word naming a process, material, equipment type or certification the site has (板金 → sheet_metal). Absent when no word named a term the site has.")]
    [MaxLength(24)]
    public IReadOnlyList<KeywordHit>? KeywordHits { get; init; }
}

[Description("A search word that found a site because the site has a taxonomy term the word names.")]
public sealed record KeywordHit
{
    [Description("The word as it was compared (folded: NFKC, lower case, katakana as hiragana).")]
    [MaxLength(200)]
    public required string Word { get; init; }

    public required TaxonomyKind Kind { get; init; }

    [MaxLength(80)]
    public required string Code { get; init; }
}

[Description("A filter to search by instead of a word, offered when a first page finds nothing.")]
public sealed record SuggestedFilter
{
    [Description("The word the filter would replace (folded).")]
    [MaxLength(200)]
    public required string Word { get; init; }

    public required TaxonomyKind Kind { get; init; }

    [MaxLength(80)]
    public required string Code { get; init; }
}

[Description("One page of search results, with facet counts for the whole filtered set when asked for.")]
public sealed record SupplierSearchResult
{
    [MaxLength(200)]
    public required IReadOnlyList<SupplierSummary> Items { get; init; }

    [MaxLength(1024)]
    public string? NextCursor { get; init; }

    public SearchFacets? Facets { get; init; }

    [Description("Present when the first page is empty and a word names (or is part of) taxonomy terms: search by these filters instead of the words.")]
    [MaxLength(24)]
    public IReadOnlyList<SuggestedFilter>? Suggestions { get; init; }
}

[Description("Counts over every site matching the filters (not only this page).")]
public sealed record SearchFacets
{
    [Range(0, int.MaxValue)]
    public required int Total { get; init; }

    [Description("Sites per process family (machining, sheet_metal, …).")]
    [MaxLength(100)]
    public required IReadOnlyList<FacetCount> ProcessFamilies { get; init; }

    [MaxLength(47)]
    public required IReadOnlyList<FacetCount> Prefectures { get; init; }

    [Description("Only counts certifications the caller may see.")]
    [MaxLength(100)]
    public required IReadOnlyList<FacetCount> Certifications { get; init; }
}

public sealed record FacetCount
{
    [MaxLength(80)]
    public required string Code { get; init; }

    [Range(0, int.MaxValue)]
    public required int Count { get; init; }
}
