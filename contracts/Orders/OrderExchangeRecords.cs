using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Registry.Contracts.BulkImports;

namespace Registry.Contracts.Orders;

public enum OrderDocumentKind
{
    [Description("注文 (the order)")]
    Order,

    [Description("注文請書 (the order as accepted)")]
    Acknowledgement,
}

public enum OrderAnswer
{
    [Description("受注")]
    Accept,

    [Description("辞退")]
    Reject,

    [Description("変更提案")]
    Propose,
}

[Description("One line of an order document, flat: the same fields, in the same order, as the CSV's columns (docs/orders.md "
    + "maps each to an item of the SME common EDI). The acknowledgement's fields are present on an acknowledgement only.")]
public sealed record OrderDocumentRow
{
    [Description("注文番号: the buyer's order number.")]
    [MaxLength(40)]
    public required string OrderNumber { get; init; }

    [Description("発注日")]
    public required DateOnly OrderedOn { get; init; }

    [Description("品名")]
    [MaxLength(120)]
    public required string ItemName { get; init; }

    [Description("品番")]
    [MaxLength(60)]
    public string? PartNumber { get; init; }

    [Range(1, 100_000_000)]
    [Description("数量")]
    public required int Quantity { get; init; }

    [Description("単位")]
    [MaxLength(10)]
    public required string Unit { get; init; }

    [Range(0, 1_000_000_000)]
    [Description("単価, JPY (tax excluded)")]
    public required long UnitPrice { get; init; }

    [Range(0, 100_000_000_000_000_000)]
    [Description("金額 = 数量 × 単価, JPY (tax excluded)")]
    public required long Amount { get; init; }

    [Range(8, 10)]
    [Description("税率, % (10 or 8)")]
    public required int TaxRate { get; init; }

    [Description("納期")]
    public required DateOnly DueDate { get; init; }

    [Description("納入場所: the next leg's site or the route's delivery place (name and address).")]
    [MaxLength(520)]
    public required string DeliveryPlace { get; init; }

    [Description("発注者: the buyer's organisation.")]
    [MaxLength(200)]
    public required string Buyer { get; init; }

    [Description("受注者: the supplier's site.")]
    [MaxLength(200)]
    public required string Supplier { get; init; }

    [Description("回答区分 (acknowledgement): accept = 受注.")]
    public OrderAnswer? Answer { get; init; }

    [Description("回答日 (acknowledgement): the day the supplier first answered (JST).")]
    public DateOnly? AnsweredOn { get; init; }

    [Description("回答納期 (acknowledgement): the due date as accepted.")]
    public DateOnly? AnswerDueDate { get; init; }

    [Range(1, 100_000_000)]
    [Description("回答数量 (acknowledgement): the line's quantity as accepted.")]
    public int? AnswerQuantity { get; init; }
}

[Description("An order (注文) or its acknowledgement (注文請書) as an exchange document: one flat row per line, and the totals.")]
public sealed record OrderDocument
{
    public required OrderDocumentKind Kind { get; init; }

    public required Guid OrderId { get; init; }

    public required OrderStatus Status { get; init; }

    [MaxLength(20)]
    public required IReadOnlyList<OrderDocumentRow> Lines { get; init; }

    [Description("Tax per rate, rounded down once per rate.")]
    [MaxLength(2)]
    public required IReadOnlyList<TaxSummary> Taxes { get; init; }

    [Range(0, 2_200_000_000_000_000_000)]
    [Description("Sum of line amounts, JPY.")]
    public required long Subtotal { get; init; }

    [Range(0, 2_200_000_000_000_000_000)]
    [Description("消費税額, JPY.")]
    public required long Tax { get; init; }

    [Range(0, 2_200_000_000_000_000_000)]
    [Description("合計金額, JPY.")]
    public required long Total { get; init; }
}

[Description("One acknowledgement to import as JSON: the CSV's columns under English names (docs/orders.md).")]
public sealed record OrderAcknowledgementRow
{
    [Description("注文番号: the buyer's order number.")]
    [MaxLength(40)]
    public string? OrderNumber { get; init; }

    [Description("発注者: the buyer's organisation, when several buyers sent orders with this number.")]
    [MaxLength(200)]
    public string? Buyer { get; init; }

    [Description("受注者: the site's name (or id), checked against the order's supplier when given.")]
    [MaxLength(200)]
    public string? Supplier { get; init; }

    [Description("回答区分: accept (受注), reject (辞退) or propose (変更提案).")]
    public OrderAnswer? Answer { get; init; }

    [Description("回答納期: the due date proposed (or, accepting, the order's own).")]
    public DateOnly? DueDate { get; init; }

    [Description("回答数量: the quantity proposed on a single-line order (or, accepting, the order's own).")]
    [Range(1, 100_000_000)]
    public int? Quantity { get; init; }

    [Description("理由/備考: why the order is rejected (required), or a note to a proposal.")]
    [MaxLength(2000)]
    public string? Note { get; init; }
}

[Description("What one row of an acknowledgement import did (or, in a dry run, would do).")]
public sealed record OrderAcknowledgementResult
{
    [Description("1 = the first data row.")]
    [Range(1, 1_000_000)]
    public required int Row { get; init; }

    [MaxLength(40)]
    public string? OrderNumber { get; init; }

    public Guid? OrderId { get; init; }

    public OrderAnswer? Answer { get; init; }

    [Description("The order's state after the row (in a dry run: after it, were the import written).")]
    public OrderStatus? Status { get; init; }

    [Description("The row's problems, in the caller's language; empty when the row is good.")]
    [MaxLength(20)]
    public required IReadOnlyList<ImportRowError> Errors { get; init; }
}

[Description("An acknowledgement import: every row's result. A real import is written whole (all rows, one transaction) "
    + "or, with any bad row, not at all (422); a dry run writes nothing.")]
public sealed record OrderAcknowledgementImport
{
    public required bool DryRun { get; init; }

    [Range(0, 1_000_000)]
    public required int Rows { get; init; }

    [Range(0, 1_000_000)]
    public required int Valid { get; init; }

    [MaxLength(20)]
    public string? Charset { get; init; }

    [MaxLength(10_000)]
    public required IReadOnlyList<OrderAcknowledgementResult> Results { get; init; }
}
