using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json;
using Registry.Api.Text;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Taxonomy;

/// <summary>
/// The bilingual taxonomy (processes, materials, equipment types, certifications, qualifications, JSIC industries,
/// prefectures) loaded once from the embedded taxonomy.json. Codes are stable; a term matches its descendants
/// (a search for welding finds TIG welding).
/// </summary>
public sealed class TaxonomyCatalog
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly FrozenDictionary<TaxonomyKind, IReadOnlyList<Term>> _terms;
    private readonly FrozenDictionary<(TaxonomyKind, string), Term> _byCode;
    private readonly FrozenDictionary<(TaxonomyKind, string), IReadOnlyList<string>> _descendants;
    private readonly FrozenDictionary<Term, string[]> _folded;

    /// <summary>The kinds of term a search word can name a site's capability by (DESIGN §5: what a site can do).</summary>
    private static readonly TaxonomyKind[] s_keywordKinds =
        [TaxonomyKind.Processes, TaxonomyKind.Materials, TaxonomyKind.EquipmentTypes, TaxonomyKind.Certifications];

    public TaxonomyCatalog(Stream json)
    {
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        Version = Convert.ToHexString(SHA256.HashData(buffer.ToArray()))[..16].ToLowerInvariant();
        buffer.Position = 0;
        var file = JsonSerializer.Deserialize<TaxonomyFile>(buffer, s_json)
            ?? throw new InvalidDataException("taxonomy.json is empty");

        _terms = new Dictionary<TaxonomyKind, IReadOnlyList<Term>>
        {
            [TaxonomyKind.Processes] = file.Processes,
            [TaxonomyKind.Materials] = file.Materials,
            [TaxonomyKind.EquipmentTypes] = file.EquipmentTypes,
            [TaxonomyKind.Certifications] = file.Certifications,
            [TaxonomyKind.Qualifications] = file.Qualifications,
            [TaxonomyKind.Industries] = file.Industries,
            [TaxonomyKind.Prefectures] = file.Prefectures,
        }.ToFrozenDictionary();
        _byCode = _terms.SelectMany(k => k.Value.Select(t => (Key: (k.Key, t.Code), Term: t))).ToFrozenDictionary(x => x.Key, x => x.Term);
        _descendants = _terms
            .SelectMany(k => k.Value.Select(t => (Key: (k.Key, t.Code), Codes: (IReadOnlyList<string>)[.. k.Value.Where(d => IsSelfOrDescendant(d.Code, t.Code)).Select(d => d.Code)])))
            .ToFrozenDictionary(x => x.Key, x => x.Codes);
        // Every name of a term (code, labels, synonyms) folded once, as typed words are: ﾒｯｷ finds めっき.
        _folded = _terms.Values.SelectMany(t => t)
            .ToFrozenDictionary(t => t, t => t.Synonyms.Prepend(t.En).Prepend(t.Ja).Prepend(t.Code).Select(TextFold.Fold).ToArray());
    }

    public static TaxonomyCatalog LoadEmbedded()
    {
        using var stream = typeof(TaxonomyCatalog).Assembly.GetManifestResourceStream("Registry.Api.Taxonomy.taxonomy.json")
            ?? throw new InvalidOperationException("taxonomy.json is not embedded");
        return new TaxonomyCatalog(stream);
    }

    /// <summary>Changes whenever the data changes: the taxonomy's ETag.</summary>
    public string Version { get; }

    public IReadOnlyList<Term> Terms(TaxonomyKind kind) => _terms[kind];

    public Term? Find(TaxonomyKind kind, string code) => _byCode.GetValueOrDefault((kind, code));

    public bool Exists(TaxonomyKind kind, string code) => _byCode.ContainsKey((kind, code));

    /// <summary>Adds an error under <paramref name="field"/> naming the codes of <paramref name="codes"/> that are not terms of <paramref name="kind"/>.</summary>
    public void Check(Dictionary<string, string[]> errors, string field, TaxonomyKind kind, IEnumerable<string> codes)
    {
        var unknown = codes.Where(c => !Exists(kind, c)).ToList();
        if (unknown.Count > 0)
        {
            errors[field] = [$"Not a known code (see /api/v1/taxonomy): {string.Join(", ", unknown)}."];
        }
    }

    /// <summary>The code and every code below it (welding → welding.tig, welding.mig, …); empty for an unknown code.</summary>
    public IReadOnlyList<string> SelfAndDescendants(TaxonomyKind kind, string code) => _descendants.GetValueOrDefault((kind, code)) ?? [];

    /// <summary>The code and the codes above it, nearest first (machining.milling.5axis → machining.milling → machining).</summary>
    public IEnumerable<string> SelfAndAncestors(TaxonomyKind kind, string code)
    {
        for (var term = Find(kind, code); term is not null; term = term.Parent is null ? null : Find(kind, term.Parent))
        {
            yield return term.Code;
        }
    }

    /// <summary>The top-level family of a code (machining for machining.milling.5axis).</summary>
    public string Family(TaxonomyKind kind, string code) => SelfAndAncestors(kind, code).LastOrDefault() ?? code;

    /// <summary>Terms whose label or synonym contains the typed text (folded), best first: prefix matches, then shorter labels.</summary>
    public IReadOnlyList<TaxonomySuggestion> Suggest(string typed, IReadOnlyCollection<TaxonomyKind> kinds, bool english, int limit)
    {
        var q = TextFold.Fold(typed.Trim());
        if (q.Length == 0)
        {
            return [];
        }

        return [.. kinds.SelectMany(kind => _terms[kind].Select(term => (kind, term, hit: BestHit(term, q))))
            .Where(x => x.hit is not null)
            .OrderBy(x => x.hit!.Value.Rank)
            .ThenBy(x => x.hit!.Value.Text.Length)
            .ThenBy(x => x.term.Code, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => new TaxonomySuggestion
            {
                Kind = x.kind,
                Code = x.term.Code,
                Label = english ? x.term.En : x.term.Ja,
                Matched = x.hit!.Value.Text,
            })];
    }

    /// <summary>
    /// The terms a search word names, for a keyword to find the sites that have them: the word (folded, at least two
    /// characters) is a process's, material's, equipment type's or certification's label or synonym, or the start of
    /// one (板金 → 板金加工, ようせつ → 溶接, めっき → めっき; not 電気亜鉛めっき鋼板). Terms below another named term are
    /// left out: sites store their codes with the ancestors, so the higher term finds them already.
    /// </summary>
    public IReadOnlyList<(TaxonomyKind Kind, string Code)> TermsNamedBy(string foldedWord)
    {
        if (foldedWord.Length < 2)
        {
            return [];
        }

        var named = s_keywordKinds
            .SelectMany(kind => _terms[kind].Where(t => _folded[t].Any(n => n.StartsWith(foldedWord, StringComparison.Ordinal))).Select(t => (kind, t.Code)))
            .ToList();
        return [.. named.Where(x => !named.Any(o => o.kind == x.kind && x.Code.StartsWith(o.Code + ".", StringComparison.Ordinal)))];
    }

    private (int Rank, string Text)? BestHit(Term term, string q)
    {
        (int Rank, string Text)? best = null;
        string[] names = [.. term.Synonyms.Prepend(term.En).Prepend(term.Ja).Prepend(term.Code)];
        var folded = _folded[term];
        for (var i = 0; i < names.Length; i++)
        {
            var at = folded[i].IndexOf(q, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var rank = at == 0 ? (folded[i].Length == q.Length ? 0 : 1) : 2;
            if (best is null || rank < best.Value.Rank)
            {
                best = (rank, names[i]);
            }
        }

        return best;
    }

    private static bool IsSelfOrDescendant(string candidate, string code) =>
        candidate == code || candidate.StartsWith(code + ".", StringComparison.Ordinal);

    public sealed record Term
    {
        public required string Code { get; init; }
        public string? Parent { get; init; }
        public required string Ja { get; init; }
        public required string En { get; init; }
        public IReadOnlyList<string> Synonyms { get; init; } = [];
        public KeySpecData? KeySpec { get; init; }
        public bool? Expires { get; init; }
        public string? Kana { get; init; }
        public double? Lat { get; init; }
        public double? Lon { get; init; }
    }

    public sealed record KeySpecData(string Ja, string En, string Unit, double Min, double Max);

    private sealed record TaxonomyFile
    {
        public IReadOnlyList<Term> Processes { get; init; } = [];
        public IReadOnlyList<Term> Materials { get; init; } = [];
        public IReadOnlyList<Term> EquipmentTypes { get; init; } = [];
        public IReadOnlyList<Term> Certifications { get; init; } = [];
        public IReadOnlyList<Term> Qualifications { get; init; } = [];
        public IReadOnlyList<Term> Industries { get; init; } = [];
        public IReadOnlyList<Term> Prefectures { get; init; } = [];
    }
}
