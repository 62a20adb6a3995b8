using Registry.Api.Http;
using Registry.Contracts.Orders;

namespace Registry.Api.Orders;

/// <summary>
/// What an order must be before it is written (DESIGN §11), checked without the database: tax rates of 10 % or 8 %,
/// order numbers unique within the route, due dates from today up to five years ahead and not earlier than the leg
/// before, shipments and receipts that add up. Messages are English; the catalog gives their Japanese.
/// </summary>
public static class OrderRules
{
    public const int MaxYearsAhead = 5;

    public static Dictionary<string, string[]> CheckRoute(OrderRouteInput body, DateOnly today)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body.DeliveryAddress))
        {
            problems["deliveryAddress"] = ["Give the delivery place."];
        }

        if (body.DeliveryPoint is { } point)
        {
            Nested(problems, "deliveryPoint.", point);
        }

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < body.Legs.Count; i++)
        {
            var leg = body.Legs[i];
            Nested(problems, $"legs[{i}].", leg);
            if (leg?.Lines is null)
            {
                continue;
            }

            for (var j = 0; j < leg.Lines.Count; j++)
            {
                Nested(problems, $"legs[{i}].lines[{j}].", leg.Lines[j]);
            }

            if (string.IsNullOrWhiteSpace(leg.OrderNumber))
            {
                problems[$"legs[{i}].orderNumber"] = ["Give the order number."];
            }
            else if (!numbers.Add(leg.OrderNumber.Trim()))
            {
                problems[$"legs[{i}].orderNumber"] = ["Each order of a route needs its own order number."];
            }

            if (CheckDue(leg.DueDate, today) is { } due)
            {
                problems[$"legs[{i}].dueDate"] = [due];
            }
            else if (i > 0 && body.Legs[i - 1] is { } previous && leg.DueDate < previous.DueDate)
            {
                problems[$"legs[{i}].dueDate"] = ["A leg is due no earlier than the leg before it."];
            }

            for (var j = 0; j < leg.Lines.Count; j++)
            {
                var line = leg.Lines[j];
                if (line is null)
                {
                    continue;
                }

                if (line.TaxRate is not (8 or 10))
                {
                    problems[$"legs[{i}].lines[{j}].taxRate"] = ["The tax rate is 10 or 8 (%)."];
                }

                if (string.IsNullOrWhiteSpace(line.ItemName))
                {
                    problems[$"legs[{i}].lines[{j}].itemName"] = ["Give the item name."];
                }

                if (string.IsNullOrWhiteSpace(line.Unit))
                {
                    problems[$"legs[{i}].lines[{j}].unit"] = ["Give the unit."];
                }
            }
        }

        return problems;
    }

    public static string? CheckDue(DateOnly due, DateOnly today) =>
        due < today ? "The due date is today or later."
        : due > today.AddYears(MaxYearsAhead) ? $"The due date is at most {MaxYearsAhead} years ahead."
        : null;

    public static Dictionary<string, string[]> CheckProposal(OrderProposalInput body, OrderStore.Row order, DateOnly today)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.DueDate is null && body.Quantities is null)
        {
            problems["dueDate"] = ["Propose another due date, other quantities, or both."];
        }

        if (body.DueDate is { } due && CheckDue(due, today) is { } dueProblem)
        {
            problems["dueDate"] = [dueProblem];
        }

        if (body.Quantities is { } quantities)
        {
            if (quantities.Count != order.LineList().Count)
            {
                problems["quantities"] = ["Give one quantity per line of the order."];
            }
            else if (quantities.Any(q => q is < 1 or > 100_000_000))
            {
                problems["quantities"] = ["A quantity is 1 to 100,000,000."];
            }
        }

        return problems;
    }

    public static Dictionary<string, string[]> CheckShipment(OrderShipmentInput body, OrderStore.Row order, DateOnly today)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var ordered = order.LineList().Sum(l => l.Quantity);
        if (order.ShippedQuantity + body.Quantity > ordered)
        {
            problems["quantity"] = [$"Only {ordered - order.ShippedQuantity} remain to be shipped."];
        }

        if (body.ShippedOn is { } day && (day > today || day < order.OrderedOn))
        {
            problems["shippedOn"] = ["The shipping day is between the order day and today."];
        }

        return problems;
    }

    public static Dictionary<string, string[]> CheckReceipt(OrderReceiptInput body, OrderStore.Row order)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.AcceptedQuantity + body.RejectedQuantity != order.ShippedQuantity)
        {
            problems["acceptedQuantity"] = [$"Accepted and rejected together are the {order.ShippedQuantity} shipped."];
        }

        if (body.RejectedQuantity > 0 && string.IsNullOrWhiteSpace(body.Reason))
        {
            problems["reason"] = ["Say why parts were rejected."];
        }

        return problems;
    }

    public static Dictionary<string, string[]> CheckMilestones(OrderMilestonesInput body, DateOnly today)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < body.Milestones.Count; i++)
        {
            Nested(problems, $"milestones[{i}].", body.Milestones[i]);
            if (body.Milestones[i]?.ActualOn is { } actual && actual > today)
            {
                problems[$"milestones[{i}].actualOn"] = ["An actual date is today or earlier."];
            }
        }

        return problems;
    }

    /// <summary>The declared rules of a record inside the body (the body filter checks only the body's own properties).</summary>
    private static void Nested(Dictionary<string, string[]> problems, string prefix, object? item)
    {
        if (item is null)
        {
            problems[prefix.TrimEnd('.')] = ["Required."];
            return;
        }

        foreach (var (field, messages) in Validation.Errors(item))
        {
            problems[prefix + field] = messages;
        }
    }
}
