using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Audit;
using Registry.Api.Auth;
using Registry.Api.Changes;
using Registry.Api.Disclosure;
using Registry.Api.Errors;
using Registry.Api.Events;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts.Matching;

namespace Registry.Api.Matching;

/// <summary>
/// Invitations to an open request and their answers (DESIGN §5): the buyer invites snapshotted candidates, a
/// coordinator may introduce any published site; an invited site (and only it, through its accounts) sees the
/// request and answers interested, declined or with a question; the buyer shortlists interested ones. Suppliers
/// find the requests addressed to their sites in their inbox.
/// </summary>
public static class MatchingInvitationsApi
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/matching-requests").WithTags("Matching").RejectUnknownQueryParameters()
            .RequireAuthorization(Policies.Member);
        group.MapPost("/{id:guid}/invitations", Invite).ValidateBody<InvitationInput>()
            .WithName("inviteSupplier").WithSummary("Invite a site to an open request (coordinators: introduce any published site)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict)
            .ProducesProblemDocument(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:guid}/invitations", List)
            .WithName("listInvitations").WithSummary("The sites invited to a request and their answers (buyer and coordinators)")
            .WithResponseMaxItems(200)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/answer", Answer).ValidateBody<AnswerInput>()
            .WithName("answerInvitation").WithSummary("Answer an invitation for one of the caller's sites")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/shortlist", Shortlist).ValidateBody<InvitationInput>()
            .WithName("shortlistSupplier").WithSummary("Shortlist an invited site that answered interested")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapGet("/inbox", Inbox)
            .WithName("matchingInbox").WithSummary("Requests addressed to the caller's sites, newest first")
            .WithResponseMaxItems(200);
    }

    /// <summary>Whether any of the given sites is invited to the request.</summary>
    public static async Task<bool> InvitedAsync(NpgsqlConnection connection, Guid id, Guid[] sites, CancellationToken ct) =>
        sites.Length > 0 && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM matching_invitations WHERE request_id = @id AND supplier_id = ANY(@sites))",
            new { id, sites }, cancellationToken: ct));

    public static async Task<Results<Created<Invitation>, Ok<Invitation>, ProblemHttpResult>> Invite(
        Guid id, InvitationInput body, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await MatchingRequestsApi.ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } request || !request.RunBy(user))
        {
            return Problems.NotFound("matching request");
        }

        if (request.Status != "open")
        {
            return Problems.Conflict($"The request is {request.Status}; invitations go out while it is open.");
        }

        if (await ReadAsync(connection, tx, id, body.SupplierId, ct) is { } existing)
        {
            return TypedResults.Ok(existing.ToDto());
        }

        var coordinator = Viewer.IsCoordinator(user);
        var allowed = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(coordinator
            ? "SELECT EXISTS (SELECT 1 FROM suppliers WHERE id = @supplier AND status = 'published')"
            : "SELECT EXISTS (SELECT 1 FROM matching_candidates WHERE request_id = @id AND supplier_id = @supplier)",
            new { id, supplier = body.SupplierId }, tx, cancellationToken: ct));
        if (!allowed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ProblemTypes.Validation, title: "Not invitable",
                detail: coordinator ? "Only published sites can be introduced." : "The buyer invites sites snapshotted as candidates when the request opened.");
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO matching_invitations (request_id, supplier_id, introduced_by) VALUES (@id, @supplier, @introducedBy)
            """, new { id, supplier = body.SupplierId, introducedBy = coordinator ? user.AccountId() : null }, tx, cancellationToken: ct));
        var invitation = (await ReadAsync(connection, tx, id, body.SupplierId, ct))!.ToDto();
        var action = coordinator ? "matching_request.introduced" : "matching_request.invited";
        await AuditLog.RecordAsync(connection, tx, user, action, "matching_request", id, null, invitation, ct);
        await EmitAsync(connection, tx, action, null, invitation, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/matching-requests/{id}/invitations", invitation);
    }

    public static async Task<Results<Ok<IReadOnlyList<Invitation>>, ProblemHttpResult>> List(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await MatchingRequestsApi.ReadAsync(connection, null, id, ct) is not { } request || !request.RunBy(user))
        {
            return Problems.NotFound("matching request");
        }

        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Select} WHERE i.request_id = @id ORDER BY i.invited_at, i.supplier_id LIMIT 200", new { id }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<Invitation>>([.. rows.Select(r => r.ToDto())]);
    }

    public static async Task<Results<Ok<Invitation>, ProblemHttpResult>> Answer(
        Guid id, AnswerInput body, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, CancellationToken ct)
    {
        if (body.Answer == InvitationAnswer.Question && string.IsNullOrWhiteSpace(body.Question))
        {
            return Problems.Validation("question", "A question needs its text.");
        }

        // Only the invited site's own accounts answer; to anyone else the invitation does not exist.
        if (!(await ownership.SitesOfAsync(user, ct)).Contains(body.SupplierId))
        {
            return Problems.NotFound("invitation");
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await MatchingRequestsApi.ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } request
            || await ReadAsync(connection, tx, id, body.SupplierId, ct) is not { } before)
        {
            return Problems.NotFound("invitation");
        }

        if (request.Status != "open")
        {
            return Problems.Conflict($"The request is {request.Status}; answers are taken while it is open.");
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE matching_invitations SET answered_at = now(),
                status = CASE @answer WHEN 'question' THEN status ELSE @answer END,
                question = CASE WHEN @answer = 'question' THEN @question ELSE question END
            WHERE request_id = @id AND supplier_id = @supplier
            """, new { id, supplier = body.SupplierId, answer = WireNames.Of(body.Answer), question = body.Question }, tx, cancellationToken: ct));
        var after = (await ReadAsync(connection, tx, id, body.SupplierId, ct))!.ToDto();
        await change.RecordAsync("matching_request.answered", "matching_request", id, before.ToDto(), after);
        await EmitAsync(connection, tx, "matching_request.answered", before.ToDto(), after, ct);
        if (body.Answer == InvitationAnswer.Question)
        {
            // The question opens (or continues) the invitation's thread, where the buyer answers it.
            await MatchingMessagesApi.PostAsync(change, user, id, body.SupplierId, MessageAuthor.Supplier, body.Question!, ct);
        }

        await change.CommitAsync();
        return TypedResults.Ok(after);
    }

    public static async Task<Results<Ok<Invitation>, ProblemHttpResult>> Shortlist(
        Guid id, InvitationInput body, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await MatchingRequestsApi.ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } request || !request.RunBy(user)
            || await ReadAsync(connection, tx, id, body.SupplierId, ct) is not { } before)
        {
            return Problems.NotFound("invitation");
        }

        if (before.Status != "interested")
        {
            return Problems.Conflict($"The invitation is {before.Status}; only an interested site can be shortlisted.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE matching_invitations SET status = 'shortlisted' WHERE request_id = @id AND supplier_id = @supplier",
            new { id, supplier = body.SupplierId }, tx, cancellationToken: ct));
        var after = (await ReadAsync(connection, tx, id, body.SupplierId, ct))!.ToDto();
        await AuditLog.RecordAsync(connection, tx, user, "matching_request.shortlisted", "matching_request", id, before.ToDto(), after, ct);
        await EmitAsync(connection, tx, "matching_request.shortlisted", before.ToDto(), after, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(after);
    }

    public static async Task<Ok<IReadOnlyList<InboxItem>>> Inbox(ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, CancellationToken ct)
    {
        var sites = await ownership.SitesOfAsync(user, ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        var invitations = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Select} WHERE i.supplier_id = ANY(@sites) ORDER BY i.request_id DESC LIMIT 200", new { sites }, cancellationToken: ct))).ToList();
        var items = new List<InboxItem>();
        foreach (var invitation in invitations)
        {
            var request = (await MatchingRequestsApi.ReadAsync(connection, null, invitation.RequestId, ct))!;
            items.Add(new InboxItem { Request = request.ToDto(showBuyer: false), Invitation = invitation.ToDto() });
        }

        return TypedResults.Ok<IReadOnlyList<InboxItem>>(items);
    }

    // Who was invited and what they answered is between the buyer, the site and the coordinators.
    private static Task EmitAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string type, Invitation? before, Invitation after, CancellationToken ct) =>
        Outbox.EmitAsync(connection, tx,
            new Outbox.Change(type, "matching_request", after.RequestId, after.SupplierId, null, Contracts.Suppliers.DisclosureLevel.Coordinators),
            before, after, ct);

    private const string Select = """
        SELECT i.request_id, i.supplier_id, s.name_ja AS supplier_name_ja, i.status, i.question, i.introduced_by IS NOT NULL AS introduced,
               i.invited_at, i.answered_at
        FROM matching_invitations i JOIN suppliers s ON s.id = i.supplier_id
        """;

    private static Task<Row?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, Guid supplier, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE i.request_id = @id AND i.supplier_id = @supplier", new { id, supplier }, tx, cancellationToken: ct));

    private sealed class Row
    {
        public Guid RequestId { get; init; }
        public Guid SupplierId { get; init; }
        public string SupplierNameJa { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Question { get; init; }
        public bool Introduced { get; init; }
        public DateTimeOffset InvitedAt { get; init; }
        public DateTimeOffset? AnsweredAt { get; init; }

        public Invitation ToDto() => new()
        {
            RequestId = RequestId,
            SupplierId = SupplierId,
            SupplierNameJa = SupplierNameJa,
            Status = Enum.Parse<InvitationStatus>(Status, ignoreCase: true),
            Question = Question,
            Introduced = Introduced,
            InvitedAt = InvitedAt,
            AnsweredAt = AnsweredAt,
        };
    }
}
