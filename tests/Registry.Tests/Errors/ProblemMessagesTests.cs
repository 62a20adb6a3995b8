using System.Text;
using System.Text.RegularExpressions;
using Registry.Api.Errors;

namespace Registry.Tests.Errors;

/// <summary>
/// Every message the code of api/ writes for a problem (a title, a detail, a field message) has a Japanese
/// translation in <see cref="ProblemCatalog"/>, so that no caller gets English in the Japanese UI. Read from the source:
/// each string literal that reads as a sentence, or follows <c>title:</c> / <c>Title =</c>, with each interpolation hole
/// filled by a sample value and literals joined by <c>+</c> taken together.
/// </summary>
public sealed partial class ProblemMessagesTests
{
    // Folders and files whose sentences are not problem messages: the contract's own descriptions, demo data, start-up
    // errors, and the catalog itself.
    private static readonly string[] s_skippedPaths =
    [
        "OpenApi/", "Demo/", "Data/", "Errors/ProblemCatalog.cs", "Errors/ProblemCatalogEntries.cs", "Errors/FieldLabels.cs", "Errors/Terms.cs",
    ];

    // Sentences that are not problem messages, with why.
    private static readonly HashSet<string> s_notProblems = new(StringComparer.Ordinal)
    {
        // Stored in the import job's record (GET /api/v1/imports/{id}), not a problem.
        "The import could not be run because of an error in the service; nothing was written. Operators find it in the log.",
    };

    [Fact]
    public void EveryProblemMessageInTheCodeHasAJapaneseTranslation()
    {
        var messages = Messages();
        Assert.Contains(messages, m => m.Text == "The due date has passed.");
        Assert.Contains(messages, m => m.Text == "Not found");
        Assert.Contains(messages, m => m.Text.StartsWith("Events before this cursor's time are no longer kept", StringComparison.Ordinal) && m.Text.EndsWith("Feed-Cursor header.", StringComparison.Ordinal));

        var untranslated = messages.Where(m => !ProblemCatalog.Knows(m.Text)).Select(m => $"{m.Where}: {m.Text}").Distinct(StringComparer.Ordinal).ToList();

        Assert.True(untranslated.Count == 0,
            $"{untranslated.Count} message(s) without a Japanese translation; add each to api/Errors/ProblemCatalogEntries.cs "
            + "(a value the code puts in is {name} in the template; 7 stands for it below), or to s_notProblems here if it is no problem message:\n"
            + string.Join("\n", untranslated));
    }

    [Fact]
    public void EveryThingThatCanBeNotFoundAndEveryLifecycleHasAJapaneseName()
    {
        var names = Files()
            .SelectMany(f => NamedThing().Matches(File.ReadAllText(f.Path)).Select(m => (f.Name, Thing: m.Groups["thing"].Value)))
            .ToList();
        Assert.Contains(names, n => n.Thing == "matching request");

        var unnamed = names.Where(n => Terms.Japanese("what", n.Thing) == n.Thing).Select(n => $"{n.Name}: {n.Thing}").Distinct(StringComparer.Ordinal).ToList();

        Assert.True(unnamed.Count == 0, "Without a Japanese name in api/Errors/Terms.cs:\n" + string.Join("\n", unnamed));
    }

    private sealed record Message(string Where, string Text);

    private static List<Message> Messages()
    {
        var messages = new List<Message>();
        foreach (var (path, name) in Files())
        {
            var source = File.ReadAllText(path);
            var literals = Literals(source);
            for (var i = 0; i < literals.Count; i++)
            {
                var first = literals[i];
                var text = new StringBuilder(first.Text);
                while (i + 1 < literals.Count && source[first.End..literals[i + 1].Start].Trim() == "+")
                {
                    first = first with { End = literals[i + 1].End };
                    text.Append(literals[++i].Text);
                }

                var before = source[source.LastIndexOf('\n', Math.Max(0, first.Start - 1))..first.Start];
                var message = text.ToString().Trim();
                // Said in both languages where it arises — `english ? "…" : "…"`, new Said("…", "…") — because its values
                // differ by language too (a place's name in kanji or romaji): the Japanese half is the next literal.
                var bilingual = i + 1 < literals.Count && source[first.End..literals[i + 1].Start].Trim() is "," or ":"
                    && Japanese().IsMatch(literals[i + 1].Text);
                if (!bilingual && IsMessage(message, before))
                {
                    messages.Add(new Message($"{name}:{source[..first.Start].Count(c => c == '\n') + 1}", message));
                }
            }
        }

        return messages;
    }

    private static bool IsMessage(string text, string before)
    {
        if (TitleContext().IsMatch(before))
        {
            return text.Length > 0;
        }

        return Sentence().IsMatch(text) && !Sql().IsMatch(text) && !s_notProblems.Contains(text) && !NotMessageContext().IsMatch(before);
    }

    private static IEnumerable<(string Path, string Name)> Files()
    {
        var api = Path.Combine(Repository.Root(), "api");
        return Directory.EnumerateFiles(api, "*.cs", SearchOption.AllDirectories)
            .Select(p => (Path: p, Name: Path.GetRelativePath(api, p).Replace('\\', '/')))
            .Where(f => !f.Name.StartsWith("bin/", StringComparison.Ordinal) && !f.Name.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => !s_skippedPaths.Any(s => f.Name.StartsWith(s, StringComparison.Ordinal)))
            .OrderBy(f => f.Name, StringComparer.Ordinal);
    }

    private sealed record Literal(int Start, int End, string Text);

    /// <summary>The string literals of C# source (raw literals skipped: they hold SQL), holes filled with "7".</summary>
    private static List<Literal> Literals(string source)
    {
        var literals = new List<Literal>();
        var i = 0;
        while (i < source.Length)
        {
            if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                i = source.IndexOf('\n', i) is var end and >= 0 ? end : source.Length;
            }
            else if (source[i] == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                i = source.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
            }
            else if (source[i] == '\'')
            {
                i = SkipChar(source, i);
            }
            else if (source[i] is '"' or '$' or '@' && StringStart(source, i) is { } quote)
            {
                var start = i;
                var (text, end) = Read(source, i, quote);
                if (text is not null)
                {
                    literals.Add(new Literal(start, end, text));
                }

                i = end;
            }
            else
            {
                i++;
            }
        }

        return literals;
    }

    // Where the opening quote of a literal starting at i is, or null if no literal starts there.
    private static int? StringStart(string source, int i)
    {
        var j = i;
        while (j < source.Length && source[j] is '$' or '@' && j - i < 3)
        {
            j++;
        }

        return j < source.Length && source[j] == '"' && (j == i || i == 0 || !char.IsLetterOrDigit(source[i - 1])) ? j : null;
    }

    private static int SkipChar(string source, int i)
    {
        var j = i + 1;
        j += source[j] == '\\' ? 2 : 1;
        while (j < source.Length && source[j] != '\'')
        {
            j++;
        }

        return j + 1;
    }

    // Reads the literal whose opening quote is at quote; returns its text (null for a raw literal) and where it ends.
    private static (string? Text, int End) Read(string source, int start, int quote)
    {
        var prefix = source[start..quote];
        var interpolated = prefix.Contains('$', StringComparison.Ordinal);
        var verbatim = prefix.Contains('@', StringComparison.Ordinal);
        if (source.AsSpan(quote).StartsWith("\"\"\""))
        {
            var run = 0;
            while (source[quote + run] == '"')
            {
                run++;
            }

            var close = source.IndexOf(new string('"', run), quote + run, StringComparison.Ordinal);
            return (null, close + run);
        }

        var text = new StringBuilder();
        var i = quote + 1;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '"' && verbatim && i + 1 < source.Length && source[i + 1] == '"')
            {
                text.Append('"');
                i += 2;
            }
            else if (c == '"')
            {
                return (text.ToString(), i + 1);
            }
            else if (c == '\\' && !verbatim)
            {
                text.Append(source[i + 1] switch { 'n' => '\n', 't' => '\t', var e => e });
                i += 2;
            }
            else if (interpolated && c == '{' && source[i + 1] == '{')
            {
                text.Append('{');
                i += 2;
            }
            else if (interpolated && c == '}' && i + 1 < source.Length && source[i + 1] == '}')
            {
                text.Append('}');
                i += 2;
            }
            else if (interpolated && c == '{')
            {
                text.Append('7');
                i = SkipHole(source, i + 1);
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return (text.ToString(), i);
    }

    // Skips an interpolation hole's expression (nested literals and braces included); returns the index after its '}'.
    private static int SkipHole(string source, int i)
    {
        var depth = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\'')
            {
                i = SkipChar(source, i);
                continue;
            }

            if (c is '"' or '$' or '@' && StringStart(source, i) is { } quote)
            {
                i = Read(source, i, quote).End;
                continue;
            }

            if (c is '{' or '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']' || (c == '}' && depth > 0))
            {
                depth--;
            }
            else if (c == '}')
            {
                return i + 1;
            }

            i++;
        }

        return i;
    }

    // A sentence: words with a space between, a lower-case letter somewhere, ending in a full stop.
    [GeneratedRegex(@"^[^\n]*[A-Za-z][^\n]* [^\n]*[a-z][^\n]*\.$")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\b(SELECT|WHERE|INSERT|UPDATE|JOIN|FROM)\b|::|@[a-z]")]
    private static partial Regex Sql();

    [GeneratedRegex(@"(\btitle:|\bTitle =)\s*$")]
    private static partial Regex TitleContext();

    [GeneratedRegex(@"Log(Information|Warning|Error|Debug|Critical)\(|\[Description\(|WithSummary\(|WithDescription\(|throw new|Description =|\.Fail\(|SuppressMessage\(|Exception\(")]
    private static partial Regex NotMessageContext();

    // Problems.NotFound("matching request"), new Transitions("request").
    [GeneratedRegex(@"(Problems\.NotFound|new Transitions)\(""(?<thing>[^""]+)""\)")]
    private static partial Regex NamedThing();

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();
}
