using System.Text.RegularExpressions;

namespace Registry.Api.Suppliers;

/// <summary>Validation of the public Japanese codes a supplier site carries. Pure functions; each returns why a value is wrong, or null.</summary>
public static partial class CodeValidators
{
    /// <summary>
    /// 法人番号 (corporate number): 13 digits, the first a check digit over the other twelve:
    /// 9 − (Σ Pn × Qn mod 9), Pn the n-th digit from the right of the twelve, Qn = 1 for odd n, 2 for even n.
    /// </summary>
    public static string? CorporateNumber(string value)
    {
        if (!ThirteenDigits().IsMatch(value))
        {
            return "A corporate number (法人番号) has exactly 13 digits.";
        }

        var sum = 0;
        for (var n = 1; n <= 12; n++)
        {
            var digit = value[13 - n] - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }

        var check = 9 - (sum % 9);
        return value[0] - '0' == check ? null : "The corporate number's check digit (its first digit) does not match; check for a typing error.";
    }

    /// <summary>
    /// 全国地方公共団体コード: 6 digits — prefecture (2), municipality (3), and a check digit: the last digit of
    /// 11 − (d1×6 + d2×5 + d3×4 + d4×3 + d5×2 mod 11). It must lie in the site's prefecture.
    /// </summary>
    public static string? MunicipalityCode(string value, string? prefectureCode)
    {
        if (!SixDigits().IsMatch(value))
        {
            return "A municipality code (全国地方公共団体コード) has exactly 6 digits.";
        }

        if (MunicipalityCheckDigit(value[..5]) != value[5] - '0')
        {
            return "The municipality code's check digit (its last digit) does not match; check for a typing error.";
        }

        if (int.Parse(value[..2], System.Globalization.CultureInfo.InvariantCulture) is < 1 or > 47)
        {
            return "The first two digits of a municipality code are its prefecture (01–47).";
        }

        return prefectureCode is not null && value[..2] != prefectureCode
            ? $"This municipality lies in prefecture {value[..2]}, not {prefectureCode}."
            : null;
    }

    public static int MunicipalityCheckDigit(string firstFive)
    {
        int[] weights = [6, 5, 4, 3, 2];
        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += (firstFive[i] - '0') * weights[i];
        }

        return (11 - (sum % 11)) % 10;
    }

    /// <summary>JIS X 0401 prefecture code, "01" (Hokkaido) to "47" (Okinawa).</summary>
    public static string? PrefectureCode(string value) =>
        TwoDigits().IsMatch(value) && int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 47 ? null : "A prefecture code (JIS X 0401) is 01 to 47.";

    /// <summary>郵便番号 written NNN-NNNN.</summary>
    public static string? PostalCode(string value) =>
        PostalCodePattern().IsMatch(value) ? null : "A postal code is written NNN-NNNN, e.g. 471-8571.";

    /// <summary>A location inside the bounding box of Japan's territory (Okinotorishima to Etorofu, Yonaguni to Minamitorishima).</summary>
    public static string? Location(double latitude, double longitude) =>
        latitude is >= 20.0 and <= 46.0 && longitude is >= 122.0 and <= 154.0
            ? null
            : "The location must lie in Japan (latitude 20–46, longitude 122–154).";

    /// <summary>A JSIC (日本標準産業分類) manufacturing middle category, 09 to 32.</summary>
    public static string? ManufacturingIndustry(string value) =>
        TwoDigits().IsMatch(value) && int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) is >= 9 and <= 32 ? null : "A manufacturing industry code (JSIC) is 09 to 32.";

    [GeneratedRegex(@"^[0-9]{13}$")]
    private static partial Regex ThirteenDigits();

    [GeneratedRegex(@"^[0-9]{6}$")]
    private static partial Regex SixDigits();

    [GeneratedRegex(@"^[0-9]{2}$")]
    private static partial Regex TwoDigits();

    [GeneratedRegex(@"^[0-9]{3}-[0-9]{4}$")]
    private static partial Regex PostalCodePattern();
}
