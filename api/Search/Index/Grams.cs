// The text postings' keys: a query's short words and a site's text broken into characters and character pairs the
// way the SQL side breaks them (text_grams()), so that both paths find the same sites.
using System.Text;

namespace Registry.Api.Search.Index;

/// <summary>Grams of one or two characters as posting keys: the first character's code in the high half, the second's (or all ones) in the low.</summary>
internal static class Grams
{
    /// <summary>The posting key of a gram of one or two characters (Unicode scalar values, as PostgreSQL counts them).</summary>
    public static ulong Key(string gram)
    {
        var runes = gram.EnumerateRunes();
        uint first = uint.MaxValue, second = uint.MaxValue;
        foreach (var rune in runes)
        {
            if (first == uint.MaxValue)
            {
                first = (uint)rune.Value;
            }
            else
            {
                second = (uint)rune.Value;
                break;
            }
        }

        return ((ulong)first << 32) | second;
    }

    /// <summary>
    /// Every character and every pair of adjacent characters without white space, as the text_grams() SQL function
    /// makes the search_bigrams column.
    /// </summary>
    public static IEnumerable<ulong> Of(string text)
    {
        var previous = (Rune?)null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                previous = null;
                continue;
            }

            yield return ((ulong)(uint)rune.Value << 32) | uint.MaxValue;
            if (previous is { } p)
            {
                yield return ((ulong)(uint)p.Value << 32) | (uint)rune.Value;
            }

            previous = rune;
        }
    }
}
