using System.Text;

namespace Registry.Api.Places;

/// <summary>郵便番号 as people type them: 4710025, 471-0025, ４７１－００２５, 〒471 0025. Pure functions.</summary>
public static class PostalCodes
{
    /// <summary>The seven digits of a postal code however it is written, or null when it is not one.</summary>
    public static string? Digits(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normal = text.Normalize(NormalizationForm.FormKC).Trim();
        if (normal.StartsWith('〒'))
        {
            normal = normal[1..].TrimStart();
        }

        var digits = new StringBuilder(7);
        for (var i = 0; i < normal.Length; i++)
        {
            var c = normal[i];
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (!(IsSeparator(c) && digits.Length == 3 && i + 1 < normal.Length && normal[i + 1] is >= '0' and <= '9'))
            {
                // A separator only between the third and fourth digit; anything else is not a postal code.
                return null;
            }
        }

        return digits.Length == 7 ? digits.ToString() : null;
    }

    /// <summary>The written form NNN-NNNN of seven digits.</summary>
    public static string Written(string digits) => digits[..3] + "-" + digits[3..];

    // Hyphen-minus (after NFKC also the full-width one), the dashes and the long-vowel mark people type for them, a space.
    private static bool IsSeparator(char c) => c is '-' or '‐' or '‑' or '–' or '—' or '−' or 'ー' or ' ';
}
