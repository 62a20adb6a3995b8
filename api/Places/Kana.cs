using System.Text;
using Registry.Api.Text;

namespace Registry.Api.Places;

/// <summary>
/// Readings of place names: half-width and full-width katakana to hiragana (what is compared), hiragana to
/// katakana (what is shown), and hiragana to romaji in the modified Hepburn that municipalities use on their own
/// signs and sites (とよたし → Toyota-shi, ちゅうおうく → Chuo-ku): long vowels without macrons (おお, おう → o; うう → u),
/// ん as n (n' before a vowel or y), っ doubling the next consonant (tch before ch). Pure functions.
/// </summary>
public static class Kana
{
    /// <summary>Hiragana for any kana (half-width katakana included, by NFKC); other characters are kept, NFKC-normalised.</summary>
    public static string ToHiragana(string text) => TextFold.Hiragana(text);

    /// <summary>Full-width katakana for hiragana (the reading as a form shows it).</summary>
    public static string ToKatakana(string hiragana)
    {
        var builder = new StringBuilder(hiragana.Length);
        foreach (var c in hiragana)
        {
            builder.Append(c is >= 'ぁ' and <= 'ゖ' ? (char)(c + 0x60) : c);
        }

        return builder.ToString();
    }

    private static readonly Dictionary<string, string> s_syllables = new(StringComparer.Ordinal)
    {
        ["あ"] = "a",
        ["い"] = "i",
        ["う"] = "u",
        ["え"] = "e",
        ["お"] = "o",
        ["か"] = "ka",
        ["き"] = "ki",
        ["く"] = "ku",
        ["け"] = "ke",
        ["こ"] = "ko",
        ["さ"] = "sa",
        ["し"] = "shi",
        ["す"] = "su",
        ["せ"] = "se",
        ["そ"] = "so",
        ["た"] = "ta",
        ["ち"] = "chi",
        ["つ"] = "tsu",
        ["て"] = "te",
        ["と"] = "to",
        ["な"] = "na",
        ["に"] = "ni",
        ["ぬ"] = "nu",
        ["ね"] = "ne",
        ["の"] = "no",
        ["は"] = "ha",
        ["ひ"] = "hi",
        ["ふ"] = "fu",
        ["へ"] = "he",
        ["ほ"] = "ho",
        ["ま"] = "ma",
        ["み"] = "mi",
        ["む"] = "mu",
        ["め"] = "me",
        ["も"] = "mo",
        ["や"] = "ya",
        ["ゆ"] = "yu",
        ["よ"] = "yo",
        ["ら"] = "ra",
        ["り"] = "ri",
        ["る"] = "ru",
        ["れ"] = "re",
        ["ろ"] = "ro",
        ["わ"] = "wa",
        ["ゐ"] = "i",
        ["ゑ"] = "e",
        ["を"] = "o",
        ["が"] = "ga",
        ["ぎ"] = "gi",
        ["ぐ"] = "gu",
        ["げ"] = "ge",
        ["ご"] = "go",
        ["ざ"] = "za",
        ["じ"] = "ji",
        ["ず"] = "zu",
        ["ぜ"] = "ze",
        ["ぞ"] = "zo",
        ["だ"] = "da",
        ["ぢ"] = "ji",
        ["づ"] = "zu",
        ["で"] = "de",
        ["ど"] = "do",
        ["ば"] = "ba",
        ["び"] = "bi",
        ["ぶ"] = "bu",
        ["べ"] = "be",
        ["ぼ"] = "bo",
        ["ぱ"] = "pa",
        ["ぴ"] = "pi",
        ["ぷ"] = "pu",
        ["ぺ"] = "pe",
        ["ぽ"] = "po",
        ["ゔ"] = "vu",
        ["ぁ"] = "a",
        ["ぃ"] = "i",
        ["ぅ"] = "u",
        ["ぇ"] = "e",
        ["ぉ"] = "o",
        ["ゎ"] = "wa",
        ["きゃ"] = "kya",
        ["きゅ"] = "kyu",
        ["きょ"] = "kyo",
        ["ぎゃ"] = "gya",
        ["ぎゅ"] = "gyu",
        ["ぎょ"] = "gyo",
        ["しゃ"] = "sha",
        ["しゅ"] = "shu",
        ["しょ"] = "sho",
        ["じゃ"] = "ja",
        ["じゅ"] = "ju",
        ["じょ"] = "jo",
        ["ちゃ"] = "cha",
        ["ちゅ"] = "chu",
        ["ちょ"] = "cho",
        ["ぢゃ"] = "ja",
        ["ぢゅ"] = "ju",
        ["ぢょ"] = "jo",
        ["にゃ"] = "nya",
        ["にゅ"] = "nyu",
        ["にょ"] = "nyo",
        ["ひゃ"] = "hya",
        ["ひゅ"] = "hyu",
        ["ひょ"] = "hyo",
        ["びゃ"] = "bya",
        ["びゅ"] = "byu",
        ["びょ"] = "byo",
        ["ぴゃ"] = "pya",
        ["ぴゅ"] = "pyu",
        ["ぴょ"] = "pyo",
        ["みゃ"] = "mya",
        ["みゅ"] = "myu",
        ["みょ"] = "myo",
        ["りゃ"] = "rya",
        ["りゅ"] = "ryu",
        ["りょ"] = "ryo",
        ["ふぁ"] = "fa",
        ["ふぃ"] = "fi",
        ["ふぇ"] = "fe",
        ["ふぉ"] = "fo",
        ["てぃ"] = "ti",
        ["でぃ"] = "di",
    };

    /// <summary>Modified Hepburn, lower case, for a reading in hiragana or katakana (characters that are not kana are dropped).</summary>
    public static string Romaji(string kana)
    {
        var text = ToHiragana(kana);
        var syllables = new List<string>();
        var geminate = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == 'っ')
            {
                geminate = true;
                continue;
            }

            if (c == 'ん')
            {
                var next = i + 1 < text.Length ? Syllable(text, i + 1).Romaji : null;
                syllables.Add(next is { Length: > 0 } && (IsVowel(next[0]) || next[0] == 'y') ? "n'" : "n");
                continue;
            }

            if (c == 'ー')
            {
                continue;
            }

            var (romaji, length) = Syllable(text, i);
            if (romaji is null)
            {
                continue;
            }

            i += length - 1;
            if (geminate)
            {
                romaji = (romaji.StartsWith("ch", StringComparison.Ordinal) ? "t" : romaji[..1]) + romaji;
                geminate = false;
            }

            if (syllables.Count > 0 && IsLongVowel(syllables, romaji, i + 1 < text.Length ? Syllable(text, i + 1).Romaji : null))
            {
                continue;
            }

            syllables.Add(romaji);
        }

        return string.Concat(syllables);
    }

    /// <summary>
    /// A municipality's name part in romaji: the stem capitalised and its suffix after a hyphen, as the municipality writes
    /// it (豊田市 とよたし → Toyota-shi, 北群馬郡 きたぐんまぐん → Kitagunma-gun); names without a known suffix are just capitalised.
    /// </summary>
    public static string PlaceRomaji(string nameJa, string reading) =>
        SplitSuffix(nameJa, reading) is var (stem, suffix)
            ? Capitalise(Romaji(stem)) + "-" + Romaji(suffix)
            : Capitalise(Romaji(ToHiragana(reading)));

    /// <summary>A name's reading split into its stem and the reading of its suffix (市 し, 区 く, 郡 ぐん, 町 まち/ちょう, 村 むら/そん, 県 けん…), or null.</summary>
    public static (string Stem, string Suffix)? SplitSuffix(string nameJa, string reading)
    {
        var kana = ToHiragana(reading);
        var suffixes = nameJa.Length == 0 ? [] : nameJa[^1] switch
        {
            '市' => new[] { "し" },
            '区' => ["く"],
            '郡' => ["ぐん"],
            '町' => ["まち", "ちょう"],
            '村' => ["むら", "そん"],
            '都' => ["と"],
            '道' => ["どう"],
            '府' => ["ふ"],
            '県' => ["けん"],
            _ => [],
        };
        foreach (var suffix in suffixes)
        {
            if (kana.Length > suffix.Length && kana.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (kana[..^suffix.Length], suffix);
            }
        }

        return null;
    }

    /// <summary>What romaji is compared by: letters only, lower case, long vowels and n/m before b, p, m folded (toukyou = tokyo, gumma = gunma).</summary>
    public static string RomajiKey(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z')
            {
                builder.Append(c);
            }
        }

        return builder.ToString()
            .Replace("ou", "o", StringComparison.Ordinal).Replace("oo", "o", StringComparison.Ordinal)
            .Replace("uu", "u", StringComparison.Ordinal).Replace("oh", "o", StringComparison.Ordinal)
            .Replace("mb", "nb", StringComparison.Ordinal).Replace("mp", "np", StringComparison.Ordinal).Replace("mm", "nm", StringComparison.Ordinal);
    }

    /// <summary>
    /// Long vowels as the municipalities write them: おう and うう are one vowel (Chuo, Tokai, Chiryu); おお only at the
    /// start of a name and in こおり/ごおり (Osaka, Oita, Koriyama, Gamagori), because elsewhere it is two (Toyooka, Shizuoka).
    /// </summary>
    private static bool IsLongVowel(List<string> before, string romaji, string? next)
    {
        var previous = before[^1];
        if (previous.Length == 0 || previous == "n'")
        {
            return false;
        }

        return (romaji, previous[^1]) switch
        {
            ("u", 'o' or 'u') => true,
            ("o", 'o') => before.Count == 1 || next == "ri",
            _ => false,
        };
    }

    private static string Capitalise(string romaji) => romaji.Length == 0 ? romaji : char.ToUpperInvariant(romaji[0]) + romaji[1..];

    private static bool IsVowel(char c) => c is 'a' or 'i' or 'u' or 'e' or 'o';

    private static (string? Romaji, int Length) Syllable(string text, int at)
    {
        if (at + 1 < text.Length && s_syllables.TryGetValue(text.Substring(at, 2), out var pair))
        {
            return (pair, 2);
        }

        return s_syllables.TryGetValue(text.Substring(at, 1), out var single) ? (single, 1) : (null, 1);
    }
}
