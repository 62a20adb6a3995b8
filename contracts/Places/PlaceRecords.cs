using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Registry.Contracts.Suppliers;

namespace Registry.Contracts.Places;

public enum MunicipalityKind
{
    [Description("A city, town or village, or one of Tokyo's special wards.")]
    Municipality,

    [Description("A ward of a designated city (政令指定都市の区).")]
    Ward,

    [Description("A designated city (政令指定都市) as a whole; its wards are listed separately.")]
    DesignatedCity,
}

[Description("A prefecture, by its JIS X 0401 code.")]
public sealed record PrefectureName
{
    [Description("JIS X 0401 code, 01–47.")]
    [MaxLength(2)]
    public required string Code { get; init; }

    [MaxLength(10)]
    public required string NameJa { get; init; }

    [MaxLength(20)]
    public required string NameEn { get; init; }
}

[Description("A municipality or designated-city ward of Japan, from the places data set (docs/places.md).")]
public sealed record Municipality
{
    [Description("全国地方公共団体コード: 6 digits with its check digit, as sites carry it.")]
    [MaxLength(6)]
    public required string Code { get; init; }

    [Description("The same code without its check digit (5 digits, as Japan Post's KEN_ALL writes it).")]
    [MaxLength(5)]
    public required string Code5 { get; init; }

    [Description("Name in kanji as addresses write it, a district (郡) or designated city included: 豊田市, 名古屋市千種区, 北群馬郡榛東村.")]
    [MaxLength(40)]
    public required string NameJa { get; init; }

    [Description("Reading in katakana: トヨタシ.")]
    [MaxLength(60)]
    public required string NameKana { get; init; }

    [Description("Romaji (modified Hepburn, as municipalities write it): Toyota-shi, Nagoya-shi Chikusa-ku.")]
    [MaxLength(80)]
    public required string NameEn { get; init; }

    public required MunicipalityKind Kind { get; init; }

    [Description("Wards: the 6-digit code of their designated city.")]
    [MaxLength(6)]
    public string? ParentCode { get; init; }

    public required PrefectureName Prefecture { get; init; }
}

[Description("One town (町域) a postal code covers, with its municipality.")]
public sealed record PostalPlace
{
    public required Municipality Municipality { get; init; }

    [Description("The town (町域) in kanji; empty when the code covers the whole municipality (以下に掲載がない場合).")]
    [MaxLength(100)]
    public required string Town { get; init; }

    [Description("Prefecture, municipality and town as an address begins: 愛知県豊田市本町.")]
    [MaxLength(160)]
    public required string Address { get; init; }
}

[Description("What a postal code (郵便番号) covers, from Japan Post's KEN_ALL.")]
public sealed record PostalArea
{
    [Description("NNN-NNNN.")]
    [MaxLength(8)]
    public required string PostalCode { get; init; }

    [Description("Usually one; a code can span towns and, rarely, municipalities.")]
    [MaxLength(100)]
    public required IReadOnlyList<PostalPlace> Places { get; init; }
}

public enum CentreBasis
{
    [Description("The mean position of the registry's published sites with this postal code.")]
    SitesWithPostalCode,

    [Description("The mean position of the registry's published sites in the municipality (a designated city's wards included).")]
    SitesInMunicipality,
}

[Description("Where a place is, as the registry knows it: the mean position of its published sites there.")]
public sealed record PlaceCentre
{
    [Description("The place as given, normalised: a 6-digit municipality code or a postal code NNN-NNNN.")]
    [MaxLength(8)]
    public required string Place { get; init; }

    [Description("The place's name in Japanese: 豊田市, or 〒471-0025 豊田市本町.")]
    [MaxLength(160)]
    public required string LabelJa { get; init; }

    [MaxLength(200)]
    public required string LabelEn { get; init; }

    [Description("The municipality, or the postal code's (first) municipality.")]
    public required Municipality Municipality { get; init; }

    public required GeoLocation Centre { get; init; }

    public required CentreBasis Basis { get; init; }

    [Description("How many published sites the centre is the mean of.")]
    [Range(1, 10_000_000)]
    public required int Sites { get; init; }
}
