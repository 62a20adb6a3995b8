using System.Text.Json;
using Dapper;
using Npgsql;
using Registry.Api.Http;
using Registry.Contracts.Matching;
using Registry.Contracts.Orders;

namespace Registry.Api.Orders;

/// <summary>The SQL of orders: a route with its orders, their milestones, shipments and the parties' names, in three statements.</summary>
public static class OrderStore
{
    public sealed class Row
    {
        public Guid Id { get; init; }
        public Guid RouteId { get; init; }
        public int Leg { get; init; }
        public int Legs { get; init; }
        public Guid BuyerAccountId { get; init; }
        public Guid SupplierId { get; init; }
        public Guid? RequestId { get; init; }
        public string OrderNumber { get; init; } = "";
        public string Status { get; init; } = "";
        public string Lines { get; init; } = "[]";
        public long Subtotal { get; init; }
        public long Tax { get; init; }
        public long Total { get; init; }
        public DateOnly OrderedOn { get; init; }
        public DateOnly DueOn { get; init; }
        public int LeadDays { get; init; }
        public Guid? ShipToSupplierId { get; init; }
        public string[] QaDocuments { get; init; } = [];
        public string? Note { get; init; }
        public string? Reason { get; init; }
        public string? Proposal { get; init; }
        public int ShippedQuantity { get; init; }
        public bool FullyShipped { get; init; }
        public int? AcceptedQuantity { get; init; }
        public int? RejectedQuantity { get; init; }
        public DateOnly? ExpectedShipOn { get; init; }
        public string? FirstAnswerVia { get; init; }
        public DateTimeOffset? SentAt { get; init; }
        public DateTimeOffset? AnsweredAt { get; init; }
        public DateTimeOffset? ShippedAt { get; init; }
        public DateTimeOffset? ReceivedAt { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        // The parties, joined.
        public string SupplierName { get; init; } = "";
        public string? SupplierAddress { get; init; }
        public string BuyerName { get; init; } = "";
        public string? ShipToName { get; init; }
        public string? ShipToAddress { get; init; }
        public string DeliveryAddress { get; init; } = "";

        public OrderStatus State => WireNames.Parse<OrderStatus>(Status);

        public IReadOnlyList<OrderLine> LineList() => JsonSerializer.Deserialize<List<OrderLine>>(Lines, StoredJson.Options)!;

        public OrderProposal? ProposalValue() => Proposal is null ? null : JsonSerializer.Deserialize<OrderProposal>(Proposal, StoredJson.Options);
    }

    private const string Select = """
        SELECT o.id, o.route_id, o.leg, r.legs, o.buyer_account_id, o.supplier_id, r.request_id, o.order_number, o.status,
               o.lines::text AS lines, o.subtotal, o.tax, o.total, o.ordered_on, o.due_on, o.lead_days, o.ship_to_supplier_id,
               o.qa_documents, o.note, o.reason, o.proposal::text AS proposal, o.shipped_quantity, o.fully_shipped,
               o.accepted_quantity, o.rejected_quantity, o.expected_ship_on, o.first_answer_via, o.sent_at, o.answered_at,
               o.shipped_at, o.received_at, o.version, o.created_at, o.updated_at,
               s.name_ja AS supplier_name, concat_ws(' ', s.postal_code, s.address) AS supplier_address,
               coalesce(a.organisation, a.display_name) AS buyer_name,
               n.name_ja AS ship_to_name, concat_ws(' ', n.postal_code, n.address) AS ship_to_address,
               coalesce(r.delivery_address, '') AS delivery_address
        FROM orders o
        JOIN order_routes r ON r.id = o.route_id
        JOIN suppliers s ON s.id = o.supplier_id
        JOIN accounts a ON a.id = o.buyer_account_id
        LEFT JOIN suppliers n ON n.id = o.ship_to_supplier_id
        """;

    public static Task<Row?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, CancellationToken ct, bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE o.id = @id{(forUpdate ? " FOR UPDATE OF o" : "")}", new { id }, tx, cancellationToken: ct));

    public static async Task<IReadOnlyList<Row>> RouteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid routeId, CancellationToken ct) =>
        [.. await connection.QueryAsync<Row>(new CommandDefinition($"{Select} WHERE o.route_id = @routeId ORDER BY o.leg", new { routeId }, tx, cancellationToken: ct))];

    public static async Task<IReadOnlyList<Row>> ListAsync(NpgsqlConnection connection, Guid? buyer, Guid[] sites, string? status, Guid? afterId, int take, CancellationToken ct) =>
        [.. await connection.QueryAsync<Row>(new CommandDefinition($"""
            {Select}
            WHERE (o.buyer_account_id = @buyer OR (o.supplier_id = ANY(@sites) AND o.status <> 'draft'))
              AND (@status::text IS NULL OR o.status = @status) AND (@afterId::uuid IS NULL OR o.id < @afterId)
            ORDER BY o.id DESC LIMIT @take
            """, new { buyer, sites, status, afterId, take }, cancellationToken: ct))];

    public sealed record Details(ILookup<Guid, OrderMilestone> Milestones, ILookup<Guid, OrderShipment> Shipments);

    public static async Task<Details> DetailsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid[] orderIds, CancellationToken ct)
    {
        using var grid = await connection.QueryMultipleAsync(new CommandDefinition("""
            SELECT order_id, position, kind, label, planned_on, actual_on FROM order_milestones WHERE order_id = ANY(@orderIds) ORDER BY order_id, position;
            SELECT order_id, id, quantity, shipped_on, final, note FROM order_shipments WHERE order_id = ANY(@orderIds) ORDER BY order_id, shipped_on, id;
            """, new { orderIds }, tx, cancellationToken: ct));
        var milestones = (await grid.ReadAsync<(Guid OrderId, int Position, string Kind, string? Label, DateOnly? PlannedOn, DateOnly? ActualOn)>())
            .ToLookup(m => m.OrderId, m => new OrderMilestone
            {
                Position = m.Position,
                Kind = WireNames.Parse<OrderMilestoneKind>(m.Kind),
                Label = m.Label,
                PlannedOn = m.PlannedOn,
                ActualOn = m.ActualOn,
            });
        var shipments = (await grid.ReadAsync<(Guid OrderId, Guid Id, int Quantity, DateOnly ShippedOn, bool Final, string? Note)>())
            .ToLookup(s => s.OrderId, s => new OrderShipment
            {
                Id = s.Id,
                Quantity = s.Quantity,
                ShippedOn = s.ShippedOn,
                Final = s.Final,
                Note = s.Note,
            });
        return new Details(milestones, shipments);
    }

    /// <summary>An order as its parties see it, with the expected ship day and lateness the route's plan gives it.</summary>
    public static Order ToDto(this Row row, Details details, RouteSchedule.LegPlan? plan)
    {
        var lines = row.LineList();
        var totals = OrderAmounts.Of(lines);
        return new Order
        {
            Id = row.Id,
            RouteId = row.RouteId,
            Leg = row.Leg,
            Legs = row.Legs,
            OrderNumber = row.OrderNumber,
            Status = row.State,
            Supplier = new OrderParty { SupplierId = row.SupplierId, Name = row.SupplierName, Address = Blank(row.SupplierAddress) },
            Buyer = new OrderParty { Name = row.BuyerName },
            ShipTo = row.ShipToSupplierId is { } next
                ? new OrderParty { SupplierId = next, Name = row.ShipToName ?? "", Address = Blank(row.ShipToAddress) }
                : new OrderParty { Name = row.BuyerName, Address = row.DeliveryAddress },
            RequestId = row.RequestId,
            Lines = totals.Lines,
            Taxes = totals.Taxes,
            Subtotal = row.Subtotal,
            Tax = row.Tax,
            Total = row.Total,
            OrderedOn = row.OrderedOn,
            DueDate = row.DueOn,
            LeadDays = row.LeadDays,
            ExpectedShipOn = plan?.ExpectedShipOn ?? row.ExpectedShipOn,
            Late = plan?.Late ?? false,
            QaDocuments = [.. row.QaDocuments.Select(WireNames.Parse<QualityAssurance>)],
            Note = row.Note,
            Reason = row.Reason,
            Proposal = row.ProposalValue(),
            Milestones = [.. details.Milestones[row.Id]],
            Shipments = [.. details.Shipments[row.Id]],
            ShippedQuantity = row.ShippedQuantity,
            AcceptedQuantity = row.AcceptedQuantity,
            RejectedQuantity = row.RejectedQuantity,
            AnsweredVia = row.FirstAnswerVia is { } via ? WireNames.Parse<AnswerChannel>(via) : null,
            SentAt = row.SentAt,
            AnsweredAt = row.AnsweredAt,
            ShippedAt = row.ShippedAt,
            ReceivedAt = row.ReceivedAt,
            Version = row.Version,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
