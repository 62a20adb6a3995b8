using System.Text.RegularExpressions;

namespace Registry.Tests.Architecture;

/// <summary>
/// The rules of docs/architecture.md that a compiler does not check, read from the source of api/: which feature
/// may use which, where disclosure is decided, where the time comes from, and that Program.cs stays a table of contents.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>Shared parts every feature may use; none of them may use a feature.</summary>
    private static readonly HashSet<string> s_shared = new(StringComparer.Ordinal)
    {
        "Audit", "Auth", "Calendar", "Changes", "Data", "Disclosure", "Errors", "Events", "Http", "OpenApi", "Places", "RateLimits", "Regions", "Spa", "Taxonomy", "Text",
    };

    /// <summary>Every use of one feature by another, one way only (a use the other way round is a cycle).</summary>
    private static readonly HashSet<(string From, string To)> s_allowed =
    [
        ("Analytics", "Clusters"),
        ("BulkImports", "Exports"),
        ("BulkImports", "Search"),
        ("BulkImports", "Suppliers"),
        ("Clusters", "Matching"),
        ("Orders", "Matching"),
        ("Orders", "Suppliers"),
        ("Gatherings", "Matching"),
        ("Gatherings", "Suppliers"),
        ("Demo", "Accounts"),
        ("Demo", "Matching"),
        ("Demo", "Orders"),
        ("Demo", "Gatherings"),
        ("Demo", "Search"),
        ("Demo", "Suppliers"),
        ("Exports", "Search"),
        ("Health", "Search"),
        ("Matching", "Search"),
        ("Matching", "Suppliers"),
        ("Suppliers", "Search"),
    ];

    [Fact]
    public void FeaturesUseEachOtherOnlyOneWayAndSharedPartsUseNoFeature()
    {
        var uses = Uses();
        var unexpected = uses.Where(u => s_shared.Contains(u.From) ? !s_shared.Contains(u.To) : !s_shared.Contains(u.To) && !s_allowed.Contains(u)).ToList();

        Assert.True(unexpected.Count == 0,
            "Uses outside docs/architecture.md's table: " + string.Join(", ", unexpected.Select(u => $"{u.From} → {u.To}")));
        Assert.DoesNotContain(s_allowed, a => s_allowed.Contains((a.To, a.From)));
    }

    [Fact]
    public void TheDependencyReaderSeesAUse()
    {
        // The rule above is only as good as what it reads: Suppliers' use of Search is real and must be found.
        Assert.Contains(("Suppliers", "Search"), Uses());
        Assert.Contains(("Analytics", "Clusters"), Uses());
    }

    [Fact]
    public void OnlyDisclosureComparesADisclosureLevel()
    {
        var offenders = SourceFiles()
            .Where(f => !f.Feature.Equals("Disclosure", StringComparison.Ordinal))
            .Where(f => DisclosureComparison().IsMatch(f.Text))
            .Select(f => f.Path).ToList();

        Assert.True(offenders.Count == 0, "Mask sections through Registry.Api.Disclosure.Sections, not by comparing disclosure_* columns: " + string.Join(", ", offenders));
    }

    [Fact]
    public void TimeComesFromTheInjectedClock()
    {
        var offenders = SourceFiles().Where(f => MachineClock().IsMatch(f.Text)).Select(f => f.Path).ToList();

        Assert.True(offenders.Count == 0, "Use the injected TimeProvider (clock.GetUtcNow(), clock.Today()), not the machine's clock: " + string.Join(", ", offenders));
    }

    [Fact]
    public void ProgramStaysATableOfContents()
    {
        // The using directives grow one for one with the features' AddX/MapX lines and say nothing of their own, so
        // they are not counted: what must stay short is the table itself.
        var lines = File.ReadAllLines(Path.Combine(Repository.Root(), "api", "Program.cs")).Count(l => !l.StartsWith("using ", StringComparison.Ordinal));

        Assert.True(lines < 80, $"api/Program.cs has {lines} lines besides its using directives; a feature's wiring belongs in its AddX/MapX.");
    }

    private static HashSet<(string From, string To)> Uses()
    {
        var features = Directory.GetDirectories(Path.Combine(Repository.Root(), "api"))
            .Select(Path.GetFileName).OfType<string>().Where(n => n is not ("bin" or "obj")).ToHashSet(StringComparer.Ordinal);
        // A namespace import or a qualified name: Registry.Api.Search, or Search.Index.… from inside Registry.Api.
        var reference = new Regex(@"\bRegistry\.Api\.(?<f>[A-Z]\w+)|(?<![\w.])(?<f>" + string.Join("|", features) + @")\.[A-Z]\w*");
        var uses = new HashSet<(string, string)>();
        // Program.cs (no feature) is the table of contents: it uses every feature.
        foreach (var file in SourceFiles().Where(f => f.Feature.Length > 0))
        {
            foreach (Match m in reference.Matches(file.Text))
            {
                var to = m.Groups["f"].Value;
                if (features.Contains(to) && to != file.Feature)
                {
                    uses.Add((file.Feature, to));
                }
            }
        }

        return uses;
    }

    /// <summary>Every C# file under api/ (not build output), with comments removed.</summary>
    private static IEnumerable<(string Feature, string Path, string Text)> SourceFiles()
    {
        var api = Path.Combine(Repository.Root(), "api");
        foreach (var path in Directory.EnumerateFiles(api, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(api, path);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts[0] is "bin" or "obj")
            {
                continue;
            }

            yield return (parts.Length > 1 ? parts[0] : "", "api/" + relative.Replace(Path.DirectorySeparatorChar, '/'),
                Comment().Replace(File.ReadAllText(path), ""));
        }
    }

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"disclosure_[a-z]+\s*(<=|>=|<|>|=)\s*@?[a-z]|(<=|>=|<|>)\s*s?\.?disclosure_[a-z]+")]
    private static partial Regex DisclosureComparison();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(UtcNow|Now|Today)\b")]
    private static partial Regex MachineClock();
}
