using System.Globalization;
using System.Text.RegularExpressions;

namespace Registry.Api.Errors;

/// <summary>
/// The service's problem messages, written in English where they arise, and their Japanese. A message is a template:
/// <c>{name}</c> stands for a value the code puts in ("Not a known prefecture code: {code}."). A field message that
/// names no field (<see cref="Http.Validation"/>'s "Required.") takes the field's label: <c>{label}</c> in Japanese,
/// <c>{Label}</c> or <c>{label}</c> in its English form. A new message gets its translation here;
/// ProblemCatalogTests finds messages in the code that have none.
/// </summary>
public static partial class ProblemCatalog
{
    /// <summary>The generic detail of a validation problem, which <see cref="ProblemLanguage"/> replaces by the fields' labels.</summary>
    public const string SeeErrors = "One or more fields are invalid; see errors.";

    // Field messages that name no field: the label is added in both languages.
    private static readonly Entry[] s_fieldMessages =
    [
        new("Required.", "{label}を入力してください。", "{Label} is required."),
        new("Must be a finite number.", "{label}は有限の数値で入力してください。", "{Label} must be a finite number."),
        new("Must be between {min} and {max}.", "{label}は {min}〜{max} の範囲で入力してください。", "{Label} must be between {min} and {max}."),
        new("At most {n} characters.", "{label}は {n} 文字以内で入力してください。", "{Label} must be at most {n} characters."),
        new("At least {n} characters.", "{label}は {n} 文字以上で入力してください。", "{Label} must be at least {n} characters."),
        new("At most 1 item.", "{label}は 1 件までです。", "{Label} takes at most 1 item."),
        new("At most {n} items.", "{label}は {n} 件までです。", "{Label} takes at most {n} items."),
        new("At least 1 item.", "{label}を 1 件以上指定してください。", "{Label} needs at least 1 item."),
        new("At least {n} items.", "{label}を {n} 件以上指定してください。", "{Label} needs at least {n} items."),
        new("Each value at most {n} characters.", "{label}の各値は {n} 文字以内で入力してください。", "Each value of {label} must be at most {n} characters."),
        new("Each value must be between {min} and {max}.", "{label}の各値は {min}〜{max} の範囲で入力してください。", "Each value of {label} must be between {min} and {max}."),
        new("Must be one of: {values}.", "{label}は次のいずれかで指定してください: {values}。", "{Label} must be one of: {values}."),
        new("Not a valid e-mail address.", "{label}の形式が正しくありません。", "{Label} is not a valid e-mail address."),
        new("Must be an http or https URL.", "{label}は http または https の URL で入力してください。", "{Label} must be an http or https URL."),
        new("Invalid.", "{label}が正しくありません。", "{Label} is not valid."),
        new("Must be a whole number.", "{label}は整数で指定してください。", "{Label} must be a whole number."),
        new("Must be a number.", "{label}は数値で指定してください。", "{Label} must be a number."),
        new("Must be true or false.", "{label}は true または false で指定してください。", "{Label} must be true or false."),
        new("Must be an id (UUID).", "{label}は ID（UUID 形式）で指定してください。", "{Label} must be an id (UUID)."),
        new("Must be a date and time (ISO 8601).", "{label}は日時（ISO 8601 形式）で指定してください。", "{Label} must be a date and time (ISO 8601)."),
        new("Must be a date (YYYY-MM-DD).", "{label}は日付（YYYY-MM-DD 形式）で指定してください。", "{Label} must be a date (YYYY-MM-DD)."),
        new("Must be a valid value.", "{label}の値が正しくありません。", "{Label} does not have a valid value."),
        new("Must not contain control characters (such as U+0000); only tab, line feed and carriage return are allowed.",
            "{label}に制御文字（U+0000 など）は使えません。使えるのはタブ、改行（LF）、復帰（CR）だけです。",
            "{Label} must not contain control characters (such as U+0000); only tab, line feed and carriage return are allowed."),
    ];

    /// <summary>Every other message: titles, details, and field messages that say what they are about.</summary>
    private static readonly Entry[] s_messages = [.. ProblemCatalogEntries.All.Select(e => new Entry(e.English, e.Japanese))];

    /// <summary>
    /// <paramref name="text"/> in the caller's language: Japanese from the catalog, English as written, a field message
    /// that names no field with the field's label (<paramref name="label"/>; "この項目" when it has none). Text the
    /// catalog does not know is left as it is (it is Japanese already, or a translation is missing).
    /// </summary>
    public static string Say(string text, bool english, FieldLabels.Label? label = null, string? field = null)
    {
        foreach (var entry in s_fieldMessages)
        {
            if (entry.Match(text) is { Success: true } match)
            {
                var named = label ?? (field is null ? null : new FieldLabels.Label(field, field));
                return english
                    ? (named is null ? text : Entry.Fill(entry.English!, match, english, named))
                    : Entry.Fill(entry.Japanese, match, english, named ?? new FieldLabels.Label("この項目", "this field"));
            }
        }

        return english ? text : Japanese(text) ?? text;
    }

    /// <summary>The Japanese of a message that names what it is about, or null when the catalog has none.</summary>
    public static string? Japanese(string text)
    {
        foreach (var entry in s_messages)
        {
            if (entry.Match(text) is { Success: true } match)
            {
                return Entry.Fill(entry.Japanese, match, english: false, label: null);
            }
        }

        // Messages made of sentences the catalog has one by one ("The database does not answer. The search index …").
        var sentences = Sentence().Split(text);
        if (sentences.Length < 2)
        {
            return null;
        }

        var parts = sentences.Select(s => s_messages.Select(e => (Entry: e, Match: e.Match(s))).FirstOrDefault(m => m.Match.Success)).ToList();
        return parts.TrueForAll(p => p.Entry is not null)
            ? string.Concat(parts.Select(p => Entry.Fill(p.Entry.Japanese, p.Match, english: false, label: null)))
            : null;
    }

    /// <summary>Whether the catalog knows <paramref name="text"/> (for the tests that look for messages without a translation).</summary>
    public static bool Knows(string text) =>
        Array.Exists(s_fieldMessages, e => e.Match(text).Success) || Japanese(text) is not null;

    private sealed class Entry
    {
        private readonly Regex _pattern;

        public Entry(string english, string japanese, string? englishWithLabel = null)
        {
            Japanese = japanese;
            English = englishWithLabel;
            var pattern = "^" + string.Concat(Hole().Split(english).Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : $"(?<{part}>.+?)")) + "$";
            _pattern = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        public string Japanese { get; }

        public string? English { get; }

        public Match Match(string text) => _pattern.Match(text);

        public static string Fill(string template, Match match, bool english, FieldLabels.Label? label) => Hole().Replace(template, hole =>
        {
            var name = hole.Groups[1].Value;
            return name switch
            {
                "label" => english ? label!.En : label!.Ja,
                "Label" => Capitalised(label!.En),
                _ => english ? match.Groups[name].Value : Terms.Japanese(name, match.Groups[name].Value),
            };
        });

        private static string Capitalised(string text) =>
            text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Hole();

    // Between two sentences: a full stop, then space, then a capital or an opening parenthesis.
    [GeneratedRegex(@"(?<=\.)\s+(?=[A-Z(])")]
    private static partial Regex Sentence();
}
