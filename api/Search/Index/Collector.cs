// Collecting one query's matches: counting them, marking them for facets, and keeping the best page after the keyset
// position in a bounded heap. A type of its own: of the store it reads only two columns (names and ids, to break
// ties), which it is handed.
using System.Buffers;
using System.Globalization;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Search.Index;

/// <summary>A match as the <see cref="Collector"/> ranks it: its ordinal, its primary sort key as a number, distance and relevance.</summary>
internal readonly record struct RankedMatch(int Ordinal, ulong Primary, double Distance, double Relevance);

/// <summary>
/// Keeps the best matches after the keyset position in a bounded max-heap (its worst on top, so that most
/// matches cost one comparison of numbers), counts every match, and marks them in a bitset for facets.
/// </summary>
internal sealed class Collector
{
    private readonly List<string?> _names;
    private readonly List<UInt128> _keys;
    private readonly SupplierSort _sort;
    private readonly RankedMatch[] _heap;
    private readonly RankedMatch? _after;
    private readonly string _afterName = "";
    private readonly UInt128 _afterKey;
    private readonly int _words;
    private int _size;

    /// <summary>
    /// <paramref name="names"/> and <paramref name="keys"/> are the store's columns by ordinal, read to break ties;
    /// <paramref name="facetWords"/> is how many words of bits to mark the matches in (0: no facets).
    /// </summary>
    public Collector(List<string?> names, List<UInt128> keys, SupplierSort sort, (string Value, Guid Id)? after, int capacity, int facetWords)
    {
        _names = names;
        _keys = keys;
        _sort = sort;
        _heap = new RankedMatch[capacity];
        _words = facetWords;
        if (facetWords > 0)
        {
            Bits = ArrayPool<ulong>.Shared.Rent(facetWords);
            Array.Clear(Bits, 0, facetWords);
        }

        if (after is { } a)
        {
            _afterName = a.Value;
            _afterKey = IndexStore.Key(a.Id);
            var number = sort is SupplierSort.Distance or SupplierSort.Relevance ? double.Parse(a.Value, CultureInfo.InvariantCulture) : 0;
            var primary = sort switch
            {
                SupplierSort.Distance => BitConverter.DoubleToUInt64Bits(number),
                SupplierSort.Relevance => ulong.MaxValue - BitConverter.DoubleToUInt64Bits(number),
                _ => IndexStore.NamePrefix(a.Value),
            };
            _after = new RankedMatch(-1, primary, number, number);
        }
    }

    /// <summary>Every match (before the keyset position too), for the facets' total.</summary>
    public int Matches { get; private set; }

    /// <summary>The matches as bits (only when facets were asked for), in the first <see cref="Words"/> words.</summary>
    public ulong[]? Bits { get; }

    public int Words => _words;

    /// <summary>Whether the kept set holds as many matches as it keeps.</summary>
    public bool Full => _size == _heap.Length;

    /// <summary>The primary key a match must not exceed to enter the kept set (when it is full, its worst's).</summary>
    public ulong Threshold => _size < _heap.Length ? ulong.MaxValue : _heap[0].Primary;

    public void Offer(RankedMatch match)
    {
        Matches++;
        if (Bits is { } bits)
        {
            bits[match.Ordinal >> 6] |= 1UL << match.Ordinal;
        }

        Rank(match);
    }

    /// <summary>Counts and marks every set bit of <paramref name="buffer"/> as a match at once.</summary>
    public void AddAll(ulong[] buffer, int words)
    {
        Matches += Bitset.Count(buffer, words);
        if (Bits is { } bits)
        {
            Array.Copy(buffer, bits, words);
        }
    }

    /// <summary>Keeps a match if it is among the best so far (it has been counted already).</summary>
    public void Rank(RankedMatch match)
    {
        if (_after is { } after && Compare(match, after) <= 0)
        {
            return;
        }

        if (_size < _heap.Length)
        {
            // Sift up: parents are worse than (sort after) their children.
            var i = _size++;
            while (i > 0 && Compare(_heap[(i - 1) / 2], match) < 0)
            {
                _heap[i] = _heap[(i - 1) / 2];
                i = (i - 1) / 2;
            }

            _heap[i] = match;
        }
        else if (Compare(match, _heap[0]) < 0)
        {
            // Sift down from the root, which the match replaces.
            var i = 0;
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= _size)
                {
                    break;
                }

                if (child + 1 < _size && Compare(_heap[child + 1], _heap[child]) > 0)
                {
                    child++;
                }

                if (Compare(_heap[child], match) <= 0)
                {
                    break;
                }

                _heap[i] = _heap[child];
                i = child;
            }

            _heap[i] = match;
        }
    }

    /// <summary>The kept matches, best first.</summary>
    public List<RankedMatch> Best()
    {
        var best = _heap.AsSpan(0, _size).ToArray().ToList();
        best.Sort(Compare);
        return best;
    }

    public void Release()
    {
        if (Bits is { } bits)
        {
            ArrayPool<ulong>.Shared.Return(bits);
        }
    }

    private int Compare(RankedMatch a, RankedMatch b)
    {
        if (a.Primary != b.Primary)
        {
            return a.Primary < b.Primary ? -1 : 1;
        }

        if (_sort is SupplierSort.Name)
        {
            var byName = string.CompareOrdinal(NameOf(a.Ordinal), NameOf(b.Ordinal));
            if (byName != 0)
            {
                return byName;
            }
        }

        return KeyOf(a.Ordinal).CompareTo(KeyOf(b.Ordinal));
    }

    private string NameOf(int ordinal) => ordinal < 0 ? _afterName : _names[ordinal]!;

    private UInt128 KeyOf(int ordinal) => ordinal < 0 ? _afterKey : _keys[ordinal];
}
