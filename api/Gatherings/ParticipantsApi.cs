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
using Registry.Api.Taxonomy;
using Registry.Contracts.Gatherings;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Gatherings;

/// <summary>
/// Registration for a gathering (DESIGN §12): a buyer brings its needs (its own matching requests, or steps in the
/// request shape), a supplier one of its own published sites and what it will show; the organisers approve or refuse
/// with a reason. A registration is between the participant and the organisers (a `parties` event for the
/// participant, audited); other participants see the approved ones — names, sites, what they show and need — and
/// nothing of a site's hidden sections.
/// </summary>
public static class ParticipantsApi
{
    public static readonly Transitions Lifecycle = new Transitions("registration")
        .Add("approve", ["pending", "refused"], "approved", "gathering.participant_approved")
        .Add("refuse", ["pending", "approved"], "refused", "gathering.participant_refused")
        .Add("withdraw", ["pending", "approved"], "withdrawn", "gathering.participant_withdrew")
        .Add("check-in", ["approved"], "approved", "gathering.participant_checked_in")
        .Add("no-show", ["approved"], "approved", "gathering.participant_no_show");

    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/gatherings/{id:guid}/participants").WithTags("Gatherings").RejectUnknownQueryParameters()
            .RequireAuthorization(Policies.Member);
        group.MapPost("", Register).ValidateBody<ParticipantInput>()
            .WithName("registerForGathering").WithSummary("Register as a buyer with needs or as a supplier with a site (while registration is open)")
            .ProducesProblemDocument(StatusCodes.Status403Forbidden)
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapGet("", List)
            .WithName("listGatheringParticipants").WithSummary("Organisers: every registration; participants: the approved ones and their own")
            .WithResponseMaxItems(2000)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        Declare(group.MapPost("/{participantId:guid}/approve", (Guid id, Guid participantId, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
                ActAsync(id, participantId, "approve", null, user, db, http, ct))
            .RequireAuthorization(Policies.Coordinator)
            .WithName("approveGatheringParticipant").WithSummary("Approve a registration (the gathering's organisers)"));
        Declare(group.MapPost("/{participantId:guid}/refuse", (Guid id, Guid participantId, GatheringReasonInput body, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
                ActAsync(id, participantId, "refuse", body.Reason, user, db, http, ct))
            .ValidateBody<GatheringReasonInput>().RequireAuthorization(Policies.Coordinator)
            .WithName("refuseGatheringParticipant").WithSummary("Refuse a registration, with the reason (the gathering's organisers)"));
        Declare(group.MapPost("/{participantId:guid}/withdraw", (Guid id, Guid participantId, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
                ActAsync(id, participantId, "withdraw", null, user, db, http, ct))
            .WithName("withdrawFromGathering").WithSummary("Withdraw one's own registration; its meetings are cancelled"));
        Declare(group.MapPost("/{participantId:guid}/check-in", (Guid id, Guid participantId, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
                ActAsync(id, participantId, "check-in", null, user, db, http, ct))
            .RequireAuthorization(Policies.Coordinator)
            .WithName("checkInGatheringParticipant").WithSummary("Mark a participant present on the day (the gathering's organisers)"));
        Declare(group.MapPost("/{participantId:guid}/no-show", (Guid id, Guid participantId, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
                ActAsync(id, participantId, "no-show", null, user, db, http, ct))
            .RequireAuthorization(Policies.Coordinator)
            .WithName("markGatheringNoShow").WithSummary("Mark a participant who did not come (the gathering's organisers, on the day): its meetings are cancelled and their tables are free for walk-ins"));
    }

    internal static RouteHandlerBuilder Declare(RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblemDocument(StatusCodes.Status404NotFound)
        .ProducesProblemDocument(StatusCodes.Status409Conflict)
        .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
        .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);

    public static async Task<Results<Created<Participant>, ProblemHttpResult>> Register(
        Guid id, ParticipantInput body, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, TaxonomyCatalog taxonomy, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await GatheringsApi.ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } gathering || !gathering.VisibleTo(user))
        {
            return Problems.NotFound("gathering");
        }

        if (gathering.Status is not ("published" or "booking_open")
            || (gathering.RegistrationClosesAt is { } closes && clock.GetUtcNow() >= closes))
        {
            return Problems.Conflict($"Registration is closed: the gathering is {gathering.Status}.");
        }

        var me = user.AccountId()!.Value;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.Sessions.Any(s => s < 0 || s >= gathering.SessionList().Count) || body.Sessions.Distinct().Count() != body.Sessions.Count)
        {
            errors["sessions"] = [$"Each session once, from 0 to {gathering.SessionList().Count - 1}."];
        }

        string[] shows = [.. (body.ShowProcesses ?? []).Distinct(StringComparer.Ordinal)];
        if (body.Role == ParticipantRole.Supplier)
        {
            if (body.SupplierId is not { } site)
            {
                errors["supplierId"] = ["A supplier registers with one of its sites."];
            }
            else if (!(await ownership.SitesOfAsync(user, ct)).Contains(site))
            {
                return Problems.Forbidden("A site registers through one of its own accounts.");
            }
            else
            {
                var processes = await connection.QuerySingleOrDefaultAsync<string[]>(new CommandDefinition(
                    "SELECT process_codes FROM suppliers WHERE id = @site AND status = 'published'", new { site }, tx, cancellationToken: ct));
                if (processes is null)
                {
                    errors["supplierId"] = ["Only published sites take part."];
                }
                else if (shows.FirstOrDefault(p => !processes.Contains(p)) is { } unknown)
                {
                    errors["showProcesses"] = [$"'{unknown}' is not one of the site's processes."];
                }
            }
        }
        else
        {
            if (body.SupplierId is not null || shows.Length > 0)
            {
                errors["supplierId"] = ["A buyer brings needs, not a site."];
            }

            var requests = (body.RequestIds ?? []).Distinct().ToArray();
            var own = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT count(*) FROM matching_requests WHERE id = ANY(@requests) AND buyer_account_id = @me AND status IN ('draft', 'open', 'closed', 'awarded')",
                new { requests, me }, tx, cancellationToken: ct));
            if (own != requests.Length)
            {
                errors["requestIds"] = ["Only the caller's own matching requests."];
            }

            if (requests.Length == 0 && (body.Needs ?? []).Count == 0)
            {
                errors["needs"] = ["A buyer brings its matching requests or the steps it needs."];
            }

            taxonomy.Check(errors, "needs", TaxonomyKind.Processes, [.. (body.Needs ?? []).Select(n => n.ProcessCode)]);
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (gathering.Participants >= gathering.Capacity)
        {
            return Problems.Conflict("The gathering is full.");
        }

        var participantId = Guid.CreateVersion7();
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO gathering_participants (id, gathering_id, account_id, role, supplier_id, request_ids, needs, shows, show_processes, sessions, note)
            VALUES (@participantId, @id, @me, @role, @supplierId, @requestIds, @needs::jsonb, @shows, @showProcesses, @sessions, @note)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                participantId,
                id,
                me,
                role = WireNames.Of(body.Role),
                supplierId = body.Role == ParticipantRole.Supplier ? body.SupplierId : null,
                requestIds = (body.RequestIds ?? []).Distinct().ToArray(),
                needs = body.Needs is { Count: > 0 } needs ? JsonSerializer.Serialize(needs, StoredJson.Options) : null,
                shows = body.Shows?.Trim(),
                showProcesses = shows,
                sessions = body.Sessions.Order().ToArray(),
                note = body.Note?.Trim(),
            },
            tx, cancellationToken: ct));
        if (inserted == 0)
        {
            return Problems.Conflict(body.Role == ParticipantRole.Supplier
                ? "The site, or this account as a supplier, is already registered."
                : "This account is already registered as a buyer.");
        }

        var created = (await ReadAsync(connection, tx, id, participantId, ct))!;
        await RecordAsync(change, "gathering.participant_registered", null, created, ct);
        return await change.CommitCreatedAsync(created.ToDto(full: true), created.Version, $"/api/v1/gatherings/{id}/participants/{participantId}", response);
    }

    public static async Task<Results<Ok<IReadOnlyList<Participant>>, ProblemHttpResult>> List(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await GatheringsApi.ReadAsync(connection, null, id, ct) is not { } gathering || !gathering.VisibleTo(user))
        {
            return Problems.NotFound("gathering");
        }

        var me = user.AccountId();
        var organiser = gathering.RunBy(user);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            {Select} WHERE p.gathering_id = @id ORDER BY p.role, name, p.id LIMIT 2000
            """, new { id }, cancellationToken: ct));
        var all = rows.ToList();
        // Someone who is not an approved participant (nor an organiser) sees only its own registrations.
        var approved = organiser || all.Any(r => r.AccountId == me && r.Status == "approved");
        return TypedResults.Ok<IReadOnlyList<Participant>>([.. all
            .Where(r => organiser || r.AccountId == me || (approved && r.Status == "approved"))
            .Select(r => r.ToDto(full: organiser || r.AccountId == me))]);
    }

    private static async Task<Results<Ok<Participant>, ProblemHttpResult>> ActAsync(
        Guid id, Guid participantId, string action, string? reason, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var gathering = await GatheringsApi.ReadAsync(connection, tx, id, ct, forUpdate: true);
        var before = gathering is null ? null : await ReadAsync(connection, tx, id, participantId, ct);
        var organiser = gathering?.RunBy(user) == true;
        if (gathering is null || before is null || !(organiser || (action == "withdraw" && before.AccountId == user.AccountId())))
        {
            return Problems.NotFound("gathering participant");
        }

        var (move, refusal) = Lifecycle.From(before.Status, action);
        if (move is null)
        {
            return refusal!;
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        if (action == "approve" && gathering.Participants >= gathering.Capacity)
        {
            return Problems.Conflict("The gathering is full.");
        }

        if ((action is "check-in" or "no-show") && gathering.Status is not ("scheduled" or "held"))
        {
            return Problems.Conflict($"Check-in is on the day: the gathering is {gathering.Status}.");
        }

        if (action == "no-show" && before.CheckedInAt is not null)
        {
            return Problems.Conflict("The participant has checked in.");
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE gathering_participants SET status = @to, reason = CASE WHEN @action = 'approve' THEN NULL ELSE coalesce(@reason, reason) END,
                checked_in_at = CASE WHEN @action = 'check-in' THEN now() ELSE checked_in_at END,
                no_show_at = CASE WHEN @action = 'no-show' THEN now() WHEN @action = 'check-in' THEN NULL ELSE no_show_at END,
                version = version + 1, updated_at = now()
            WHERE id = @participantId
            """, new { participantId, to = move.To, action, reason = reason?.Trim() }, tx, cancellationToken: ct));
        if (move.To is "refused" or "withdrawn" || action == "no-show")
        {
            // Someone no longer taking part (or not come) meets nobody: its meetings are cancelled and leave their tables,
            // which walk-ins may take.
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE gathering_meetings SET status = 'cancelled', slot = NULL, table_no = NULL, pinned = false,
                    reason = 'participant ' || @why, version = version + 1, updated_at = now()
                WHERE (buyer_id = @participantId OR supplier_id = @participantId) AND status IN ('requested', 'accepted')
                """, new { participantId, why = action == "no-show" ? "no-show" : move.To }, tx, cancellationToken: ct));
        }

        var after = (await ReadAsync(connection, tx, id, participantId, ct))!;
        await RecordAsync(change, move.Event, before, after, ct);
        return await change.CommitAsync(after.ToDto(full: true), after.Version, http.Response);
    }

    /// <summary>Audited; an event for the participant (its account, and its site's accounts) only.</summary>
    private static async Task RecordAsync(Change change, string type, Row? before, Row after, CancellationToken ct)
    {
        await change.RecordAsync(type, "gathering_participant", after.Id, before?.ToDto(full: true), after.ToDto(full: true));
        await Outbox.EmitToPartiesAsync(change.Connection, change.Tx, type, "gathering_participant", after.Id, after.SupplierId, after.AccountId,
            after.Version, before?.ToDto(full: true), after.ToDto(full: true), ct);
    }

    internal const string Select = """
        SELECT p.id, p.gathering_id, p.account_id, p.role, p.supplier_id, p.request_ids, p.needs::text AS needs, p.shows, p.show_processes,
               p.sessions, p.note, p.status, p.reason, p.checked_in_at, p.no_show_at, p.version, p.created_at,
               coalesce(s.name_ja, a.organisation, a.display_name) AS name,
               ARRAY(SELECT DISTINCT x FROM (
                   SELECT jsonb_array_elements(p.needs) ->> 'processCode' AS x
                   UNION SELECT jsonb_array_elements(r.body -> 'steps') ->> 'processCode'
                   FROM matching_requests r WHERE r.id = ANY(p.request_ids)) n WHERE x IS NOT NULL ORDER BY x) AS need_processes
        FROM gathering_participants p
        JOIN accounts a ON a.id = p.account_id
        LEFT JOIN suppliers s ON s.id = p.supplier_id
        """;

    internal static Task<Row?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid gatheringId, Guid participantId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE p.gathering_id = @gatheringId AND p.id = @participantId", new { gatheringId, participantId }, tx, cancellationToken: ct));

    internal sealed class Row
    {
        public Guid Id { get; init; }
        public Guid GatheringId { get; init; }
        public Guid AccountId { get; init; }
        public string Role { get; init; } = "";
        public Guid? SupplierId { get; init; }
        public Guid[] RequestIds { get; init; } = [];
        public string? Needs { get; init; }
        public string? Shows { get; init; }
        public string[] ShowProcesses { get; init; } = [];
        public int[] Sessions { get; init; } = [];
        public string? Note { get; init; }
        public string Status { get; init; } = "";
        public string? Reason { get; init; }
        public DateTimeOffset? CheckedInAt { get; init; }
        public DateTimeOffset? NoShowAt { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string Name { get; init; } = "";
        public string[] NeedProcesses { get; init; } = [];

        /// <summary>Others see who takes part and what it needs or shows; the account, the note and a refusal's reason are for the organisers and the participant.</summary>
        public Participant ToDto(bool full) => new()
        {
            Id = Id,
            GatheringId = GatheringId,
            Role = WireNames.Parse<ParticipantRole>(Role),
            AccountId = full ? AccountId : null,
            Name = Name,
            SupplierId = SupplierId,
            RequestIds = full ? RequestIds : [],
            NeedProcesses = NeedProcesses,
            Shows = Shows,
            ShowProcesses = ShowProcesses,
            Sessions = Sessions,
            Note = full ? Note : null,
            Status = WireNames.Parse<ParticipantStatus>(Status),
            Reason = full ? Reason : null,
            CheckedInAt = full ? CheckedInAt : null,
            NoShowAt = full ? NoShowAt : null,
            Version = Version,
            CreatedAt = CreatedAt,
        };
    }
}
