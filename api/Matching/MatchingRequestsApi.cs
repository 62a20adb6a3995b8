using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
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
using Registry.Contracts;
using Registry.Contracts.Matching;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Matching;

/// <summary>
/// Saved matching requests and their lifecycle (DESIGN §5): draft → open → closed, with cancel from draft or open and
/// award from open or closed. The buyer (or a coordinator) runs a request; members see open public ones; anyone
/// else gets 404, as if it did not exist. Opening snapshots the candidates the buyer sees then.
/// </summary>
public static class MatchingRequestsApi
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/matching-requests").WithTags("Matching").RejectUnknownQueryParameters()
            .RequireAuthorization(Policies.Member);
        group.MapPost("", Create).ValidateBody<MatchingRequestInput>().AcceptsIdempotencyKey()
            .WithName("createMatchingRequest").WithSummary("Save a request as a draft (the caller is its buyer)");
        group.MapGet("", List)
            .WithName("listMatchingRequests").WithSummary("The caller's requests (coordinators: all), newest first");
        group.MapGet("/{id:guid}", Get)
            .WithName("getMatchingRequest").WithSummary("A request: to its buyer, coordinators and invited sites, and to members while it is open and public")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Update).ValidateBody<MatchingRequestInput>()
            .WithName("updateMatchingRequest").WithSummary("Change a draft request")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict)
            .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
            .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);
        foreach (var (action, summary) in new[]
        {
            ("open", "Open a draft: its candidates are snapshotted"),
            ("close", "Close an open request to new answers"),
            ("cancel", "Cancel a draft or open request"),
        })
        {
            group.MapPost($"/{{id:guid}}/{action}", (Guid id, ClaimsPrincipal user, NpgsqlDataSource db, MatchEvaluator evaluator, HttpResponse response, CancellationToken ct) =>
                    TransitionAsync(id, action, null, user, db, evaluator, response, ct))
                .WithName($"{action}MatchingRequest").WithSummary(summary)
                .ProducesProblemDocument(StatusCodes.Status404NotFound)
                .ProducesProblemDocument(StatusCodes.Status409Conflict);
        }

        group.MapPost("/{id:guid}/award", (Guid id, AwardInput body, ClaimsPrincipal user, NpgsqlDataSource db, MatchEvaluator evaluator, HttpResponse response, CancellationToken ct) =>
                TransitionAsync(id, "award", body, user, db, evaluator, response, ct))
            .ValidateBody<AwardInput>()
            .WithName("awardMatchingRequest").WithSummary("Award an open or closed request to a snapshotted candidate or an invited site")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict)
            .ProducesProblemDocument(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:guid}/matches", Matches)
            .WithName("getMatchingRequestMatches").WithSummary("Per step, the ranked suppliers with reasons (buyer and coordinators)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/chains", Chains)
            .WithName("getMatchingRequestChains").WithSummary("The best region-complete chains, with legs, completeness and gaps (buyer and coordinators)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Created<MatchingRequest>, ProblemHttpResult>> Create(
        MatchingRequestInput body, ClaimsPrincipal user, NpgsqlDataSource db, MatchEvaluator evaluator, HttpResponse response, CancellationToken ct)
    {
        (body, var problems) = await evaluator.CheckAsync(body, user, Language.IsEnglish(response.HttpContext.Request), ct);
        if (problems.Count > 0)
        {
            return Problems.Validation(problems);
        }

        var id = Guid.CreateVersion7();
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO matching_requests (id, buyer_account_id, title, body, visibility)
            VALUES (@id, @buyer, @title, @body::jsonb, @visibility)
            """, new { id, buyer = user.AccountId(), title = body.Title, body = JsonSerializer.Serialize(body, StoredJson.Options), visibility = WireNames.Of(body.Visibility) },
            tx, cancellationToken: ct));
        var row = (await ReadAsync(connection, tx, id, ct))!;
        var created = row.ToDto(showBuyer: true);
        await change.RecordAsync("matching_request.created", "matching_request", id, null, created);
        await row.EmitAsync(connection, tx, "matching_request.created", null, ct);
        return await change.CommitCreatedAsync(created, created.Version, $"/api/v1/matching-requests/{id}", response);
    }

    public static async Task<Results<Ok<Page<MatchingRequest>>, ProblemHttpResult>> List(
        [Range(1, Paging.MaxLimit)] int? limit, [MaxLength(Paging.MaxCursorLength)] string? cursor, ClaimsPrincipal user, NpgsqlDataSource db,
        HttpContext http, CancellationToken ct)
    {
        var (take, after, pageProblem) = Paging.Read(http, limit, cursor);
        if (pageProblem is not null)
        {
            return pageProblem;
        }

        var (afterId, badCursor) = Paging.IdKey(http, after);
        if (badCursor is not null)
        {
            return badCursor;
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition($"""
            {Select} WHERE (@all OR r.buyer_account_id = @buyer) AND (@afterId::uuid IS NULL OR r.id < @afterId)
            ORDER BY r.id DESC LIMIT @take
            """, new { all = Viewer.IsCoordinator(user), buyer = user.AccountId(), afterId, take = take + 1 }, cancellationToken: ct))).ToList();
        var page = rows.ToPage(take, r => r.Id.ToString(), http);
        return TypedResults.Ok(new Page<MatchingRequest> { Items = [.. page.Items.Select(r => r.ToDto(showBuyer: true))], NextCursor = page.NextCursor });
    }

    public static async Task<Results<Representation<MatchingRequest>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, HttpContext http, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await ReadAsync(connection, null, id, ct) is not { } row
            || !(row.VisibleTo(user) || await MatchingInvitationsApi.InvitedAsync(connection, id, await ownership.SitesOfAsync(user, ct), ct)))
        {
            return Problems.NotFound("matching request");
        }

        return Representations.Ok(row.ToDto(showBuyer: row.RunBy(user)), row.Version);
    }

    public static async Task<Results<Ok<MatchingRequest>, ProblemHttpResult>> Update(
        Guid id, MatchingRequestInput body, ClaimsPrincipal user, NpgsqlDataSource db, MatchEvaluator evaluator, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        (body, var problems) = await evaluator.CheckAsync(body, user, Language.IsEnglish(http.Request), ct);
        if (problems.Count > 0)
        {
            return Problems.Validation(problems);
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } before || !before.RunBy(user))
        {
            return Problems.NotFound("matching request");
        }

        if (before.Status != "draft")
        {
            return Problems.Conflict($"The request is {before.Status}; only a draft can be changed.");
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE matching_requests SET title = @title, body = @body::jsonb, visibility = @visibility, version = version + 1, updated_at = now()
            WHERE id = @id
            """, new { id, title = body.Title, body = JsonSerializer.Serialize(body, StoredJson.Options), visibility = WireNames.Of(body.Visibility) }, tx, cancellationToken: ct));
        var row = (await ReadAsync(connection, tx, id, ct))!;
        var after = row.ToDto(showBuyer: true);
        await change.RecordAsync("matching_request.updated", "matching_request", id, before.ToDto(showBuyer: true), after);
        await row.EmitAsync(connection, tx, "matching_request.updated", before, ct);
        return await change.CommitAsync(after, after.Version, http.Response);
    }

    private static readonly Transitions s_lifecycle = new Transitions("request")
        .Add("open", ["draft"], "open", "matching_request.opened")
        .Add("close", ["open"], "closed", "matching_request.closed")
        .Add("cancel", ["draft", "open"], "cancelled", "matching_request.cancelled")
        .Add("award", ["open", "closed"], "awarded", "matching_request.awarded");

    private static async Task<Results<Ok<MatchingRequest>, ProblemHttpResult>> TransitionAsync(
        Guid id, string action, AwardInput? award, ClaimsPrincipal user, NpgsqlDataSource db, MatchEvaluator evaluator, HttpResponse response, CancellationToken ct)
    {
        var supplierId = award?.SupplierId;
        var chain = award?.StepSupplierIds is { Count: > 0 } steps ? steps.ToArray() : null;
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } before || !before.RunBy(user))
        {
            return Problems.NotFound("matching request");
        }

        var (move, refusal) = s_lifecycle.From(before.Status, action);
        if (move is null)
        {
            return refusal!;
        }

        if (action == "open")
        {
            // The candidates the buyer sees now, kept as the record of whom the request was matched with.
            var evaluation = await evaluator.EvaluateAsync(before.Input(), user, ct);
            var rows = evaluation.Steps.SelectMany(s => s.Candidates.Select((c, rank) => new { id, step = s.Step, rank = rank + 1, supplier = c.SupplierId, score = c.Score }));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO matching_candidates (request_id, step, rank, supplier_id, score) VALUES (@id, @step, @rank, @supplier, @score)",
                rows, tx, cancellationToken: ct));
            // Where the request is to be served, for the demand-side gaps: the municipality of the nearest published site.
            var centre = before.Input().Region.Centre ?? new GeoLocation { Lat = 0, Lon = 0 };
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE matching_requests SET municipality_code = (
                    SELECT s.municipality_code FROM suppliers s WHERE s.status = 'published' AND s.municipality_code IS NOT NULL
                    ORDER BY s.location <-> ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography LIMIT 1)
                WHERE id = @id
                """, new { id, lat = centre.Lat, lon = centre.Lon }, tx, cancellationToken: ct));
        }

        if (action == "award" && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                """
                SELECT EXISTS (SELECT 1 FROM matching_candidates WHERE request_id = @id AND supplier_id = @supplierId)
                    OR EXISTS (SELECT 1 FROM matching_invitations WHERE request_id = @id AND supplier_id = @supplierId)
                """,
                new { id, supplierId }, tx, cancellationToken: ct)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ProblemTypes.Validation,
                title: "Not a candidate", detail: "A request is awarded to a candidate snapshotted when it opened or to an invited site.");
        }

        if (action == "award" && chain is not null && (chain.Length != before.Input().Steps.Count || !chain.Contains(supplierId!.Value)
            || await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                """
                SELECT count(*) FROM unnest(@chain::uuid[]) WITH ORDINALITY AS c (supplier_id, n)
                WHERE EXISTS (SELECT 1 FROM matching_candidates m WHERE m.request_id = @id AND m.step = c.n - 1 AND m.supplier_id = c.supplier_id)
                   OR EXISTS (SELECT 1 FROM matching_invitations i WHERE i.request_id = @id AND i.supplier_id = c.supplier_id)
                """,
                new { id, chain }, tx, cancellationToken: ct)) != chain.Length))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ProblemTypes.Validation,
                title: "Not a candidate", detail: "A chain is awarded with one site per step, each a candidate of its step or an invited site, and supplierId among them.");
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE matching_requests SET status = @to, awarded_supplier_id = @supplierId, awarded_chain = @chain, version = version + 1, updated_at = now(),
                opened_at = CASE WHEN @to = 'open' THEN now() ELSE opened_at END,
                closed_at = CASE WHEN @to IN ('closed', 'cancelled', 'awarded') AND closed_at IS NULL THEN now() ELSE closed_at END
            WHERE id = @id
            """, new { id, to = move.To, supplierId = action == "award" ? supplierId : null, chain = action == "award" ? chain : null }, tx, cancellationToken: ct));
        if (action == "award")
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE matching_invitations SET status = 'awarded' WHERE request_id = @id AND (supplier_id = @supplierId OR supplier_id = ANY(@chain))",
                new { id, supplierId, chain = chain ?? [] }, tx, cancellationToken: ct));
        }

        var row = (await ReadAsync(connection, tx, id, ct))!;
        var after = row.ToDto(showBuyer: true);
        await change.RecordAsync(move.Event, "matching_request", id, before.ToDto(showBuyer: true), after);
        await row.EmitAsync(connection, tx, move.Event, before, ct);
        return await change.CommitAsync(after, after.Version, response);
    }

    public static async Task<Results<Ok<StepMatchesResult>, ProblemHttpResult>> Matches(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, MatchEvaluator evaluator, CancellationToken ct) =>
        await EvaluateAsync(id, user, db, evaluator, ct) is { } evaluation
            ? TypedResults.Ok(new StepMatchesResult { Steps = evaluation.Steps, EvaluatedAt = evaluation.EvaluatedAt })
            : Problems.NotFound("matching request");

    public static async Task<Results<Ok<ChainsResult>, ProblemHttpResult>> Chains(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, MatchEvaluator evaluator, CancellationToken ct) =>
        await EvaluateAsync(id, user, db, evaluator, ct) is { } evaluation
            ? TypedResults.Ok(new ChainsResult { Chains = evaluation.Chains, DeliveryPoint = evaluation.DeliveryPoint, EvaluatedAt = evaluation.EvaluatedAt })
            : Problems.NotFound("matching request");

    /// <summary>The saved request evaluated for the caller, when the caller runs it (null: 404).</summary>
    private static async Task<MatchEvaluation?> EvaluateAsync(Guid id, ClaimsPrincipal user, NpgsqlDataSource db, MatchEvaluator evaluator, CancellationToken ct) =>
        await RunAsync(id, user, db, ct) is { } row ? await evaluator.EvaluateAsync(row.Input(), user, ct) : null;

    private static async Task<Row?> RunAsync(Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        // Rankings name competitors: they are for the buyer and coordinators, not for invited sites or onlookers.
        return await ReadAsync(connection, null, id, ct) is { } row && row.RunBy(user) ? row : null;
    }

    private const string Select = """
        SELECT r.id, r.buyer_account_id, r.body::text AS body, r.status, r.awarded_supplier_id, r.awarded_chain, r.opened_at, r.closed_at, r.version,
               r.created_at, r.updated_at, r.visibility
        FROM matching_requests r
        """;

    internal static Task<Row?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, CancellationToken ct, bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE r.id = @id{(forUpdate ? " FOR UPDATE" : "")}", new { id }, tx, cancellationToken: ct));

    internal sealed class Row
    {
        public Guid Id { get; init; }
        public Guid BuyerAccountId { get; init; }
        public string Body { get; init; } = "";
        public string Status { get; init; } = "";
        public string Visibility { get; init; } = "";
        public Guid? AwardedSupplierId { get; init; }
        public Guid[]? AwardedChain { get; init; }
        public DateTimeOffset? OpenedAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public MatchingRequestInput Input() => JsonSerializer.Deserialize<MatchingRequestInput>(Body, StoredJson.Options)!;

        /// <summary>The buyer and coordinators run a request.</summary>
        public bool RunBy(ClaimsPrincipal user) => Ownership.RunsRequest(user, BuyerAccountId);

        /// <summary>Besides those who run it, members see a request while it is open and public.</summary>
        public bool VisibleTo(ClaimsPrincipal user) => RunBy(user) || (Status == "open" && Visibility == "public");

        /// <summary>
        /// The event of a change to the request, in its transaction: members may read those of public requests once
        /// opened; drafts and invited-only requests stay with coordinators. The buyer is not named in the payload.
        /// </summary>
        public Task EmitAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string type, Row? before, CancellationToken ct) =>
            Outbox.EmitAsync(connection, tx,
                new Outbox.Change(type, "matching_request", Id, AwardedSupplierId, Version,
                    Visibility == "public" && Status != "draft" ? DisclosureLevel.Members : DisclosureLevel.Coordinators),
                before?.ToDto(showBuyer: false), ToDto(showBuyer: false), ct);

        public MatchingRequest ToDto(bool showBuyer) => new()
        {
            Id = Id,
            Status = Enum.Parse<RequestStatus>(Status, ignoreCase: true),
            Request = Input(),
            BuyerAccountId = showBuyer ? BuyerAccountId : null,
            AwardedSupplierId = AwardedSupplierId,
            AwardedChain = AwardedChain,
            OpenedAt = OpenedAt,
            ClosedAt = ClosedAt,
            Version = Version,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };
    }
}
