using Registry.Contracts.Orders;

namespace Registry.Api.Orders;

/// <summary>
/// The money of an order, computed here and never taken from the client: a line's amount is quantity × unit price;
/// consumption tax is computed once per rate on the sum of that rate's lines and rounded down, as a qualified invoice
/// (適格請求書) does it — rounding per line would drift by a yen per line from the supplier's own invoice.
/// </summary>
public static class OrderAmounts
{
    public sealed record Totals(IReadOnlyList<OrderLine> Lines, IReadOnlyList<TaxSummary> Taxes, long Subtotal, long Tax, long Total);

    public static Totals Of(IEnumerable<OrderLineInput> lines) => Of(lines.Select(l => new OrderLine
    {
        ItemName = l.ItemName.Trim(),
        PartNumber = string.IsNullOrWhiteSpace(l.PartNumber) ? null : l.PartNumber.Trim(),
        Quantity = l.Quantity,
        Unit = l.Unit.Trim(),
        UnitPrice = l.UnitPrice,
        TaxRate = l.TaxRate,
        Amount = checked(l.Quantity * l.UnitPrice),
    }).ToList());

    /// <summary>The totals of lines whose quantities changed (an agreed proposal), amounts recomputed.</summary>
    public static Totals Of(IReadOnlyList<OrderLine> lines)
    {
        var priced = lines.Select(l => l with { Amount = checked(l.Quantity * l.UnitPrice) }).ToList();
        var taxes = priced.GroupBy(l => l.TaxRate).OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var taxable = g.Sum(l => l.Amount);
                return new TaxSummary { TaxRate = g.Key, Taxable = taxable, Tax = TaxOf(taxable, g.Key) };
            })
            .ToList();
        var subtotal = priced.Sum(l => l.Amount);
        var tax = taxes.Sum(t => t.Tax);
        return new Totals(priced, taxes, subtotal, tax, subtotal + tax);
    }

    /// <summary>Tax of a rate's taxable sum, rounded down; split so that the largest sums cannot overflow.</summary>
    public static long TaxOf(long taxable, int rate) => (taxable / 100 * rate) + (taxable % 100 * rate / 100);

    /// <summary>The lines with the quantities of a proposal (one per line), or the lines as they are.</summary>
    public static IReadOnlyList<OrderLine> WithQuantities(IReadOnlyList<OrderLine> lines, IReadOnlyList<int>? quantities) =>
        quantities is null ? lines : [.. lines.Zip(quantities, (line, quantity) => line with { Quantity = quantity })];
}
