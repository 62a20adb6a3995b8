namespace Registry.Api.Search.Index;

/// <summary>
/// The sites that have one code or one text gram. Ordinals only ever grow (a changed site gets a new ordinal), so a
/// posting is appended in order: a sorted array while it is sparse, a bitset once the array would be larger than
/// the bitset (more than one site in 32) — each posting costs the smaller of the two.
/// </summary>
public sealed class Posting
{
    private int[] _list = new int[2];
    private Bitset? _bits;

    public int Count { get; private set; }

    /// <summary>The bitset form, or null while the posting is a sorted array.</summary>
    public Bitset? Bits => _bits;

    /// <summary>The sorted ordinals while the posting is an array (empty once it is a bitset).</summary>
    public ReadOnlySpan<int> List => _bits is null ? _list.AsSpan(0, Count) : [];

    /// <summary>Adds an ordinal at or after the last one added; <paramref name="universe"/> is the ordinals in use.</summary>
    public void Add(int ordinal, int universe)
    {
        if (_bits is not null)
        {
            if (!_bits.Get(ordinal))
            {
                _bits.Set(ordinal);
                Count++;
            }

            return;
        }

        if (Count > 0 && _list[Count - 1] >= ordinal)
        {
            return;
        }

        if (Count == _list.Length)
        {
            if (Count >= 1024 && Count * 32L > universe)
            {
                _bits = new Bitset(universe);
                foreach (var o in _list.AsSpan(0, Count))
                {
                    _bits.Set(o);
                }

                _bits.Set(ordinal);
                _list = [];
                Count++;
                return;
            }

            Array.Resize(ref _list, Count * 2);
        }

        _list[Count++] = ordinal;
    }

    /// <summary>Gives back the array's unused tail (after a bulk load).</summary>
    public void Trim()
    {
        if (_bits is null && _list.Length > Count)
        {
            Array.Resize(ref _list, Math.Max(Count, 1));
        }
    }

    public bool Contains(int ordinal) => _bits?.Get(ordinal) ?? _list.AsSpan(0, Count).BinarySearch(ordinal) >= 0;

    /// <summary>How many of the set bits of <paramref name="words"/> (only at <paramref name="nonZero"/>) are in this posting.</summary>
    public int CountIn(ulong[] words, ReadOnlySpan<int> nonZero)
    {
        var count = 0;
        if (_bits is { } bits)
        {
            foreach (var i in nonZero)
            {
                count += System.Numerics.BitOperations.PopCount(words[i] & bits.Word(i));
            }

            return count;
        }

        foreach (var ordinal in _list.AsSpan(0, Count))
        {
            if ((ordinal >> 6) < words.Length && (words[ordinal >> 6] & (1UL << ordinal)) != 0)
            {
                count++;
            }
        }

        return count;
    }
}
