using System.Text;
using Registry.Contracts.Places;

namespace Registry.Api.Places;

/// <summary>A message for the caller in both languages; the handler picks one by Accept-Language.</summary>
public sealed record Said(string En, string Ja)
{
    public string In(bool english) => english ? En : Ja;
}

/// <summary>What a typed place is: a municipality, or a postal code with its towns; or why it is neither.</summary>
public sealed record Resolution(PlaceCatalog.Place? Municipality, string? PostalDigits, IReadOnlyList<PlaceCatalog.Town> Towns, Said? Refusal)
{
    /// <summary>The place as kept: a postal code NNN-NNNN or a 6-digit municipality code.</summary>
    public string? Normal => PostalDigits is { } digits ? PostalCodes.Written(digits) : Municipality?.Code;

    public static Resolution Refused(string en, string ja) => new(null, null, [], new Said(en, ja));
}

/// <summary>
/// Finding municipalities by what people type — kanji (豊田), kana in hiragana, katakana or half-width (とよた, トヨタ,
/// ﾄﾖﾀ), romaji (toyota, toukyou) — and reading a place out of a code, a postal code, a name or an address.
/// </summary>
public static class PlaceSearch
{
    /// <summary>Municipalities matching <paramref name="typed"/>: exact names first, then prefixes, then the rest; cities before wards.</summary>
    public static IReadOnlyList<PlaceCatalog.Place> Suggest(this PlaceCatalog catalog, string typed, string? prefecture, int limit)
    {
        var (text, inPrefecture) = StripPrefecture(catalog, Normal(typed));
        prefecture ??= inPrefecture;
        if (text.Length == 0)
        {
            return prefecture is null ? [] : [.. catalog.All.Where(p => p.PrefectureCode == prefecture).OrderBy(Order).ThenBy(p => p.Dto.Code5, StringComparer.Ordinal).Take(limit)];
        }

        var reading = IsKana(text) ? Kana.ToHiragana(text) : null;
        var key = text.Any(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') ? Kana.RomajiKey(text) : null;
        return [.. catalog.All
            .Where(p => prefecture is null || p.PrefectureCode == prefecture)
            .Select(p => (Place: p, Rank: Rank(p, text, reading, key)))
            .Where(r => r.Rank < int.MaxValue)
            .OrderBy(r => r.Rank).ThenBy(r => Order(r.Place)).ThenBy(r => r.Place.Dto.Code5, StringComparer.Ordinal)
            .Take(limit)
            .Select(r => r.Place)];
    }

    /// <summary>
    /// A place from a municipality code (5 or 6 digits), a postal code (4710025, 471-0025, full-width), a municipality's
    /// name in kanji, kana or romaji, or an address that begins with one (愛知県豊田市元城町3-17).
    /// </summary>
    public static Resolution Resolve(this PlaceCatalog catalog, string typed)
    {
        var text = Normal(typed);
        if (PostalCodes.Digits(typed) is { } digits)
        {
            var towns = catalog.Towns(digits);
            return towns.Count > 0
                ? new Resolution(towns[0].Place, digits, towns, null)
                : Resolution.Refused($"Japan Post lists no postal code {PostalCodes.Written(digits)}.", $"郵便番号 {PostalCodes.Written(digits)} は日本郵便のデータにありません。");
        }

        if (text.Length is 5 or 6 && text.All(char.IsAsciiDigit))
        {
            return catalog.Find(text) is { } coded
                ? new Resolution(coded, null, [], null)
                : Resolution.Refused($"No municipality has the code {text}.", $"市区町村コード {text} の市区町村はありません。");
        }

        var (rest, prefecture) = StripPrefecture(catalog, text);
        var exact = catalog.Suggest(rest, prefecture, 50).Where(p => IsExact(p, rest)).ToList();
        if (exact.Count == 0 && rest.Length > 0)
        {
            // An address: the longest municipality name it begins with (名古屋市千種区 before 名古屋市).
            var longest = catalog.All.Where(p => prefecture is null || p.PrefectureCode == prefecture)
                .Where(p => rest.StartsWith(p.Dto.NameJa, StringComparison.Ordinal) || rest.StartsWith(p.ShortJa, StringComparison.Ordinal))
                .GroupBy(p => Math.Max(rest.StartsWith(p.Dto.NameJa, StringComparison.Ordinal) ? p.Dto.NameJa.Length : 0, rest.StartsWith(p.ShortJa, StringComparison.Ordinal) ? p.ShortJa.Length : 0))
                .OrderByDescending(g => g.Key).FirstOrDefault();
            exact = longest?.ToList() ?? [];
        }

        return exact.Count switch
        {
            1 => new Resolution(exact[0], null, [], null),
            0 => Resolution.Refused($"No municipality is called or begins '{Short(typed)}'; type its name, code or a postal code.",
                $"「{Short(typed)}」という市区町村は見つかりません。市区町村名、市区町村コードか郵便番号を入力してください。"),
            _ => Resolution.Refused(
                $"'{Short(typed)}' is more than one municipality ({string.Join(", ", exact.Select(p => $"{p.Dto.NameEn}, {p.Dto.Prefecture.NameEn} {p.Code}"))}); add the prefecture or give the code.",
                $"「{Short(typed)}」は複数あります（{string.Join("、", exact.Select(p => $"{p.Dto.Prefecture.NameJa}{p.Dto.NameJa} {p.Code}"))}）。都道府県名を付けるか、市区町村コードで指定してください。"),
        };
    }

    private static bool IsExact(PlaceCatalog.Place place, string text)
    {
        var reading = Kana.ToHiragana(text);
        var key = text.Any(char.IsAsciiLetter) ? Kana.RomajiKey(text) : null;
        return place.Dto.NameJa == text || place.ShortJa == text || place.Stem.Ja == text
            || place.Reading == reading || place.SegmentReadings[^1] == reading || place.Stem.Reading == reading
            || (key is not null && (place.RomajiKey == key || place.SegmentKeys[^1] == key || place.Stem.Key == key));
    }

    private static int Rank(PlaceCatalog.Place place, string text, string? reading, string? key)
    {
        var rank = int.MaxValue;
        void Better(int value) => rank = Math.Min(rank, value);

        if (place.Dto.NameJa == text || place.ShortJa == text || place.Stem.Ja == text)
        {
            Better(0);
        }
        else if (place.Dto.NameJa.StartsWith(text, StringComparison.Ordinal) || place.SegmentNames.Any(s => s.StartsWith(text, StringComparison.Ordinal)))
        {
            Better(1);
        }
        else if (place.Dto.NameJa.Contains(text, StringComparison.Ordinal))
        {
            Better(3);
        }

        if (reading is not null)
        {
            if (place.Reading == reading || place.SegmentReadings[^1] == reading || place.Stem.Reading == reading)
            {
                Better(0);
            }
            else if (place.Reading.StartsWith(reading, StringComparison.Ordinal) || place.SegmentReadings.Any(s => s.StartsWith(reading, StringComparison.Ordinal)))
            {
                Better(2);
            }
        }

        if (key is { Length: > 0 })
        {
            if (place.RomajiKey == key || place.SegmentKeys[^1] == key || place.Stem.Key == key)
            {
                Better(0);
            }
            else if (place.RomajiKey.StartsWith(key, StringComparison.Ordinal) || place.SegmentKeys.Any(s => s.StartsWith(key, StringComparison.Ordinal)))
            {
                Better(2);
            }
        }

        return rank;
    }

    // Designated cities and municipalities before wards: 名古屋市 before 名古屋市千種区.
    private static int Order(PlaceCatalog.Place place) => place.Dto.Kind == MunicipalityKind.Ward ? 1 : 0;

    private static (string Text, string? Prefecture) StripPrefecture(PlaceCatalog catalog, string text)
    {
        foreach (var prefecture in catalog.Prefectures)
        {
            if (text.Length > 0 && text.StartsWith(prefecture.NameJa, StringComparison.Ordinal))
            {
                return (text[prefecture.NameJa.Length..], prefecture.Code);
            }
        }

        return (text, null);
    }

    private static string Normal(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && c != '〒')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsKana(string text) => text.All(c => c is >= 'ぁ' and <= 'ゖ' or >= 'ァ' and <= 'ヶ' or 'ー');

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
