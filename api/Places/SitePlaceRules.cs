namespace Registry.Api.Places;

/// <summary>
/// A site's postal code, prefecture and municipality must agree (issue 16): the municipality must exist, and a postal
/// code Japan Post lists must be one of the municipality's (a designated city's wards count for the city) or, without a
/// municipality, of the prefecture. A code Japan Post does not list (a business's own code, 事業所の個別番号) is taken when
/// it begins like the municipality's codes. Pure; called after the codes' formats were checked.
/// </summary>
public static class SitePlaceRules
{
    public static Dictionary<string, Said> Check(PlaceCatalog catalog, string? postalCode, string prefectureCode, string? municipalityCode)
    {
        var problems = new Dictionary<string, Said>(StringComparer.Ordinal);
        PlaceCatalog.Place? municipality = null;
        if (municipalityCode is not null)
        {
            municipality = catalog.Find(municipalityCode);
            if (municipality is null)
            {
                problems["municipalityCode"] = new Said(
                    $"No municipality has the code {municipalityCode} (全国地方公共団体コード; see /api/v1/places/municipalities).",
                    $"市区町村コード {municipalityCode} の市区町村はありません（/api/v1/places/municipalities で検索できます）。");
                return problems;
            }
        }

        if (PostalCodes.Digits(postalCode) is not { } digits)
        {
            return problems;
        }

        var written = PostalCodes.Written(digits);
        var towns = catalog.Towns(digits);
        var prefecture = catalog.Prefectures.FirstOrDefault(p => p.Code == prefectureCode);
        var (whereEn, whereJa) = municipality is not null
            ? ($"{municipality.Dto.NameEn} ({municipality.Dto.Prefecture.NameEn})", $"{municipality.Dto.Prefecture.NameJa}{municipality.Dto.NameJa}")
            : (prefecture?.NameEn ?? prefectureCode, prefecture?.NameJa ?? prefectureCode);
        if (towns.Count > 0)
        {
            var fits = municipality is not null
                ? towns.Any(t => t.Place.Code == municipality.Code || t.Place.Dto.ParentCode == municipality.Code || municipality.Dto.ParentCode == t.Place.Code)
                : towns.Any(t => t.Place.PrefectureCode == prefectureCode);
            if (!fits)
            {
                var its = towns[0].Place.Dto;
                problems["postalCode"] = new Said(
                    $"Postal code {written} is in {its.NameEn} ({its.Prefecture.NameEn}), not in {whereEn}. Check the postal code or the municipality.",
                    $"郵便番号 {written} は{its.Prefecture.NameJa}{its.NameJa}{towns[0].Name}の郵便番号で、{whereJa}のものではありません。郵便番号か市区町村を確かめてください。");
            }

            return problems;
        }

        var prefixes = catalog.PostalPrefixes(municipality?.Code ?? prefectureCode);
        if (prefixes.Count > 0 && !prefixes.Contains(digits[..3]))
        {
            var list = string.Join(", ", prefixes.Order(StringComparer.Ordinal));
            problems["postalCode"] = new Said(
                $"Japan Post lists no postal code {written}, and {whereEn}'s postal codes begin {list}. Check the postal code or the municipality.",
                $"郵便番号 {written} は日本郵便のデータになく、{whereJa}の郵便番号は {list} で始まります。郵便番号か市区町村を確かめてください。");
        }

        return problems;
    }
}
