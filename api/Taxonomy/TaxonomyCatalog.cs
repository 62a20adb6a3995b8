using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json;
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

    /// <summary>Terms whose label or synonym contains the typed text, best first: prefix matches, then shorter labels.</summary>
    public IReadOnlyList<TaxonomySuggestion> Suggest(string typed, IReadOnlyCollection<TaxonomyKind> kinds, bool english, int limit)
    {
        var q = typed.Trim();
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

    private static (int Rank, string Text)? BestHit(Term term, string q)
    {
        (int Rank, string Text)? best = null;
        foreach (var text in term.Synonyms.Prepend(term.En).Prepend(term.Ja).Prepend(term.Code))
        {
            var at = text.IndexOf(q, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            var rank = at == 0 ? (text.Length == q.Length ? 0 : 1) : 2;
            if (best is null || rank < best.Value.Rank)
            {
                best = (rank, text);
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
