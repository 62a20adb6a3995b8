using Registry.Api.Text;

namespace Registry.Api.Search;

/// <summary>How a free-text query is cut into words, the same for the SQL path and the in-process index.</summary>
public static class TextQuery
{
    /// <summary>Folded (<see cref="TextFold"/>, as search_text is stored), distinct words separated by white space (at most eight).</summary>
    public static IReadOnlyList<string> Words(string? q) =>
        string.IsNullOrWhiteSpace(q)
            ? []
            : [.. TextFold.Fold(q.Trim()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().Take(8)];

    /// <summary>
    /// A word of one or two characters is a gram: found exactly through the search_bigrams column (or the index's
    /// gram postings). Longer words are substrings searched with the trigram index.
    /// </summary>
    public static bool IsGram(string word) => word.Length <= 2;
}
