using System.Globalization;
using System.Text;
using Registry.Api.Text;
using Registry.Contracts.Orders;

namespace Registry.Api.Orders;

/// <summary>
/// The CSV of the order exchange (DESIGN §11, docs/orders.md): an order (注文) or its acknowledgement (注文請書) as one row
/// per line under a Japanese header of the SME common EDI's core items, written as the supplier export writes CSV (RFC
/// 4180 quoting, CRLF, free text guarded against formulas) in UTF-8 with BOM or Shift_JIS (cp932); and the
/// acknowledgements a firm's own system sends back, read from such a CSV. Pure: no database, no HTTP.
/// </summary>
public static class OrderExchangeCsv
{
    public const int MaxRows = 10_000;

    /// <summary>The largest body an acknowledgement import takes (as the bulk import's, 64 MiB).</summary>
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    public static readonly string[] OrderColumns = ["注文番号", "発注日", "品名", "品番", "数量", "単位", "単価", "金額", "税率", "納期", "納入場所", "発注者", "受注者"];

    public static readonly string[] AcknowledgementColumns = [.. OrderColumns, "回答区分", "回答日", "回答納期", "回答数量"];

    /// <summary>The import's columns: the order number and the answer are required, the buyer disambiguates.</summary>
    public const string Number = "注文番号", Buyer = "発注者", Supplier = "受注者", Answer = "回答区分", DueDate = "回答納期", Quantity = "回答数量", Note = "理由/備考";

    public static readonly string[] ImportColumns = [Number, Buyer, Supplier, Answer, DueDate, Quantity, Note];

    // "理由" and "備考" alone name the note too; the document's other columns may stay in the file (a downloaded 注文請書,
    // edited) and are not read.
    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.Ordinal) { ["理由"] = Note, ["備考"] = Note };

    private static readonly HashSet<string> s_ignored = new(AcknowledgementColumns.Except(ImportColumns), StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<OrderAnswer, string> AnswerWords = new Dictionary<OrderAnswer, string>
    {
        [OrderAnswer.Accept] = "受注",
        [OrderAnswer.Reject] = "辞退",
        [OrderAnswer.Propose] = "変更提案",
    };

    /// <summary>The document as CSV text (no BOM: <see cref="Csv.Encode"/> adds it for UTF-8).</summary>
    public static string Write(OrderDocument document)
    {
        var acknowledgement = document.Kind == OrderDocumentKind.Acknowledgement;
        var text = new StringBuilder();
        text.AppendJoin(',', acknowledgement ? AcknowledgementColumns : OrderColumns).Append("\r\n");
        foreach (var row in document.Lines)
        {
            var cells = new List<string>
            {
                Free(row.OrderNumber), Day(row.OrderedOn), Free(row.ItemName), Free(row.PartNumber), Whole(row.Quantity), Free(row.Unit),
                Whole(row.UnitPrice), Whole(row.Amount), Whole(row.TaxRate), Day(row.DueDate), Free(row.DeliveryPlace), Free(row.Buyer), Free(row.Supplier),
            };
            if (acknowledgement)
            {
                cells.Add(row.Answer is { } answer ? AnswerWords[answer] : "");
                cells.Add(row.AnsweredOn is { } on ? Day(on) : "");
                cells.Add(row.AnswerDueDate is { } due ? Day(due) : "");
                cells.Add(row.AnswerQuantity is { } quantity ? Whole(quantity) : "");
            }

            text.AppendJoin(',', cells).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Free(string? text) => Csv.Cell(text, freeText: true);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Whole(long number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>One acknowledgement read from a file: its row number (1 = the first data row), its values, and what is wrong with it by column.</summary>
    public sealed record ReadRow(int Row, OrderAcknowledgementRow Values, List<(string Column, string Message)> Errors);

    /// <summary>The acknowledgements of a CSV text (already decoded), or what is wrong with the file as a whole.</summary>
    public static (List<ReadRow> Rows, string? Problem) ReadAcknowledgements(string text)
    {
        var records = Csv.Records(text).ToList();
        if (records.Count == 0)
        {
            return ([], "The file is empty: a header row of column names comes first.");
        }

        var header = records[0].Select(h => h.Trim()).Select(h => s_aliases.GetValueOrDefault(h, h)).ToList();
        if (header.FirstOrDefault(h => !ImportColumns.Contains(h, StringComparer.Ordinal) && !s_ignored.Contains(h)) is { } unknown)
        {
            return ([], $"Unknown column '{unknown}'. The columns are: {string.Join(", ", ImportColumns)}.");
        }

        foreach (var required in new[] { Number, Answer })
        {
            if (!header.Contains(required, StringComparer.Ordinal))
            {
                return ([], $"The column '{required}' is missing.");
            }
        }

        var rows = new List<ReadRow>();
        foreach (var record in records.Skip(1).Where(r => !r.TrueForAll(c => c.Length == 0)))
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                values[header[i]] = i < record.Count && record[i].Trim().Length > 0 ? record[i].Trim() : null;
            }

            rows.Add(Check(rows.Count + 1, values));
        }

        return (rows, null);
    }

    /// <summary>The CSV column of a JSON row's field, so that a problem names the column either way.</summary>
    public static readonly IReadOnlyDictionary<string, string> JsonNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Number] = "orderNumber",
        [Buyer] = "buyer",
        [Supplier] = "supplier",
        [Answer] = "answer",
        [DueDate] = "dueDate",
        [Quantity] = "quantity",
        [Note] = "note",
    };

    /// <summary>A row of a JSON body, checked as a CSV row is (its problems name the JSON field).</summary>
    public static ReadRow Check(int number, OrderAcknowledgementRow row)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [Number] = row.OrderNumber,
            [Buyer] = row.Buyer,
            [Supplier] = row.Supplier,
            [Note] = row.Note,
            [Answer] = row.Answer is { } answer ? AnswerWords[answer] : null,
            [DueDate] = row.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [Quantity] = row.Quantity?.ToString(CultureInfo.InvariantCulture),
        };
        var read = Check(number, values);
        return read with { Errors = [.. read.Errors.Select(e => (JsonNames[e.Column], e.Message))] };
    }

    private static ReadRow Check(int number, Dictionary<string, string?> values)
    {
        var errors = new List<(string Column, string Message)>();
        string? Text(string column, int max)
        {
            var value = values.GetValueOrDefault(column)?.Trim();
            // The apostrophe this service's own CSV puts before text Excel would take for a formula.
            if (value is ['\'', '=' or '+' or '-' or '@', ..])
            {
                value = value[1..];
            }

            if (Http.ControlCharacters.In(value))
            {
                errors.Add((column, "Contains a control character (such as U+0000); only tab and line breaks are allowed."));
                return null;
            }

            if (value is { Length: > 0 } && value.Length > max)
            {
                errors.Add((column, $"At most {max} characters."));
                return null;
            }

            return value is { Length: > 0 } ? value : null;
        }

        var orderNumber = Text(Number, 40);
        if (orderNumber is null && !errors.Exists(e => e.Column == Number))
        {
            errors.Add((Number, "Required."));
        }

        OrderAnswer? answer = null;
        if (Text(Answer, 20) is { } word)
        {
            answer = AnswerWords.Where(w => w.Value == word).Select(w => (OrderAnswer?)w.Key).FirstOrDefault()
                ?? word.ToLowerInvariant() switch
                {
                    "accept" => OrderAnswer.Accept,
                    "reject" => OrderAnswer.Reject,
                    "propose" => OrderAnswer.Propose,
                    _ => null,
                };
            if (answer is null)
            {
                errors.Add((Answer, "受注 (accept), 辞退 (reject) or 変更提案 (propose)."));
            }
        }
        else if (!errors.Exists(e => e.Column == Answer))
        {
            errors.Add((Answer, "Required."));
        }

        DateOnly? due = null;
        if (Text(DueDate, 20) is { } dueText)
        {
            var normalised = dueText.Normalize(NormalizationForm.FormKC);
            if (DateOnly.TryParseExact(normalised, ["yyyy-MM-dd", "yyyy/M/d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                due = day;
            }
            else
            {
                errors.Add((DueDate, "A date: 2026-04-30, 2026/4/30 or 20260430."));
            }
        }

        int? quantity = null;
        if (Text(Quantity, 20) is { } quantityText)
        {
            if (int.TryParse(quantityText.Normalize(NormalizationForm.FormKC), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 100_000_000)
            {
                quantity = q;
            }
            else
            {
                errors.Add((Quantity, "A quantity is 1 to 100,000,000."));
            }
        }

        var note = Text(Note, 2000);
        if (answer == OrderAnswer.Reject && note is null && !errors.Exists(e => e.Column == Note))
        {
            errors.Add((Note, "Say why the order is declined."));
        }

        if (answer == OrderAnswer.Propose && due is null && quantity is null && !errors.Exists(e => e.Column is DueDate or Quantity))
        {
            errors.Add((DueDate, "Propose another due date, other quantities, or both."));
        }

        return new ReadRow(number, new OrderAcknowledgementRow
        {
            OrderNumber = orderNumber,
            Buyer = Text(Buyer, 200),
            Supplier = Text(Supplier, 200),
            Answer = answer,
            DueDate = due,
            Quantity = quantity,
            Note = note,
        }, errors);
    }
}
