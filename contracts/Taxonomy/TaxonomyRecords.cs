using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Registry.Contracts.Taxonomy;

public enum TaxonomyKind
{
    Processes,
    Materials,
    EquipmentTypes,
    Certifications,
    Qualifications,
    Industries,
    Prefectures,
}

[Description("A taxonomy term. Codes are stable; labels follow Accept-Language (ja or en) and may change.")]
public sealed record TaxonomyTerm
{
    [Description("Stable code, dot-separated from the family down, e.g. machining.milling.5axis.")]
    [MaxLength(80)]
    public required string Code { get; init; }

    [MaxLength(80)]
    public string? Parent { get; init; }

    [Description("The label in the requested language.")]
    [MaxLength(80)]
    public required string Label { get; init; }

    [MaxLength(80)]
    public required string LabelJa { get; init; }

    [MaxLength(80)]
    public required string LabelEn { get; init; }

    [Description("Words people type for it, in both languages.")]
    [MaxLength(40)]
    [ItemMaxLength(60)]
    public required IReadOnlyList<string> Synonyms { get; init; }

    [Description("Equipment types: the spec that sizes the machine (press: capacity in tf, …).")]
    public KeySpec? KeySpec { get; init; }

    [Description("Certifications: whether certificates carry an expiry date.")]
    public bool? Expires { get; init; }

    [Description("Prefectures: the prefectural office's location.")]
    public GeoPoint? Location { get; init; }
}

[Description("The key specification of an equipment type and the plausible range of its value.")]
public sealed record KeySpec
{
    [MaxLength(80)]
    public required string Label { get; init; }

    [MaxLength(16)]
    public required string Unit { get; init; }

    [Range(0, 1e9)]
    public required double Min { get; init; }

    [Range(0, 1e9)]
    public required double Max { get; init; }
}

[Description("A WGS 84 point.")]
public sealed record GeoPoint
{
    [Range(-90, 90)]
    public required double Lat { get; init; }

    [Range(-180, 180)]
    public required double Lon { get; init; }
}

[Description("A taxonomy term matching what was typed, for filter boxes.")]
public sealed record TaxonomySuggestion
{
    public required TaxonomyKind Kind { get; init; }

    [MaxLength(80)]
    public required string Code { get; init; }

    [MaxLength(80)]
    public required string Label { get; init; }

    [Description("The synonym or label that matched.")]
    [MaxLength(80)]
    public required string Matched { get; init; }
}
