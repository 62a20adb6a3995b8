using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Changes;
using Registry.Api.Disclosure;
using Registry.Api.Errors;
using Registry.Api.Events;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts.Matching;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Matching;

/// <summary>
/// The thread on an invitation (issue 16 item 7): the invited site asks (its <c>question</c> answer is the first
/// message), the buyer answers, and either writes again. The buyer and the site's own accounts read and write;
/// coordinators read (they mediate); to anyone else the thread does not exist. Every message is audited and goes
/// through the outbox as <c>matching_request.message_posted</c>, which, like the rest of an invitation, stays with
/// coordinators.
/// </summary>
public static class MatchingMessagesApi
{
    /// <summary>Messages a thread answers with: the latest ones, oldest first.</summary>
    public const int MaxMessages = 200;

    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/matching-requests/{id:guid}/invitations/{supplierId:guid}/messages").WithTags("Matching")
            .RejectUnknownQueryParameters().RequireAuthorization(Policies.Member);
        group.MapGet("", List)
            .WithName("listInvitationMessages").WithSummary("The thread between the buyer and an invited site, oldest first (the two parties and coordinators)")
            .WithResponseMaxItems(MaxMessages)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPost("", Post).ValidateBody<InvitationMessageInput>().AcceptsIdempotencyKey()
            .WithName("postInvitationMessage").WithSummary("Write on an invitation's thread: the buyer or one of the invited site's accounts")
            .ProducesProblemDocument(StatusCodes.Status403Forbidden)
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
    }

    /// <summary>Who the caller is on a thread: a party that writes, a coordinator who reads, or nobody (404).</summary>
    private enum Party
    {
        None,
        Reader,
        Buyer,
        Supplier,
    }

    private static async Task<Party> PartyAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, MatchingRequestsApi.Row request, Guid supplierId, ClaimsPrincipal user,
        Ownership ownership, CancellationToken ct)
    {
        var party = user.AccountId() == request.BuyerAccountId ? Party.Buyer
            : (await ownership.SitesOfAsync(user, ct)).Contains(supplierId) ? Party.Supplier
            : Viewer.IsCoordinator(user) ? Party.Reader
            : Party.None;
        // The thread exists only where the site is invited.
        return party != Party.None && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM matching_invitations WHERE request_id = @id AND supplier_id = @supplierId)",
            new { id = request.Id, supplierId }, tx, cancellationToken: ct)) ? party : Party.None;
    }

    public static async Task<Results<Ok<IReadOnlyList<InvitationMessage>>, ProblemHttpResult>> List(
        Guid id, Guid supplierId, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, HttpResponse response, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await MatchingRequestsApi.ReadAsync(connection, null, id, ct) is not { } request
            || await PartyAsync(connection, null, request, supplierId, user, ownership, ct) == Party.None)
        {
            return Problems.NotFound("invitation");
        }

        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT * FROM ({Select} WHERE request_id = @id AND supplier_id = @supplierId ORDER BY posted_at DESC, id DESC LIMIT @take) latest
            ORDER BY posted_at, id
            """, new { id, supplierId, take = MaxMessages }, cancellationToken: ct));
        // A thread is between two parties and changes as they write: never kept by a shared cache.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok<IReadOnlyList<InvitationMessage>>([.. rows.Select(r => r.ToDto())]);
    }

    public static async Task<Results<Created<InvitationMessage>, ProblemHttpResult>> Post(
        Guid id, Guid supplierId, InvitationMessageInput body, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Text))
        {
            return Problems.Validation("text", "A message needs its text.");
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        if (await MatchingRequestsApi.ReadAsync(change.Connection, change.Tx, id, ct, forUpdate: true) is not { } request)
        {
            return Problems.NotFound("invitation");
        }

        var party = await PartyAsync(change.Connection, change.Tx, request, supplierId, user, ownership, ct);
        if (party == Party.None)
        {
            return Problems.NotFound("invitation");
        }

        if (party == Party.Reader)
        {
            return Problems.Forbidden("Coordinators read the thread; the buyer and the invited site write on it.");
        }

        if (request.Status is not ("open" or "closed"))
        {
            return Problems.Conflict($"The request is {request.Status}; the thread takes messages while it is open or closed.");
        }

        var message = await PostAsync(change, user, id, supplierId, party == Party.Buyer ? MessageAuthor.Buyer : MessageAuthor.Supplier, body.Text, ct);
        await change.CommitAsync();
        return TypedResults.Created($"/api/v1/matching-requests/{id}/invitations/{supplierId}/messages", message);
    }

    /// <summary>
    /// Writes a message in the change's transaction, with its audit entry and its outbox event (the invited site is the
    /// event's supplier; the buyer's account is in neither the message nor the event).
    /// </summary>
    internal static async Task<InvitationMessage> PostAsync(
        Change change, ClaimsPrincipal user, Guid id, Guid supplierId, MessageAuthor author, string text, CancellationToken ct)
    {
        var row = await change.Connection.QuerySingleAsync<Row>(new CommandDefinition("""
            INSERT INTO matching_invitation_messages (id, request_id, supplier_id, author_account_id, author_role, body)
            VALUES (@messageId, @id, @supplierId, @account, @author, @body)
            RETURNING id, request_id, supplier_id, author_role, body AS text, posted_at
            """, new { messageId = Guid.CreateVersion7(), id, supplierId, account = user.AccountId(), author = WireNames.Of(author), body = text.Trim() },
            change.Tx, cancellationToken: ct));
        var message = row.ToDto();
        await change.RecordAsync("matching_request.message_posted", "matching_request", id, null, message);
        await change.EmitAsync(new Outbox.Change("matching_request.message_posted", "matching_request", id, supplierId, null, DisclosureLevel.Coordinators),
            null, message);
        return message;
    }

    private const string Select = "SELECT id, request_id, supplier_id, author_role, body AS text, posted_at FROM matching_invitation_messages";

    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid RequestId { get; init; }
        public Guid SupplierId { get; init; }
        public string AuthorRole { get; init; } = "";
        public string Text { get; init; } = "";
        public DateTimeOffset PostedAt { get; init; }

        public InvitationMessage ToDto() => new()
        {
            Id = Id,
            RequestId = RequestId,
            SupplierId = SupplierId,
            Author = Enum.Parse<MessageAuthor>(AuthorRole, ignoreCase: true),
            Text = Text,
            PostedAt = PostedAt,
        };
    }
}
