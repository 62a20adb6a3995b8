using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Exports;

[Description("One published site as exports carry it (an NDJSON line, a CSV row with these column names, a GeoJSON "
    + "feature's properties). Sections the caller may not see are null. Code lists are space-separated in CSV.")]
public sealed record SupplierExportRow
{
    public required Guid Id { get; init; }

    [MaxLength(200)]
    public required string NameJa { get; init; }

    [MaxLength(200)]
    public string? NameEn { get; init; }

    [MaxLength(200)]
    public string? NameKana { get; init; }

    [MaxLength(13)]
    public string? CorporateNumber { get; init; }

    [MaxLength(2)]
    public required string PrefectureCode { get; init; }

    [MaxLength(6)]
    public string? MunicipalityCode { get; init; }

    [MaxLength(300)]
    public string? Address { get; init; }

    [Range(-90.0, 90.0)]
    public double? Lat { get; init; }

    [Range(-180.0, 180.0)]
    public double? Lon { get; init; }

    [Range(0, 1000000)]
    public int? Employees { get; init; }

    [Range(1600, 2100)]
    public int? FoundedYear { get; init; }

    [MaxLength(300)]
    public string? Website { get; init; }

    [Description("Process codes of the site's capabilities with their ancestors (public headlines).")]
    [MaxLength(500)]
    [ItemMaxLength(80)]
    public required IReadOnlyList<string> Processes { get; init; }

    [MaxLength(500)]
    [ItemMaxLength(80)]
    public IReadOnlyList<string>? Materials { get; init; }

    [MaxLength(500)]
    [ItemMaxLength(80)]
    public IReadOnlyList<string>? EquipmentTypes { get; init; }

    [Description("Certificates unexpired when the site last changed.")]
    [MaxLength(200)]
    [ItemMaxLength(80)]
    public IReadOnlyList<string>? Certifications { get; init; }

    [MaxLength(500)]
    [ItemMaxLength(80)]
    public IReadOnlyList<string>? Qualifications { get; init; }

    [Description("open, limited or closed.")]
    [MaxLength(10)]
    public string? ContractAcceptance { get; init; }

    [Description("Declared spare capacity, while the declaration is valid.")]
    [Range(0, 100)]
    public int? SpareCapacityPct { get; init; }

    [MaxLength(200)]
    public string? ContactName { get; init; }

    [MaxLength(254)]
    public string? ContactEmail { get; init; }

    [MaxLength(40)]
    public string? ContactPhone { get; init; }

    public required bool Edi { get; init; }

    public required bool OnlineOrdering { get; init; }

    public required bool FaxOnly { get; init; }

    public required bool Verified { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

[Description("The GeoJSON export (RFC 7946): one feature per site.")]
public sealed record SupplierGeoJson
{
    [Description("Always `FeatureCollection`.")]
    [MaxLength(20)]
    public required string Type { get; init; }

    [MaxLength(10_000_000)]
    public required IReadOnlyList<SupplierFeature> Features { get; init; }
}

[Description("A site as a GeoJSON feature: its point (null without a location) and the export row as properties.")]
public sealed record SupplierFeature
{
    [Description("Always `Feature`.")]
    [MaxLength(10)]
    public required string Type { get; init; }

    public required Guid Id { get; init; }

    public required PointGeometry? Geometry { get; init; }

    public required SupplierExportRow Properties { get; init; }
}

[Description("A GeoJSON point: [longitude, latitude] in WGS 84.")]
public sealed record PointGeometry
{
    [Description("Always `Point`.")]
    [MaxLength(10)]
    public required string Type { get; init; }

    [MinLength(2)]
    [MaxLength(2)]
    public required IReadOnlyList<double> Coordinates { get; init; }
}
