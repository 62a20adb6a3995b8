using System.Numerics;

namespace Registry.Api.Search.Index;

/// <summary>A growable set of site ordinals, one bit each: the posting list of one taxonomy code.</summary>
public sealed class Bitset
{
    private ulong[] _words;

    public Bitset(int capacity) => _words = new ulong[Math.Max(1, (capacity + 63) / 64)];

    public int Capacity => _words.Length * 64;

    /// <summary>The word holding ordinals 64·i to 64·i+63 (zero past the end).</summary>
    public ulong Word(int i) => i < _words.Length ? _words[i] : 0;

    public bool Get(int ordinal) => ordinal < Capacity && (_words[ordinal >> 6] & (1UL << ordinal)) != 0;

    public void Set(int ordinal)
    {
        Grow(ordinal + 1);
        _words[ordinal >> 6] |= 1UL << ordinal;
    }

    public void Clear(int ordinal)
    {
        if (ordinal < Capacity)
        {
            _words[ordinal >> 6] &= ~(1UL << ordinal);
        }
    }

    /// <summary>
    /// Writes the intersection of <paramref name="sets"/> into <paramref name="into"/> (its first
    /// <paramref name="words"/> words): the first set copied, then each other ANDed in a vector of words at a time.
    /// </summary>
    public static void Intersect(IReadOnlyList<Bitset> sets, ulong[] into, int words)
    {
        var target = into.AsSpan(0, words);
        if (sets.Count == 0)
        {
            target.Fill(ulong.MaxValue);
            return;
        }

        var first = sets[0]._words.AsSpan(0, Math.Min(words, sets[0]._words.Length));
        first.CopyTo(target);
        target[first.Length..].Clear();
        for (var s = 1; s < sets.Count; s++)
        {
            var other = sets[s]._words.AsSpan(0, Math.Min(words, sets[s]._words.Length));
            var i = 0;
            for (; i <= other.Length - Vector<ulong>.Count; i += Vector<ulong>.Count)
            {
                (new Vector<ulong>(target[i..]) & new Vector<ulong>(other[i..])).CopyTo(target[i..]);
            }

            for (; i < other.Length; i++)
            {
                target[i] &= other[i];
            }

            target[other.Length..].Clear();
        }
    }

    /// <summary>
    /// Adds the sites of <paramref name="posting"/> that are also in <paramref name="mask"/> and <paramref name="also"/>
    /// (each when given): a word of a bitset at a time where both are bitsets, a site at a time otherwise.
    /// </summary>
    public void UnionWith(Posting posting, Bitset? mask = null, Posting? also = null)
    {
        if (posting.Bits is { } bits && also is null)
        {
            var words = (bits.Capacity + 63) / 64;
            Grow(bits.Capacity);
            for (var i = 0; i < words; i++)
            {
                _words[i] |= bits.Word(i) & (mask?.Word(i) ?? ulong.MaxValue);
            }

            return;
        }

        if (posting.Bits is { } dense)
        {
            for (var i = 0; i < (dense.Capacity + 63) / 64; i++)
            {
                var word = dense.Word(i) & (mask?.Word(i) ?? ulong.MaxValue);
                while (word != 0)
                {
                    var ordinal = (i << 6) + BitOperations.TrailingZeroCount(word);
                    if (also!.Contains(ordinal))
                    {
                        Set(ordinal);
                    }

                    word &= word - 1;
                }
            }

            return;
        }

        foreach (var ordinal in posting.List)
        {
            if ((mask is null || mask.Get(ordinal)) && (also is null || also.Contains(ordinal)))
            {
                Set(ordinal);
            }
        }
    }

    /// <summary>How many bits are set in the first <paramref name="words"/> words of a raw buffer.</summary>
    public static int Count(ulong[] buffer, int words)
    {
        var count = 0;
        for (var i = 0; i < words; i++)
        {
            count += BitOperations.PopCount(buffer[i]);
        }

        return count;
    }

    private void Grow(int size)
    {
        if (size > Capacity)
        {
            Array.Resize(ref _words, Math.Max(_words.Length * 2, (size + 63) / 64));
        }
    }
}
