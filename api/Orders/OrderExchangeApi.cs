using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Changes;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.Text;
using Registry.Contracts.BulkImports;
using Registry.Contracts.Orders;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Registry.Api.Orders;

/// <summary>
/// The order exchange (DESIGN §11, docs/orders.md): an order (注文) or its acknowledgement (注文請書) as a document in JSON
/// or CSV — UTF-8 with BOM, or Shift_JIS — whose columns map to the SME common EDI's core items, for the order's two
/// parties only; and acknowledgements imported from such a CSV (or JSON) by the supplier's account: each row answers
/// one order sent to the caller's sites through the same rules as the API (OrderActions), recorded as answered by
/// import. As the bulk import (DESIGN §8), a dry run reports every row and writes nothing, and a real import is written
/// whole in one transaction or, with any bad row, not at all.
/// </summary>
public static class OrderExchangeApi
{
    private static readonly Dictionary<string, string> s_formats = new(StringComparer.Ordinal)
    {
        ["json"] = "application/json",
        ["csv"] = "text/csv",
    };

    private const string Scope = "orders";

    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/orders").WithTags("Orders").RejectUnknownQueryParameters().RequireAuthorization(Policies.Member);
        group.MapGet("/{id:guid}/document", DocumentAsync)
            .WithName("getOrderDocument")
            .WithSummary("The order (注文) or its acknowledgement (注文請書) as an exchange document: JSON, or CSV in UTF-8 with BOM or Shift_JIS (its parties)")
            .Produces<OrderDocument>(StatusCodes.Status200OK, "application/json", "text/csv")
            .WithMediaTypeSchema<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status406NotAcceptable)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapPost("/acknowledgements", ImportAsync)
            .WithMetadata(new RequestSizeLimitAttribute(OrderExchangeCsv.MaxBodyBytes))
            .WithMetadata(new CsvOrJsonBody(typeof(OrderAcknowledgementRow), OrderExchangeCsv.MaxBodyBytes, OrderExchangeCsv.MaxRows))
            .WithName("importOrderAcknowledgements")
            .WithSummary("Answer orders sent to the caller's sites from an acknowledgement CSV (UTF-8, UTF-8 with BOM, Shift_JIS) or JSON; all rows or none; dryRun=true only checks")
            .Produces<OrderAcknowledgementImport>(StatusCodes.Status200OK)
            .ProducesProblemDocument(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblemDocument(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ImportRefusedProblem>(StatusCodes.Status422UnprocessableEntity, ContractConventions.ProblemMediaType);
    }

    public static async Task<IResult> DocumentAsync(
        Guid id,
        [Description("json or csv; without it the Accept header decides (JSON by default).")]
        [FromQuery(Name = "format"), MaxLength(10)] string? format,
        [Description("order (注文, the default) or acknowledgement (注文請書: once the order is accepted).")]
        [FromQuery(Name = "kind"), WireEnum(typeof(OrderDocumentKind)), MaxLength(20)] string? kind,
        [Description("The CSV's character set: utf-8 (with BOM, the default) or shift_jis (cp932); also taken from Accept: text/csv; charset=shift_jis.")]
        [FromQuery(Name = "charset"), MaxLength(20)] string? charset,
        ClaimsPrincipal user, Ownership ownership, NpgsqlDataSource db, RoutePlanning planning, HttpContext http, CancellationToken ct)
    {
        var documentKind = OrderDocumentKind.Order;
        if (kind is not null && !WireNames.TryParse(kind, out documentKind))
        {
            return Problems.Validation("kind", "kind is order or acknowledgement.");
        }

        string? contentType;
        if (format is not null)
        {
            if (!s_formats.TryGetValue(format, out contentType))
            {
                return Problems.Validation("format", "format is json or csv.");
            }
        }
        else if ((contentType = Negotiate(http.Request, ref charset)) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, type: ProblemTypes.NotAcceptable, title: "Not acceptable",
                detail: "Order documents are application/json or text/csv.");
        }

        var csv = contentType == "text/csv";
        var shiftJis = false;
        if (charset is not null)
        {
            var name = charset.Trim().Trim('"').ToLowerInvariant();
            shiftJis = name is "shift_jis" or "shift-jis" or "sjis" or "windows-31j" or "cp932";
            if (!shiftJis && name is not ("utf-8" or "utf8"))
            {
                return Problems.Validation("charset", "charset is utf-8 or shift_jis.");
            }

            if (shiftJis && !csv)
            {
                return Problems.Validation("charset", "JSON is UTF-8; Shift_JIS is for CSV.");
            }
        }

        var actor = await OrderActor.OfAsync(user, ownership, ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await OrdersApi.ReadOrderAsync(connection, null, id, actor, planning, ct) is not { } order)
        {
            return Problems.NotFound("order");
        }

        var acknowledgement = documentKind == OrderDocumentKind.Acknowledgement;
        if (acknowledgement && order.Status is not (OrderStatus.Accepted or OrderStatus.InProgress or OrderStatus.Shipped or OrderStatus.Received or OrderStatus.Closed))
        {
            return Problems.Conflict($"The order is {WireNames.Of(order.Status)}; its acknowledgement follows its acceptance.");
        }

        var document = Document(order, acknowledgement ? OrderDocumentKind.Acknowledgement : OrderDocumentKind.Order);
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.ContentDisposition = ContentDisposition(order.OrderNumber, acknowledgement, csv ? "csv" : "json");
        if (!csv)
        {
            return TypedResults.Ok(document);
        }

        var (bytes, unencodable) = Csv.Encode(OrderExchangeCsv.Write(document), shiftJis);
        if (bytes is null)
        {
            http.Response.Headers.Remove("Content-Disposition");
            return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, type: ProblemTypes.NotAcceptable, title: "Not acceptable",
                detail: $"The order holds a character Shift_JIS cannot hold ({unencodable}); download it in UTF-8.");
        }

        return TypedResults.Bytes(bytes, $"text/csv; charset={(shiftJis ? "shift_jis" : "utf-8")}; header=present");
    }

    /// <summary>The document type the Accept header takes first (none given, or any: JSON), with the charset it names for CSV.</summary>
    private static string? Negotiate(HttpRequest request, ref string? charset)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return s_formats["json"];
        }

        foreach (var type in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            var name = type.MediaType.Value ?? "";
            if (name is "*/*" or "application/*" || name.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return s_formats["json"];
            }

            if (name.Equals("text/csv", StringComparison.OrdinalIgnoreCase) || name.Equals("text/*", StringComparison.OrdinalIgnoreCase))
            {
                charset ??= type.Charset.Value;
                return s_formats["csv"];
            }
        }

        return null;
    }

    /// <summary>
    /// attachment, with an ASCII file name for old clients (order-PO-1.csv: what is not a letter, digit, '.', '-' or '_'
    /// becomes '_') and the Japanese one in RFC 5987's filename* (注文書_PO-1.csv, 注文請書_PO-1.csv).
    /// </summary>
    public static string ContentDisposition(string orderNumber, bool acknowledgement, string extension)
    {
        var ascii = string.Concat(orderNumber.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        var fallback = $"{(acknowledgement ? "acknowledgement" : "order")}-{ascii}.{extension}";
        var full = $"{(acknowledgement ? "注文請書" : "注文書")}_{orderNumber}.{extension}";
        return $"attachment; filename=\"{fallback}\"; filename*=UTF-8''{Uri.EscapeDataString(full)}";
    }

    /// <summary>The exchange document of an order as its party reads it.</summary>
    public static OrderDocument Document(Order order, OrderDocumentKind kind)
    {
        var acknowledgement = kind == OrderDocumentKind.Acknowledgement;
        var place = string.Join(' ', new[] { order.ShipTo.Name, order.ShipTo.Address }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var answeredOn = order.AnsweredAt is { } at ? DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(9)).DateTime) : (DateOnly?)null;
        return new OrderDocument
        {
            Kind = kind,
            OrderId = order.Id,
            Status = order.Status,
            Lines = [.. order.Lines.Select(line => new OrderDocumentRow
            {
                OrderNumber = order.OrderNumber,
                OrderedOn = order.OrderedOn,
                ItemName = line.ItemName,
                PartNumber = line.PartNumber,
                Quantity = line.Quantity,
                Unit = line.Unit,
                UnitPrice = line.UnitPrice,
                Amount = line.Amount,
                TaxRate = line.TaxRate,
                DueDate = order.DueDate,
                DeliveryPlace = place,
                Buyer = order.Buyer.Name,
                Supplier = order.Supplier.Name,
                Answer = acknowledgement ? OrderAnswer.Accept : null,
                AnsweredOn = acknowledgement ? answeredOn : null,
                AnswerDueDate = acknowledgement ? order.DueDate : null,
                AnswerQuantity = acknowledgement ? line.Quantity : null,
            })],
            Taxes = order.Taxes,
            Subtotal = order.Subtotal,
            Tax = order.Tax,
            Total = order.Total,
        };
    }

    private sealed class Candidate
    {
        public Guid Id { get; init; }
        public string OrderNumber { get; init; } = "";
        public Guid SupplierId { get; init; }
        public string SupplierName { get; init; } = "";
        public Guid BuyerAccountId { get; init; }
        public string BuyerName { get; init; } = "";
        public string Lines { get; init; } = "[]";
        public DateOnly DueOn { get; init; }
    }

    public static async Task<IResult> ImportAsync(
        [Description("Only check the rows (each as if the rows before it were written); write nothing.")] bool? dryRun,
        [Description("The CSV's character set when it is not detected: utf-8 or shift_jis (also taken from Content-Type).")]
        [FromQuery(Name = "charset"), MaxLength(20)] string? charset,
        HttpRequest request, ClaimsPrincipal user, Ownership ownership, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        var mediaType = request.GetTypedHeaders().ContentType;
        var kind = mediaType?.MediaType.Value?.ToLowerInvariant();
        if (kind is not ("text/csv" or "application/json"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, type: ProblemTypes.UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send text/csv or application/json.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        string? detected = null;
        List<OrderExchangeCsv.ReadRow> rows;
        if (kind == "text/csv")
        {
            var (text, decoded, decodeProblem) = Csv.Decode(body, charset ?? mediaType?.Charset.Value);
            if (decodeProblem is not null)
            {
                return Problems.Validation("body", decodeProblem);
            }

            detected = decoded;
            (rows, var problem) = OrderExchangeCsv.ReadAcknowledgements(text!);
            if (problem is not null)
            {
                return Problems.Validation("body", problem);
            }
        }
        else
        {
            List<OrderAcknowledgementRow>? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<List<OrderAcknowledgementRow>>(body, json.Value.SerializerOptions);
            }
            catch (JsonException)
            {
                parsed = null;
            }

            if (parsed is null || parsed.Contains(null!))
            {
                return Problems.Validation("body", "The body is not a JSON array of acknowledgements (see the contract).");
            }

            rows = [.. parsed.Select((row, i) => OrderExchangeCsv.Check(i + 1, row))];
        }

        if (rows.Count > OrderExchangeCsv.MaxRows)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, type: ProblemTypes.PayloadTooLarge, title: "Too many rows",
                detail: $"An import takes at most {OrderExchangeCsv.MaxRows:N0} rows; this one has {rows.Count:N0}. Split the file.");
        }

        var actor = (await OrderActor.OfAsync(user, ownership, ct)) with { Via = "import" };
        if (actor.Sites.Count == 0)
        {
            return Problems.Forbidden("Acknowledgements are imported by a supplier account, for the orders sent to its sites.");
        }

        var columnOf = kind == "text/csv" ? (Func<string, string>)(c => c) : c => OrderExchangeCsv.JsonNames[c];
        var today = clock.RegionToday();
        await using var change = await Change.BeginAsync(db, user, ct);
        var candidates = (await change.Connection.QueryAsync<Candidate>(new CommandDefinition("""
            SELECT o.id, o.order_number, o.supplier_id, s.name_ja AS supplier_name, o.buyer_account_id,
                   coalesce(a.organisation, a.display_name) AS buyer_name, o.lines::text AS lines, o.due_on
            FROM orders o JOIN suppliers s ON s.id = o.supplier_id JOIN accounts a ON a.id = o.buyer_account_id
            WHERE o.order_number = ANY(@numbers) AND o.supplier_id = ANY(@sites) AND o.status <> 'draft'
            """, new { numbers = rows.Select(r => r.Values.OrderNumber).OfType<string>().Distinct().ToArray(), sites = actor.Sites.ToArray() },
            change.Tx, cancellationToken: ct))).ToLookup(c => c.OrderNumber, StringComparer.Ordinal);

        var results = new List<OrderAcknowledgementResult>(rows.Count);
        var seen = new Dictionary<Guid, int>();
        foreach (var row in rows)
        {
            var errors = row.Errors.Select(e => (e.Column, e.Message)).ToList();
            var values = row.Values;
            Order? answer = null;
            Guid? orderId = null;
            if (errors.Count == 0)
            {
                (orderId, var action, var input, var found) = Resolve(values, candidates[values.OrderNumber!], seen, row.Row, columnOf);
                errors.AddRange(found);
                if (errors.Count == 0)
                {
                    seen[orderId!.Value] = row.Row;
                    var (acted, problem) = await OrderActions.ActWithinAsync(change, orderId.Value, action!, input, actor, null, planning, answers, today, ct);
                    answer = acted;
                    if (problem is not null)
                    {
                        errors.AddRange(Messages(problem, columnOf));
                    }
                }
            }

            results.Add(new OrderAcknowledgementResult
            {
                Row = row.Row,
                OrderNumber = values.OrderNumber,
                OrderId = orderId,
                Answer = values.Answer,
                Status = answer?.Status,
                Errors = [.. errors.Select(e => new ImportRowError { Row = row.Row, Column = e.Column, Message = e.Message })],
            });
        }

        var bad = results.Where(r => r.Errors.Count > 0).ToList();
        if (dryRun != true && bad.Count > 0)
        {
            // Disposing the change rolls back the rows already applied: all rows or none.
            var errors = bad.SelectMany(r => r.Errors).ToList();
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ProblemTypes.Validation, title: "Rows refused",
                detail: $"{errors.Count} problem(s) in {bad.Count} row(s); nothing was imported. Fix them and send the file again.",
                extensions: new Dictionary<string, object?> { ["rows"] = rows.Count, ["errors"] = errors.Take(1000).ToList() });
        }

        if (dryRun != true)
        {
            await change.CommitAsync();
        }

        var english = Language.IsEnglish(request);
        request.HttpContext.Response.Headers.ContentLanguage = english ? "en" : "ja";
        request.HttpContext.Response.Headers.Vary = "Accept-Language";
        return TypedResults.Ok(new OrderAcknowledgementImport
        {
            DryRun = dryRun == true,
            Rows = rows.Count,
            Valid = rows.Count - bad.Count,
            Charset = detected,
            Results = [.. results.Select(r => r with
            {
                Errors = [.. r.Errors.Select(e => e with { Message = ProblemLanguage.Message(e.Message, e.Column, english, Scope) })],
            })],
        });
    }

    /// <summary>The order a row answers, the action and its input, or why the row cannot answer one.</summary>
    private static (Guid? OrderId, string? Action, object? Input, List<(string Column, string Message)> Errors) Resolve(
        OrderAcknowledgementRow row, IEnumerable<Candidate> withNumber, Dictionary<Guid, int> seen, int number, Func<string, string> columnOf)
    {
        var errors = new List<(string Column, string Message)>();
        var orders = withNumber.Where(c => row.Buyer is null || string.Equals(c.BuyerName.Trim(), row.Buyer, StringComparison.Ordinal)).ToList();
        if (orders.Count == 0)
        {
            errors.Add((columnOf(OrderExchangeCsv.Number), row.Buyer is null
                ? $"No order numbered {row.OrderNumber} was sent to your sites."
                : $"No order numbered {row.OrderNumber} from {row.Buyer} was sent to your sites."));
            return (null, null, null, errors);
        }

        if (orders.Count > 1)
        {
            errors.Add((columnOf(OrderExchangeCsv.Buyer), $"Orders from {orders.Select(o => o.BuyerAccountId).Distinct().Count()} buyers carry number {row.OrderNumber}; name the buyer (発注者) to say whose."));
            return (null, null, null, errors);
        }

        var order = orders[0];
        if (row.Supplier is { } supplier && supplier != order.SupplierName.Trim() && supplier != order.SupplierId.ToString())
        {
            errors.Add((columnOf(OrderExchangeCsv.Supplier), $"The order was sent to {order.SupplierName}, not to this site."));
        }

        if (seen.TryGetValue(order.Id, out var first))
        {
            errors.Add((columnOf(OrderExchangeCsv.Number), $"Also in row {first}: each order once per file."));
        }

        var lines = JsonSerializer.Deserialize<List<OrderLine>>(order.Lines, StoredJson.Options)!;
        object? input = null;
        switch (row.Answer)
        {
            case OrderAnswer.Accept:
                if ((row.DueDate is { } due && due != order.DueOn) || (row.Quantity is { } quantity && (lines.Count != 1 || quantity != lines[0].Quantity)))
                {
                    errors.Add((columnOf(OrderExchangeCsv.Answer), "受注 takes the order as it is; another due date or quantity is a 変更提案."));
                }

                break;
            case OrderAnswer.Reject:
                input = new OrderReasonInput { Reason = row.Note! };
                break;
            default:
                if (row.Quantity is not null && lines.Count != 1)
                {
                    errors.Add((columnOf(OrderExchangeCsv.Quantity), $"The order has {lines.Count} lines: propose their quantities on the order's page or through the API."));
                }

                input = new OrderProposalInput { DueDate = row.DueDate, Quantities = row.Quantity is { } q ? [q] : null, Note = row.Note };
                break;
        }

        var action = row.Answer switch { OrderAnswer.Accept => "accept", OrderAnswer.Reject => "reject", _ => "propose" };
        return (order.Id, action, input, errors);
    }

    /// <summary>A refusal of the order's rules as the row's problems, by the import's columns.</summary>
    private static IEnumerable<(string Column, string Message)> Messages(ProblemHttpResult problem, Func<string, string> columnOf)
    {
        var details = problem.ProblemDetails;
        if (details.Extensions.TryGetValue("errors", out var found) && found is IDictionary<string, string[]> byField)
        {
            foreach (var (field, messages) in byField)
            {
                var column = field switch
                {
                    "dueDate" => OrderExchangeCsv.DueDate,
                    "quantities" => OrderExchangeCsv.Quantity,
                    _ => OrderExchangeCsv.Note,
                };
                foreach (var message in messages)
                {
                    yield return (columnOf(column), message);
                }
            }

            yield break;
        }

        yield return (columnOf(OrderExchangeCsv.Answer), details.Detail ?? details.Title ?? "Refused.");
    }
}
