using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Registry.Contracts.Matching;
using Registry.Contracts.Suppliers;

namespace Registry.Contracts.Orders;

public enum OrderStatus
{
    Draft,
    Sent,
    Accepted,
    Rejected,
    Proposed,
    InProgress,
    Shipped,
    Received,
    Closed,
    Cancelled,
}

[Description("One line of an order as the buyer writes it. Amounts are computed by the service.")]
public sealed record OrderLineInput
{
    [Description("品名")]
    [Required, MaxLength(120)]
    public required string ItemName { get; init; }

    [Description("品番")]
    [MaxLength(60)]
    public string? PartNumber { get; init; }

    [Description("数量")]
    [Range(1, 100_000_000)]
    public required int Quantity { get; init; }

    [Description("単位 (個, 枚, kg, set …)")]
    [Required, MaxLength(10)]
    public required string Unit { get; init; }

    [Description("単価, JPY (integer)")]
    [Range(0, 1_000_000_000)]
    public required long UnitPrice { get; init; }

    [Description("税率: 10 or 8")]
    [Range(8, 10)]
    public required int TaxRate { get; init; }
}

[Description("One line of an order with its amount (quantity × unit price), computed by the service.")]
public sealed record OrderLine
{
    [MaxLength(120)]
    public required string ItemName { get; init; }

    [MaxLength(60)]
    public string? PartNumber { get; init; }

    [Range(1, 100_000_000)]
    public required int Quantity { get; init; }

    [MaxLength(10)]
    public required string Unit { get; init; }

    [Range(0, 1_000_000_000)]
    public required long UnitPrice { get; init; }

    [Range(8, 10)]
    public required int TaxRate { get; init; }

    [Range(0, 100_000_000_000_000_000)]
    [Description("金額 = quantity × unitPrice, JPY")]
    public required long Amount { get; init; }
}

[Description("Tax of one rate: the rate's taxable amount and its tax (rounded down once per rate, as on a qualified invoice).")]
public sealed record TaxSummary
{
    [Range(8, 10)]
    public required int TaxRate { get; init; }

    [Range(0, 2_200_000_000_000_000_000)]
    public required long Taxable { get; init; }

    [Range(0, 2_200_000_000_000_000_000)]
    public required long Tax { get; init; }
}

[Description("One firm's part of a direct order or of a route: the site, its lines, due date and lead time.")]
public sealed record OrderLegInput
{
    public required Guid SupplierId { get; init; }

    [Description("The buyer's own order number (注文番号), unique among the buyer's orders.")]
    [Required, MaxLength(40)]
    public required string OrderNumber { get; init; }

    [Required, MinLength(1), MaxLength(20)]
    public required IReadOnlyList<OrderLineInput> Lines { get; init; }

    [Description("納期: the day the leg's work must be shipped on to its destination.")]
    public required DateOnly DueDate { get; init; }

    [Description("Business days the leg needs once its input has arrived; without it, the site's typical lead days (else 5).")]
    [Range(1, 365)]
    public int? LeadDays { get; init; }

    [MaxLength(2000)]
    public string? Note { get; init; }
}

[Description("Orders to place: one leg (a direct or repeat order) or one per firm of an awarded chain, in step order; "
    + "leg n ships to leg n+1's site and the last to the delivery place.")]
public sealed record OrderRouteInput
{
    [Description("The awarded matching request the orders carry on (its QA documents are copied), if any.")]
    public Guid? RequestId { get; init; }

    [Required, MinLength(1), MaxLength(10)]
    public required IReadOnlyList<OrderLegInput> Legs { get; init; }

    [Description("納入場所: where the last leg delivers (an address).")]
    [Required, MaxLength(200)]
    public required string DeliveryAddress { get; init; }

    [Description("The delivery place's position, for route distances; without it, the request's centre.")]
    public GeoLocation? DeliveryPoint { get; init; }

    [Description("QA documents required; with a request, its QA requirements when not given.")]
    [MaxLength(4)]
    public IReadOnlyList<QualityAssurance>? QaDocuments { get; init; }
}

[Description("A party of an order as shown on it: a site (the supplier, or the next leg's site) or the buyer.")]
public sealed record OrderParty
{
    public Guid? SupplierId { get; init; }

    [MaxLength(200)]
    public required string Name { get; init; }

    [MaxLength(300)]
    public string? Address { get; init; }
}

[Description("The supplier's other due date or quantities, waiting for the buyer.")]
public sealed record OrderProposal
{
    public DateOnly? DueDate { get; init; }

    [ItemRange(1, 100_000_000)]
    [Description("Per line, the quantity the supplier can deliver (same order as the lines).")]
    [MaxLength(20)]
    public IReadOnlyList<int>? Quantities { get; init; }

    [MaxLength(2000)]
    public string? Note { get; init; }
}

public enum OrderMilestoneKind
{
    MaterialReceived,
    Process,
    Inspection,
    Packed,
}

[Description("A milestone of an order: planned and actual dates.")]
public sealed record OrderMilestone
{
    [Range(1, 20)]
    public required int Position { get; init; }

    public required OrderMilestoneKind Kind { get; init; }

    [MaxLength(80)]
    public string? Label { get; init; }

    public DateOnly? PlannedOn { get; init; }

    public DateOnly? ActualOn { get; init; }
}

[Description("A shipment of an order (出荷): partial, or final.")]
public sealed record OrderShipment
{
    public required Guid Id { get; init; }

    [Range(1, 100_000_000)]
    public required int Quantity { get; init; }

    public required DateOnly ShippedOn { get; init; }

    public required bool Final { get; init; }

    [MaxLength(500)]
    public string? Note { get; init; }
}

[Description("Which of the caller's orders a list shows: those it placed, or those sent to its sites.")]
public enum OrderSide
{
    Placed,
    Received,
}

public enum AnswerChannel
{
    Account,
    Link,
    Import,
}

[Description("An order (注文) as its buyer or its supplier sees it.")]
public sealed record Order
{
    public required Guid Id { get; init; }

    public required Guid RouteId { get; init; }

    [Range(1, 10)]
    public required int Leg { get; init; }

    [Range(1, 10)]
    public required int Legs { get; init; }

    [MaxLength(40)]
    public required string OrderNumber { get; init; }

    public required OrderStatus Status { get; init; }

    public required OrderParty Supplier { get; init; }

    [Description("発注者: the buyer's organisation (or name).")]
    public required OrderParty Buyer { get; init; }

    [Description("Where this leg ships: the next leg's site, or the route's delivery place.")]
    public required OrderParty ShipTo { get; init; }

    public Guid? RequestId { get; init; }

    [MaxLength(20)]
    public required IReadOnlyList<OrderLine> Lines { get; init; }

    [MaxLength(2)]
    public required IReadOnlyList<TaxSummary> Taxes { get; init; }

    [Range(0, 2_200_000_000_000_000_000)]
    [Description("Sum of line amounts, JPY.")]
    public required long Subtotal { get; init; }

    [Range(0, 2_200_000_000_000_000_000)]
    public required long Tax { get; init; }

    [Range(0, 2_200_000_000_000_000_000)]
    public required long Total { get; init; }

    public required DateOnly OrderedOn { get; init; }

    public required DateOnly DueDate { get; init; }

    [Range(1, 365)]
    public required int LeadDays { get; init; }

    [Description("When the leg is expected to ship, in the supplier's business days from when its input arrives.")]
    public DateOnly? ExpectedShipOn { get; init; }

    [Description("True when the expected ship day is after the due date, or the due date passed unshipped.")]
    public required bool Late { get; init; }

    [MaxLength(4)]
    public required IReadOnlyList<QualityAssurance> QaDocuments { get; init; }

    [MaxLength(2000)]
    public string? Note { get; init; }

    [Description("Why it was rejected, refused or cancelled; the receipt's reason for rejected parts.")]
    [MaxLength(2000)]
    public string? Reason { get; init; }

    public OrderProposal? Proposal { get; init; }

    [MaxLength(20)]
    public required IReadOnlyList<OrderMilestone> Milestones { get; init; }

    [MaxLength(100)]
    public required IReadOnlyList<OrderShipment> Shipments { get; init; }

    [Range(0, 100_000_000)]
    public required int ShippedQuantity { get; init; }

    [Range(0, 100_000_000)]
    public int? AcceptedQuantity { get; init; }

    [Range(0, 100_000_000)]
    public int? RejectedQuantity { get; init; }

    [Description("How the supplier first answered: through an account, the response link, or an imported acknowledgement.")]
    public AnswerChannel? AnsweredVia { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public DateTimeOffset? ShippedAt { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    [Range(1, int.MaxValue)]
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

[Description("A neighbouring leg as a firm on the route sees it: who, where it stands, its shipments — never its prices.")]
public sealed record NeighbourLeg
{
    public required Guid OrderId { get; init; }

    [Range(1, 10)]
    public required int Leg { get; init; }

    public required OrderStatus Status { get; init; }

    public required OrderParty Supplier { get; init; }

    public required DateOnly DueDate { get; init; }

    public DateOnly? ExpectedShipOn { get; init; }

    public required bool Late { get; init; }

    [MaxLength(100)]
    public required IReadOnlyList<OrderShipment> Shipments { get; init; }
}

[Description("A route: its orders in leg order as the caller may see them (the buyer: all; a firm: its own), the previous "
    + "leg's shipments for a firm, and the expected arrival at the delivery place.")]
public sealed record OrderRoute
{
    public required Guid Id { get; init; }

    public Guid? RequestId { get; init; }

    [Range(1, 10)]
    public required int Legs { get; init; }

    [MaxLength(200)]
    public required string DeliveryAddress { get; init; }

    [Description("The orders the caller may read, in leg order.")]
    [MaxLength(10)]
    public required IReadOnlyList<Order> Orders { get; init; }

    [Description("For a firm on the route: the leg before its own (what is coming to it), without prices.")]
    public NeighbourLeg? Previous { get; init; }

    [Description("The last leg's expected ship day: when the parts reach the delivery place.")]
    public DateOnly? ExpectedArrivalOn { get; init; }

    public required bool Late { get; init; }

    [Description("Where the parts are now: the leg working on them (or the last to ship), 0 before the first leg starts.")]
    [Range(0, 10)]
    public required int CurrentLeg { get; init; }

    [Description("Great-circle kilometres from leg to leg and the last to the delivery place, where known.")]
    public double? DistanceKm { get; init; }
}

[Description("Why an order is rejected, refused or cancelled.")]
public sealed record OrderReasonInput
{
    [Required, MaxLength(2000)]
    public required string Reason { get; init; }
}

[Description("Another due date or quantities the supplier can do instead.")]
public sealed record OrderProposalInput
{
    public DateOnly? DueDate { get; init; }

    [ItemRange(1, 100_000_000)]
    [MaxLength(20)]
    public IReadOnlyList<int>? Quantities { get; init; }

    [MaxLength(2000)]
    public string? Note { get; init; }
}

[Description("Milestones of an order as the supplier plans and records them (the whole list, replacing the last).")]
public sealed record OrderMilestonesInput
{
    [Required, MaxLength(20)]
    public required IReadOnlyList<OrderMilestoneInput> Milestones { get; init; }
}

public sealed record OrderMilestoneInput
{
    public required OrderMilestoneKind Kind { get; init; }

    [MaxLength(80)]
    public string? Label { get; init; }

    public DateOnly? PlannedOn { get; init; }

    public DateOnly? ActualOn { get; init; }
}

[Description("A shipment: quantity, day, and whether it is the last one.")]
public sealed record OrderShipmentInput
{
    [Range(1, 100_000_000)]
    public required int Quantity { get; init; }

    [Description("出荷日; without it, today.")]
    public DateOnly? ShippedOn { get; init; }

    public required bool Final { get; init; }

    [MaxLength(500)]
    public string? Note { get; init; }
}

[Description("The buyer's receipt (検収): quantities accepted and rejected, and why parts were rejected.")]
public sealed record OrderReceiptInput
{
    [Range(0, 100_000_000)]
    public required int AcceptedQuantity { get; init; }

    [Range(0, 100_000_000)]
    public required int RejectedQuantity { get; init; }

    [MaxLength(2000)]
    public string? Reason { get; init; }
}

[Description("A response link, shown once: whoever holds it acts for the supplier on this one order.")]
public sealed record OrderLinkCreated
{
    public required Guid Id { get; init; }

    public required Guid OrderId { get; init; }

    [Description("The secret token (shown only now); the SPA's response page takes it after '#'.")]
    [MaxLength(100)]
    public required string Token { get; init; }

    [MaxLength(300)]
    public required string Url { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}

[Description("A response link as its buyer sees it later (never the token).")]
public sealed record OrderLink
{
    public required Guid Id { get; init; }

    public required Guid OrderId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }
}
