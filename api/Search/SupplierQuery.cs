using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Registry.Api.OpenApi;
using Registry.Contracts;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Search;

/// <summary>The filters of GET /api/v1/suppliers. Several values of one filter must all match (AND).</summary>
public sealed record SupplierQuery
{
    [Description("Free text over names (kanji, kana, English), descriptions and strengths. 1–2 character words (溶接, 板金) match exactly.")]
    [MaxLength(100)]
    public string? Q { get; init; }

    [Description("Process codes; a family matches its kinds (welding finds welding.tig).")]
    [MaxLength(10)]
    [ItemMaxLength(80)]
    public string[]? Process { get; init; }

    [Description("Material codes the site's capabilities work with.")]
    [MaxLength(10)]
    [ItemMaxLength(80)]
    public string[]? Material { get; init; }

    [Description("An equipment type the site has (its descendants included).")]
    [MaxLength(80)]
    public string? EquipmentType { get; init; }

    [Description("With equipmentType: the key spec's minimum, e.g. 200 for a press of at least 200 tf.")]
    [Range(0, 1e9)]
    public double? EquipmentMinSpec { get; init; }

    [Description("A workpiece that must fit a capability's envelope (mm, any orientation); with process, that capability's.")]
    [Range(0.1, 100000)]
    public double? FitXMm { get; init; }

    [Range(0.1, 100000)]
    public double? FitYMm { get; init; }

    [Range(0.1, 100000)]
    public double? FitZMm { get; init; }

    [Description("A tolerance the site must hold at least (µm): its best tolerance is this or tighter.")]
    [Range(0.01, 100000)]
    public double? ToleranceUm { get; init; }

    [Description("Certification codes the site holds unexpired.")]
    [MaxLength(10)]
    [ItemMaxLength(80)]
    public string[]? Certification { get; init; }

    [Description("Qualification codes held by the site's staff.")]
    [MaxLength(10)]
    [ItemMaxLength(80)]
    public string[]? Qualification { get; init; }

    [MaxLength(2)]
    public string? Prefecture { get; init; }

    [MaxLength(6)]
    public string? Municipality { get; init; }

    [Description("With lon and withinKm: only sites within that distance of the point.")]
    [Range(20.0, 46.0)]
    public double? Lat { get; init; }

    [Range(122.0, 154.0)]
    public double? Lon { get; init; }

    [Range(0.1, 2000)]
    public double? WithinKm { get; init; }

    [Range(0, 1000000)]
    public int? EmployeesMin { get; init; }

    [Range(0, 1000000)]
    public int? EmployeesMax { get; init; }

    [Description("Only sites that take contract work (open or limited).")]
    public bool? AcceptsContractWork { get; init; }

    [Description("Only sites a coordinator has verified.")]
    public bool? VerifiedOnly { get; init; }

    [Description("relevance (default with q), distance (default with lat/lon), or name.")]
    [WireEnum(typeof(SupplierSort))]
    [MaxLength(16)]
    public string? Sort { get; init; }

    [Description("Also count the filtered set by process family, prefecture and certification.")]
    public bool? Facets { get; init; }

    [Range(1, 200)]
    public int? Limit { get; init; }

    [MaxLength(512)]
    public string? Cursor { get; init; }
}
