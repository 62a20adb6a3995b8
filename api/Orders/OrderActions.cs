using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Changes;
using Registry.Api.Errors;
using Registry.Api.Events;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts.Orders;

namespace Registry.Api.Orders;

/// <summary>
/// What the parties do to an order (DESIGN §11, in the flow of the SME common EDI: order → acknowledgement → shipment
/// notice → receipt). The buyer sends, agrees to or refuses a proposal, receives, closes and cancels; the supplier —
/// through its account or the order's response link — accepts, rejects, proposes, starts, records progress and ships.
/// Each action names the If-Match version it read, answers 409 naming the state when the order is not in one it
/// needs, is audited and emits an event for the parties only, and recomputes the route's expected days.
/// </summary>
public static class OrderActions
{
    public static readonly Transitions Lifecycle = new Transitions("order")
        .Add("send", ["draft"], "sent", "order.sent")
        .Add("accept", ["sent"], "accepted", "order.accepted")
        .Add("reject", ["sent"], "rejected", "order.rejected")
        .Add("propose", ["sent"], "proposed", "order.proposed")
        .Add("agree", ["proposed"], "accepted", "order.proposal_agreed")
        .Add("refuse", ["proposed"], "sent", "order.proposal_refused")
        .Add("start", ["accepted"], "in_progress", "order.started")
        .Add("progress", ["accepted", "in_progress", "shipped"], "in_progress", "order.progress_recorded")
        .Add("ship", ["accepted", "in_progress", "shipped"], "shipped", "order.shipped")
        .Add("receive", ["shipped"], "received", "order.received")
        .Add("close", ["received"], "closed", "order.closed")
        .Add("cancel", ["draft", "sent", "proposed", "accepted", "in_progress"], "cancelled", "order.cancelled");

    /// <summary>The supplier's actions; the rest are the buyer's.</summary>
    public static readonly IReadOnlySet<string> SupplierActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "accept", "reject", "propose", "start", "progress", "ship",
    };

    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/orders").WithTags("Orders").RejectUnknownQueryParameters().RequireAuthorization(Policies.Member);
        foreach (var (action, summary) in new[]
        {
            ("send", "Send a draft order to its supplier (buyer)"),
            ("accept", "Accept the order (supplier): the order acknowledgement"),
            ("agree", "Agree to the supplier's proposal (buyer): its date and quantities become the order's"),
            ("start", "Start work on an accepted order (supplier)"),
            ("close", "Close a received order (buyer)"),
        })
        {
            Declare(group.MapPost($"/{{id:guid}}/{action}", (Guid id, ClaimsPrincipal user, Ownership ownership, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                    ActAsAccountAsync(id, action, null, user, ownership, db, planning, answers, clock, http, ct))
                .WithName($"{action}Order").WithSummary(summary));
        }

        foreach (var (action, summary) in new[]
        {
            ("reject", "Reject the order, with the reason (supplier)"),
            ("refuse", "Refuse the supplier's proposal, with the reason (buyer): the order is sent again as it was"),
            ("cancel", "Cancel the order before anything shipped, with the reason (buyer)"),
        })
        {
            Declare(group.MapPost($"/{{id:guid}}/{action}", (Guid id, OrderReasonInput body, ClaimsPrincipal user, Ownership ownership, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                    ActAsAccountAsync(id, action, body, user, ownership, db, planning, answers, clock, http, ct))
                .ValidateBody<OrderReasonInput>().WithName($"{action}Order").WithSummary(summary));
        }

        Declare(group.MapPost("/{id:guid}/propose", (Guid id, OrderProposalInput body, ClaimsPrincipal user, Ownership ownership, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ActAsAccountAsync(id, "propose", body, user, ownership, db, planning, answers, clock, http, ct))
            .ValidateBody<OrderProposalInput>().WithName("proposeOrder").WithSummary("Propose another due date or quantities (supplier)"));
        Declare(group.MapPut("/{id:guid}/milestones", (Guid id, OrderMilestonesInput body, ClaimsPrincipal user, Ownership ownership, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ActAsAccountAsync(id, "progress", body, user, ownership, db, planning, answers, clock, http, ct))
            .ValidateBody<OrderMilestonesInput>().WithName("recordOrderProgress").WithSummary("Plan and record the order's milestones (supplier); an actual date starts the work"));
        Declare(group.MapPost("/{id:guid}/shipments", (Guid id, OrderShipmentInput body, ClaimsPrincipal user, Ownership ownership, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ActAsAccountAsync(id, "ship", body, user, ownership, db, planning, answers, clock, http, ct))
            .ValidateBody<OrderShipmentInput>().WithName("shipOrder").WithSummary("Record a shipment, partial or final (supplier): the shipment notice"));
        Declare(group.MapPost("/{id:guid}/receipt", (Guid id, OrderReceiptInput body, ClaimsPrincipal user, Ownership ownership, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ActAsAccountAsync(id, "receive", body, user, ownership, db, planning, answers, clock, http, ct))
            .ValidateBody<OrderReceiptInput>().WithName("receiveOrder").WithSummary("Receive the shipped parts: accepted and rejected quantities (buyer)"));
    }

    internal static RouteHandlerBuilder Declare(RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblemDocument(StatusCodes.Status404NotFound)
        .ProducesProblemDocument(StatusCodes.Status409Conflict)
        .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
        .ProducesProblemDocument(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);

    private static async Task<Results<Ok<Order>, ProblemHttpResult>> ActAsAccountAsync(Guid id, string action, object? body, ClaimsPrincipal user,
        Ownership ownership, NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        await ActAsync(id, action, body, await OrderActor.OfAsync(user, ownership, ct), db, planning, answers, clock, http, ct);

    /// <summary>One action by one party, from the If-Match to the answer.</summary>
    internal static async Task<Results<Ok<Order>, ProblemHttpResult>> ActAsync(Guid id, string action, object? body, OrderActor actor,
        NpgsqlDataSource db, RoutePlanning planning, OrderAnswers answers, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        var today = clock.RegionToday();
        await using var change = await Change.BeginAsync(db, actor.User, ct);
        var (answer, problem) = await ActWithinAsync(change, id, action, body, actor, expected, planning, answers, today, ct);
        return problem ?? (Results<Ok<Order>, ProblemHttpResult>)await change.CommitAsync(answer!, answer!.Version, http.Response);
    }

    /// <summary>
    /// The action inside a change the caller opened and commits (or rolls back): the same rules, audit and events for
    /// an answer through the API, the response link, or a row of an imported acknowledgement (which names no version:
    /// <paramref name="expected"/> null acts on the version it locks). A refusal comes before the first write.
    /// </summary>
    internal static async Task<(Order? Answer, ProblemHttpResult? Problem)> ActWithinAsync(Change change, Guid id, string action, object? body,
        OrderActor actor, int? expected, RoutePlanning planning, OrderAnswers answers, DateOnly today, CancellationToken ct)
    {
        var (connection, tx) = (change.Connection, change.Tx);
        if (await RoutePlanning.LockRouteOfAsync(connection, tx, id, ct) is not { } routeId
            || await OrderStore.ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } before
            || !actor.IsPartyOf(before))
        {
            return (null, Problems.NotFound("order"));
        }

        var bySupplier = SupplierActions.Contains(action);
        if (bySupplier ? !actor.IsSupplierOf(before) : !actor.IsBuyerOf(before))
        {
            return (null, Problems.Forbidden(bySupplier ? "Only the order's supplier does this." : "Only the order's buyer does this."));
        }

        var (move, refusal) = Lifecycle.From(before.Status, action);
        if (move is null)
        {
            return (null, refusal!);
        }

        if (expected is not null && before.Version != expected)
        {
            return (null, Problems.PreconditionFailed());
        }

        var problems = body switch
        {
            OrderProposalInput proposal => OrderRules.CheckProposal(proposal, before, today),
            OrderShipmentInput shipment => OrderRules.CheckShipment(shipment, before, today),
            OrderReceiptInput receipt => OrderRules.CheckReceipt(receipt, before),
            OrderMilestonesInput milestones => OrderRules.CheckMilestones(milestones, today),
            _ => [],
        };
        if (problems.Count > 0)
        {
            return (null, Problems.Validation(problems));
        }

        if (action == "ship" && before.FullyShipped)
        {
            return (null, Problems.Conflict("The order is shipped in full; nothing remains to ship."));
        }

        if (action == "receive" && !before.FullyShipped)
        {
            return (null, Problems.Conflict("The order is not shipped in full yet; receive it after the final shipment."));
        }

        var beforeDetails = await OrderStore.DetailsAsync(connection, tx, [id], ct);
        var to = move.To;
        if (action == "progress")
        {
            // Recording progress starts the work; it never moves an order back from shipped.
            var started = ((OrderMilestonesInput)body!).Milestones.Any(m => m.ActualOn is not null);
            to = before.Status == "accepted" && started ? "in_progress" : before.Status;
            await SaveMilestonesAsync(connection, tx, id, (OrderMilestonesInput)body!, ct);
        }

        await ApplyAsync(connection, tx, before, action, to, body, actor, today, ct);
        var route = await planning.RecomputeAsync(connection, tx, routeId, id, ct);
        if (OrderAnswers.Observes(action))
        {
            await answers.ObserveAsync(connection, tx, before.SupplierId, ct);
        }

        var after = route.Orders.Single(o => o.Id == id);
        var answer = after.ToDto(route.Details, route.Plan.Legs.Single(l => l.Number == after.Leg));
        var previous = before.ToDto(beforeDetails, null);
        await change.RecordAsync(move.Event, "order", id, previous, answer);
        await Outbox.EmitToPartiesAsync(connection, tx, move.Event, "order", id, after.SupplierId, after.BuyerAccountId, after.Version, previous, answer, ct);
        return (answer, null);
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, OrderStore.Row before, string action, string to,
        object? body, OrderActor actor, DateOnly today, CancellationToken ct)
    {
        var reason = (body as OrderReasonInput)?.Reason.Trim();
        var answering = action is "accept" or "reject" or "propose";
        string? proposal = null;
        string? lines = null;
        OrderAmounts.Totals? totals = null;
        DateOnly? due = null;
        if (body is OrderProposalInput p)
        {
            proposal = JsonSerializer.Serialize(new OrderProposal { DueDate = p.DueDate, Quantities = p.Quantities, Note = p.Note?.Trim() }, StoredJson.Options);
        }

        if (action == "agree" && before.ProposalValue() is { } agreed)
        {
            totals = OrderAmounts.Of(OrderAmounts.WithQuantities(before.LineList(), agreed.Quantities));
            lines = JsonSerializer.Serialize(totals.Lines, StoredJson.Options);
            due = agreed.DueDate;
        }

        var final = body is OrderShipmentInput f && (f.Final || before.ShippedQuantity + f.Quantity == before.LineList().Sum(l => l.Quantity));
        if (body is OrderShipmentInput shipment)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO order_shipments (id, order_id, quantity, shipped_on, final, note) VALUES (@id, @orderId, @quantity, @shippedOn, @final, @note)
                """, new
            {
                id = Guid.CreateVersion7(),
                orderId = before.Id,
                quantity = shipment.Quantity,
                shippedOn = (shipment.ShippedOn ?? today).ToDateTime(TimeOnly.MinValue),
                final,
                note = string.IsNullOrWhiteSpace(shipment.Note) ? null : shipment.Note.Trim(),
            }, tx, cancellationToken: ct));
        }

        var receipt = body as OrderReceiptInput;
        var shipped = body is OrderShipmentInput s ? s.Quantity : 0;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE orders SET
                status = @to,
                reason = CASE WHEN @reason::text IS NOT NULL THEN @reason WHEN @action IN ('accept', 'agree') THEN NULL ELSE reason END,
                proposal = CASE WHEN @action = 'propose' THEN @proposal::jsonb WHEN @action IN ('agree', 'refuse', 'accept') THEN NULL ELSE proposal END,
                lines = coalesce(@lines::jsonb, lines),
                subtotal = coalesce(@subtotal, subtotal), tax = coalesce(@tax, tax), total = coalesce(@total, total),
                due_on = coalesce(@due, due_on),
                first_answer_via = CASE WHEN @answering THEN coalesce(first_answer_via, @via) ELSE first_answer_via END,
                answered_at = CASE WHEN @answering THEN coalesce(answered_at, now()) ELSE answered_at END,
                sent_at = CASE WHEN @action = 'send' THEN now() ELSE sent_at END,
                shipped_quantity = shipped_quantity + @shipped,
                fully_shipped = fully_shipped OR @final,
                shipped_at = CASE WHEN @final THEN now() ELSE shipped_at END,
                accepted_quantity = coalesce(@acceptedQuantity, accepted_quantity),
                rejected_quantity = coalesce(@rejectedQuantity, rejected_quantity),
                received_at = CASE WHEN @action = 'receive' THEN now() ELSE received_at END,
                version = version + 1, updated_at = now()
            WHERE id = @id
            """,
            new
            {
                id = before.Id,
                to,
                action,
                reason = receipt?.Reason?.Trim() is { Length: > 0 } why ? why : reason,
                proposal,
                lines,
                subtotal = totals?.Subtotal,
                tax = totals?.Tax,
                total = totals?.Total,
                due = due?.ToDateTime(TimeOnly.MinValue),
                answering,
                via = actor.Channel,
                shipped,
                final,
                acceptedQuantity = receipt?.AcceptedQuantity,
                rejectedQuantity = receipt?.RejectedQuantity,
            },
            tx, cancellationToken: ct));
    }

    private static async Task SaveMilestonesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid orderId, OrderMilestonesInput body, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM order_milestones WHERE order_id = @orderId", new { orderId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO order_milestones (order_id, position, kind, label, planned_on, actual_on) VALUES (@orderId, @position, @kind, @label, @planned, @actual)
            """,
            body.Milestones.Select((m, i) => new
            {
                orderId,
                position = i + 1,
                kind = WireNames.Of(m.Kind),
                label = string.IsNullOrWhiteSpace(m.Label) ? null : m.Label.Trim(),
                planned = m.PlannedOn?.ToDateTime(TimeOnly.MinValue),
                actual = m.ActualOn?.ToDateTime(TimeOnly.MinValue),
            }),
            tx, cancellationToken: ct));
    }
}
