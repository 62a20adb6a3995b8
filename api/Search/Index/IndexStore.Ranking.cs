// The order of matches: each match's primary sort key as a number, relevance as SQL computes it, the bucketed
// relevance ranking that skips most matches, and the sort value a keyset cursor carries. The heap that keeps the best
// page is the Collector (Collector.cs).
using System.Buffers;
using System.Globalization;
using System.Numerics;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Search.Index;

internal sealed partial class IndexStore
{
    /// <summary>
    /// Relevance takes few values — (words in the name) / (words), plus 0.001 when verified — so the matches fall
    /// into buckets that bit operations select a word (64 sites) at a time. Buckets are ranked best first, and
    /// once the kept set is full after a bucket, no later bucket can enter it.
    /// </summary>
    private void RankByRelevance(ulong[] buffer, int words, QueryPlan plan, Collector matches)
    {
        var n = plan.NamePostings.Length;
        var names = new ulong[n][];
        try
        {
            RankByRelevance(buffer, words, plan, matches, names);
        }
        finally
        {
            foreach (var mask in names.Where(m => m is not null))
            {
                ArrayPool<ulong>.Shared.Return(mask);
            }
        }
    }

    private void RankByRelevance(ulong[] buffer, int words, QueryPlan plan, Collector matches, ulong[][] names)
    {
        var n = names.Length;
        for (var k = 0; k < n; k++)
        {
            names[k] = ArrayPool<ulong>.Shared.Rent(Math.Max(1, words));
            Array.Clear(names[k], 0, words);
            if (plan.NamePostings[k] is { } posting)
            {
                for (var i = 0; i < words; i++)
                {
                    names[k][i] = posting.Bits?.Word(i) ?? 0;
                }

                foreach (var ordinal in posting.List)
                {
                    names[k][ordinal >> 6] |= 1UL << ordinal;
                }
            }
        }

        for (var inName = n; inName >= 0; inName--)
        {
            foreach (var verified in (ReadOnlySpan<bool>)[true, false])
            {
                var relevance = (n == 0 ? 0.0 : (double)inName / n) + (verified ? 0.001 : 0.0);
                var primary = ulong.MaxValue - BitConverter.DoubleToUInt64Bits(relevance);
                for (var i = 0; i < words; i++)
                {
                    var word = buffer[i] & Exactly(names, i, inName) & (verified ? _verified.Word(i) : ~_verified.Word(i));
                    while (word != 0)
                    {
                        var ordinal = (i << 6) + BitOperations.TrailingZeroCount(word);
                        matches.Rank(new RankedMatch(ordinal, primary, double.MaxValue, relevance));
                        word &= word - 1;
                    }
                }

                if (matches.Full)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The bits of word <paramref name="i"/> set in exactly <paramref name="count"/> of the masks (a bit-sliced counter).</summary>
    private static ulong Exactly(ulong[][] masks, int i, int count)
    {
        ulong s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        foreach (var mask in masks)
        {
            var carry = mask[i];
            (s0, carry) = (s0 ^ carry, s0 & carry);
            (s1, carry) = (s1 ^ carry, s1 & carry);
            (s2, carry) = (s2 ^ carry, s2 & carry);
            s3 |= carry;
        }

        return ((count & 1) != 0 ? s0 : ~s0) & ((count & 2) != 0 ? s1 : ~s1) & ((count & 4) != 0 ? s2 : ~s2) & ((count & 8) != 0 ? s3 : ~s3);
    }

    /// <summary>
    /// The share of words found in the site's names, plus a little for verified sites — as SQL computes it. A word
    /// of one or two characters is in a name exactly when it is one of the name's grams.
    /// </summary>
    private double Relevance(int ordinal, QueryPlan plan)
    {
        var inName = 0;
        foreach (var posting in plan.NamePostings)
        {
            inName += posting?.Contains(ordinal) == true ? 1 : 0;
        }

        var text = plan.NamePostings.Length == 0 ? 0.0 : (double)inName / plan.NamePostings.Length;
        return text + (_verified.Get(ordinal) ? 0.001 : 0.0);
    }

    /// <summary>
    /// The primary sort key of a match as a number that orders as the sort does: the name's packed first
    /// characters, the distance's bits (non-negative doubles order as their bits), or the relevance's bits
    /// inverted (higher first). Equal numbers fall back to the full comparison.
    /// </summary>
    private ulong Primary(int ordinal, SupplierSort sort, double distance, double relevance) => sort switch
    {
        SupplierSort.Distance => BitConverter.DoubleToUInt64Bits(distance),
        SupplierSort.Relevance => ulong.MaxValue - BitConverter.DoubleToUInt64Bits(relevance),
        _ => _namePrefixes[ordinal],
    };

    /// <summary>The sort value a cursor carries, written as the SQL path writes it.</summary>
    private string KeyValue(RankedMatch match, SupplierSort sort) => sort switch
    {
        SupplierSort.Distance => match.Distance.ToString("R", CultureInfo.InvariantCulture),
        SupplierSort.Relevance => match.Relevance.ToString("R", CultureInfo.InvariantCulture),
        _ => _names[match.Ordinal]!,
    };
}
