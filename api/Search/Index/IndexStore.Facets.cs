// Facet counts: how many of a query's matches have each process family, prefecture and certification. Apart from
// the filters because it runs after them, once per page that asks, on the bits the Collector marked.
namespace Registry.Api.Search.Index;

internal sealed partial class IndexStore
{
    /// <summary>Facet counts over the matches: each family, prefecture and (visible) certification posting ANDed with them.</summary>
    private SearchIndex.Facets Tally(Collector matches, short level)
    {
        var bits = matches.Bits!;
        var nonZero = new List<int>();
        for (var i = 0; i < matches.Words; i++)
        {
            if (bits[i] != 0)
            {
                nonZero.Add(i);
            }
        }

        var families = Counts(_process.Where(p => !p.Key.Contains('.', StringComparison.Ordinal)), bits, nonZero);
        var prefectures = Counts(_prefecture, bits, nonZero);
        foreach (var i in nonZero)
        {
            bits[i] &= _certificationsVisible[level].Word(i);
        }

        var certifications = Counts(_certification, bits, nonZero);
        return new SearchIndex.Facets(matches.Matches, families, prefectures, certifications);
    }

    private static Dictionary<string, int> Counts(IEnumerable<KeyValuePair<string, Posting>> postings, ulong[] matches, List<int> nonZero)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, posting) in postings)
        {
            if (posting.CountIn(matches, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(nonZero)) is > 0 and var count)
            {
                counts[code] = count;
            }
        }

        return counts;
    }
}
