using System.Text;

namespace Registry.Api.Text;

/// <summary>
/// CSV as Japanese offices exchange it (DESIGN §8): RFC 4180 records, cells guarded against spreadsheet formulas, and
/// the character set Excel in Japan writes — UTF-8 with a BOM, or Shift_JIS (cp932). One place for the supplier
/// export, the bulk import and the order exchange, so that all three read and write the same CSV.
/// </summary>
public static class Csv
{
    static Csv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);

    private static Encoding Cp932 => Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>
    /// A cell (RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled). Free text that Excel would
    /// take for a formula (= + - @, a tab or CR first) gets a leading apostrophe: CSV injection.
    /// </summary>
    public static string Cell(string? text, bool freeText)
    {
        text ??= "";
        if (freeText && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>
    /// The text of a CSV body: a named charset, else a UTF-8 BOM, else UTF-8 if it decodes strictly, else Shift_JIS
    /// (cp932) — which Japanese Excel still writes. The BOM is not part of the text.
    /// </summary>
    public static (string? Text, string? Charset, string? Problem) Decode(byte[] body, string? charset)
    {
        if (charset is not null)
        {
            var name = charset.Trim().Trim('"').ToLowerInvariant();
            var encoding = name switch
            {
                "utf-8" or "utf8" => (Encoding)s_strictUtf8,
                "shift_jis" or "shift-jis" or "sjis" or "windows-31j" or "cp932" => Cp932,
                _ => null,
            };
            if (encoding is null)
            {
                return (null, null, $"charset '{charset}' is not one of utf-8, shift_jis.");
            }

            try
            {
                var text = encoding.GetString(body);
                return (text.TrimStart('\uFEFF'), encoding.CodePage == 932 ? "shift_jis" : "utf-8", null);
            }
            catch (DecoderFallbackException)
            {
                return (null, null, $"The file is not valid {name}.");
            }
        }

        if (body.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Decode(body[3..], "utf-8") is var (text, _, problem) ? (text, "utf-8", problem) : default;
        }

        try
        {
            return (s_strictUtf8.GetString(body), "utf-8", null);
        }
        catch (DecoderFallbackException)
        {
            return Decode(body, "shift_jis");
        }
    }

    // Where Unicode and cp932 disagree on a character Japanese text uses every day (the JIS X 0208 mapping of
    // Unicode's WAVE DASH and friends against Microsoft's), the cp932 form: what Excel shows for the same mark.
    private static readonly Dictionary<char, char> s_cp932Forms = new()
    {
        ['\u301C'] = '\uFF5E', // 〜 WAVE DASH → ～
        ['\u2016'] = '\u2225', // ‖ → ∥
        ['\u2212'] = '\uFF0D', // − MINUS SIGN → －
        ['\u00A2'] = '\uFFE0', // ¢
        ['\u00A3'] = '\uFFE1', // £
        ['\u00AC'] = '\uFFE2', // ¬
        ['\u2014'] = '\u2015', // — EM DASH → ―
    };

    /// <summary>
    /// The bytes of <paramref name="text"/>: UTF-8 with BOM, or Shift_JIS (cp932). A character cp932 cannot hold (𠮷,
    /// emoji, most characters outside JIS X 0208 and the NEC/IBM extensions) is not replaced by '?' — a document must
    /// not change silently — but named, so that the caller takes UTF-8 instead.
    /// </summary>
    public static (byte[]? Bytes, string? Unencodable) Encode(string text, bool shiftJis)
    {
        if (!shiftJis)
        {
            return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], null);
        }

        var mapped = string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = s_cp932Forms.TryGetValue(source[i], out var form) ? form : source[i];
            }
        });
        try
        {
            return (Cp932.GetBytes(mapped), null);
        }
        catch (EncoderFallbackException ex)
        {
            var bad = ex.CharUnknownHigh != '\0' ? new string([ex.CharUnknownHigh, ex.CharUnknownLow]) : ex.CharUnknown.ToString();
            return (null, bad);
        }
    }

    /// <summary>The records of RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks; CRLF, LF or CR end a record.</summary>
    public static IEnumerable<List<string>> Records(string text)
    {
        var field = new StringBuilder();
        var record = new List<string>();
        var quoted = false;
        for (var i = text.StartsWith('\uFEFF') ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                yield return record;
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
