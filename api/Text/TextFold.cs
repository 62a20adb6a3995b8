using System.Text;

namespace Registry.Api.Text;

/// <summary>
/// The form Japanese text is compared in wherever people type to find something (a search, a taxonomy term, a
/// place): the search_fold() SQL function does the same to stored text, so that both sides meet.
/// </summary>
public static class TextFold
{
    // ァ (U+30A1) … ヶ (U+30F6) map onto ぁ (U+3041) … ゖ (U+3096); ー and ・ are outside the range and stay.
    private const char KatakanaFirst = '\u30A1';
    private const char KatakanaLast = '\u30F6';
    private const int KanaDistance = 0x60;

    /// <summary>
    /// NFKC (full-width ＹＡＭＡＤＡ and half-width ﾔﾏﾀﾞ become YAMADA and ヤマダ), lower case, and katakana as hiragana
    /// (メッキ and めっき become one word).
    /// </summary>
    public static string Fold(string text) => Hiragana(text.ToLowerInvariant());

    /// <summary>NFKC, and katakana as hiragana (half-width katakana included); case and everything else as it is.</summary>
    public static string Hiragana(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC);
        return string.Create(normal.Length, normal, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= KatakanaFirst and <= KatakanaLast ? (char)(c - KanaDistance) : c;
            }
        });
    }
}
