using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Registry.Api.OpenApi;
using Registry.Contracts;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Search;

/// <summary>
/// The filters of a supplier search, also of exports (camelCase on the wire). Several values of one filter must all
/// match (AND).
/// </summary>
public record SupplierFilter : IValidatableObject
{
    [Description("Free text over names (kanji, kana, English), descriptions and strengths. 1–2 character words (溶接, 板金) match exactly.")]
    [MaxLength(100)]
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    [Description("Process codes; a family matches its kinds (welding finds welding.tig).")]
    [MaxLength(10)]
    [ItemMaxLength(80)]
    [FromQuery(Name = "process")]
    public string[]? Process { get; init; }

    [Description("Material codes the site's capabilities work with.")]
    [MaxLength(10)]
    [ItemMaxLength(80)]
    [FromQuery(Name = "material")]
    public string[]? Material { get; init; }

    [Description("An equipment type the site has (its descendants included).")]
    [MaxLength(80)]
    [FromQuery(Name = "equipmentType")]
    public string? EquipmentType { get; init; }

    [Description("With equipmentType: the key spec's minimum, e.g. 200 for a press of at least 200 tf.")]
    [Range(0, 1e9)]
    [FromQuery(Name = "equipmentMinSpec")]
    public double? EquipmentMinSpec { get; init; }

    [Description("A workpiece that must fit a capability's envelope (mm, any orientation); with process, that capability's.")]
    [Range(0.1, 100000)]
    [FromQuery(Name = "fitXMm")]
    public double? FitXMm { get; init; }

    [Range(0.1, 100000)]
    [FromQuery(Name = "fitYMm")]
    public double? FitYMm { get; init; }

    [Range(0.1, 100000)]
    [FromQuery(Name = "fitZMm")]
    public double? FitZMm { get; init; }

    [Description("A tolerance the site must hold at least (µm): its best tolerance is this or tighter.")]
    [Range(0.01, 100000)]
    [FromQuery(Name = "toleranceUm")]
    public double? ToleranceUm { get; init; }

    [Description("Certification codes the site holds unexpired.")]
    [MaxLength(10)]
    [ItemMaxLength(80)]
    [FromQuery(Name = "certification")]
    public string[]? Certification { get; init; }

    [Description("Qualification codes held by the site's staff.")]
    [MaxLength(10)]
    [ItemMaxLength(80)]
    [FromQuery(Name = "qualification")]
    public string[]? Qualification { get; init; }

    [MaxLength(2)]
    [FromQuery(Name = "prefecture")]
    public string? Prefecture { get; init; }

    [MaxLength(6)]
    [FromQuery(Name = "municipality")]
    public string? Municipality { get; init; }

    [Description("With lon and withinKm: only sites within that distance of the point.")]
    [Range(20.0, 46.0)]
    [FromQuery(Name = "lat")]
    public double? Lat { get; init; }

    [Range(122.0, 154.0)]
    [FromQuery(Name = "lon")]
    public double? Lon { get; init; }

    [Range(0.1, 2000)]
    [FromQuery(Name = "withinKm")]
    public double? WithinKm { get; init; }

    [Description("Instead of lat and lon: a place, whose centre (the mean position of the registry's published sites there) withinKm and distances are measured from — a municipality code (5 or 6 digits), a postal code, or a municipality's name or an address beginning with one: near=232114&withinKm=30. 422 when the registry has no site there.")]
    [MaxLength(100)]
    [FromQuery(Name = "near")]
    public string? Near { get; init; }

    [Range(0, 1000000)]
    [FromQuery(Name = "employeesMin")]
    public int? EmployeesMin { get; init; }

    [Range(0, 1000000)]
    [FromQuery(Name = "employeesMax")]
    public int? EmployeesMax { get; init; }

    [Description("Only sites that take contract work (open or limited).")]
    [FromQuery(Name = "acceptsContractWork")]
    public bool? AcceptsContractWork { get; init; }

    [Description("Only sites a coordinator has verified.")]
    [FromQuery(Name = "verifiedOnly")]
    public bool? VerifiedOnly { get; init; }


    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Http.GeoFilter.Problems(Lat, Lon, WithinKm, Near);
}

/// <summary>GET /api/v1/suppliers: the filters, the order, facets and the page.</summary>
public sealed record SupplierQuery : SupplierFilter
{
    [Description("relevance (default with q), distance (default with lat/lon or near), or name.")]
    [WireEnum(typeof(SupplierSort))]
    [MaxLength(16)]
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    [Description("Also count the filtered set by process family, prefecture and certification.")]
    [FromQuery(Name = "facets")]
    public bool? Facets { get; init; }

    [Range(1, 200)]
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    [MaxLength(Http.Paging.MaxCursorLength)]
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}
