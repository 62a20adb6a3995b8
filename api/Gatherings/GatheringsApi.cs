using System.ComponentModel;
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
using Registry.Contracts.Gatherings;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Gatherings;

/// <summary>
/// Matching meetings, technical showcases and exchange meetings (DESIGN §12) — "gatherings", since "events" are the
/// outbox's. Coordinators create one as a draft and become its organisers; it is public once published (its changes
/// are public events), takes registrations while published, meeting requests while booking is open, is scheduled,
/// held and closed, or cancelled before it is held. Every change names the If-Match version it read and is audited.
/// </summary>
public static class GatheringsApi
{
    public static readonly Transitions Lifecycle = new Transitions("gathering")
        .Add("publish", ["draft"], "published", "gathering.published")
        .Add("open-booking", ["published"], "booking_open", "gathering.booking_opened")
        .Add("schedule", ["booking_open", "scheduled"], "scheduled", "gathering.scheduled")
        .Add("hold", ["scheduled"], "held", "gathering.held")
        .Add("close", ["held"], "closed", "gathering.closed")
        .Add("cancel", ["draft", "published", "booking_open", "scheduled"], "cancelled", "gathering.cancelled");

    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/gatherings").WithTags("Gatherings").RejectUnknownQueryParameters();
        group.MapPost("", Create).ValidateBody<GatheringInput>().AcceptsIdempotencyKey().RequireAuthorization(Policies.Coordinator)
            .WithName("createGathering").WithSummary("Create a matching meeting, showcase or exchange meeting as a draft (coordinators)");
        group.MapGet("", List)
            .WithName("listGatherings").WithSummary("Published gatherings (coordinators: drafts too), by day");
        group.MapGet("/{id:guid}", Get)
            .WithName("getGathering").WithSummary("A gathering: published ones to anyone, drafts to coordinators")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Update).ValidateBody<GatheringInput>().RequireAuthorization(Policies.Coordinator)
            .WithName("updateGathering").WithSummary("Change a gathering before it is held (its organisers)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict)
            .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
            .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);
        foreach (var (action, summary) in new[]
        {
            ("publish", "Publish a draft: registration opens"),
            ("open-booking", "Open booking: approved participants request meetings"),
            ("hold", "Mark the gathering held (check-in and outcomes follow)"),
            ("close", "Close a held gathering"),
            ("cancel", "Cancel a gathering before it is held"),
        })
        {
            group.MapPost($"/{{id:guid}}/{action}", (Guid id, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
                    TransitionAsync(id, action, user, db, http, ct))
                .RequireAuthorization(Policies.Coordinator)
                .WithName(action == "open-booking" ? "openGatheringBooking" : $"{action}Gathering").WithSummary(summary + " (its organisers)")
                .ProducesProblemDocument(StatusCodes.Status404NotFound)
                .ProducesProblemDocument(StatusCodes.Status409Conflict)
                .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
                .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);
        }
    }

    public static async Task<Results<Created<Gathering>, ProblemHttpResult>> Create(
        GatheringInput body, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var organisers = OrganisersOf(body, user);
        if (await ProblemsAsync(connection, tx, body, organisers, clock.RegionToday(), creating: true, ct) is { } problem)
        {
            return problem;
        }

        await WriteAsync(connection, tx, id, body, organisers, insert: true, ct);
        var row = (await ReadAsync(connection, tx, id, ct))!;
        await RecordAsync(change, "gathering.created", null, row);
        return await change.CommitCreatedAsync(row.ToDto(), row.Version, $"/api/v1/gatherings/{id}", response);
    }

    public static async Task<Results<Ok<Page<Gathering>>, ProblemHttpResult>> List(
        [Range(1, Paging.MaxLimit)] int? limit, [MaxLength(Paging.MaxCursorLength)] string? cursor,
        [WireEnum(typeof(GatheringKind)), MaxLength(40)] string? kind,
        [Description("Only gatherings held on or after this day (default: all).")] DateOnly? from,
        ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        var (take, after, pageProblem) = Paging.Read(http, limit, cursor);
        if (pageProblem is not null)
        {
            return pageProblem;
        }

        if (kind is not null && !WireNames.TryParse<GatheringKind>(kind, out _))
        {
            return Problems.Validation("kind", $"One of {string.Join(", ", WireNames.All<GatheringKind>())}.");
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition($"""
            {Select} WHERE (@all OR g.status <> 'draft') AND (@kind::text IS NULL OR g.kind = @kind)
                AND (@from::date IS NULL OR g.held_on >= @from)
                AND (@after::text IS NULL OR (g.held_on::text || '|' || g.id::text) > @after)
            ORDER BY g.held_on, g.id LIMIT @take
            """,
            new { all = Viewer.IsCoordinator(user), kind, from = from?.ToDateTime(TimeOnly.MinValue), after, take = take + 1 },
            cancellationToken: ct))).ToList();
        var page = rows.ToPage(take, r => $"{r.HeldOn:yyyy-MM-dd}|{r.Id}", http);
        return TypedResults.Ok(new Page<Gathering> { Items = [.. page.Items.Select(r => r.ToDto())], NextCursor = page.NextCursor });
    }

    public static async Task<Results<Representation<Gathering>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await ReadAsync(connection, null, id, ct) is not { } row || !row.VisibleTo(user))
        {
            return Problems.NotFound("gathering");
        }

        return Representations.Ok(row.ToDto(), row.Version);
    }

    public static async Task<Results<Ok<Gathering>, ProblemHttpResult>> Update(
        Guid id, GatheringInput body, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } before || !before.RunBy(user))
        {
            return Problems.NotFound("gathering");
        }

        if (before.Status is "held" or "closed" or "cancelled")
        {
            return Problems.Conflict($"The gathering is {before.Status}; it no longer changes.");
        }

        var organisers = OrganisersOf(body, user);
        if (await ProblemsAsync(connection, tx, body, organisers, clock.RegionToday(), creating: false, ct) is { } problem)
        {
            return problem;
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        // Sessions once booked are where meetings are placed: their slots and tables may grow, not shrink, after booking.
        if (before.Status is "booking_open" or "scheduled" && !GrowsOnly(before.SessionList(), body.Sessions))
        {
            return Problems.Conflict("Booking is open: sessions can get more slots and tables, but none can be removed.");
        }

        await WriteAsync(connection, tx, id, body, organisers, insert: false, ct);
        var after = (await ReadAsync(connection, tx, id, ct))!;
        await RecordAsync(change, "gathering.updated", before, after);
        return await change.CommitAsync(after.ToDto(), after.Version, http.Response);
    }

    private static bool GrowsOnly(IReadOnlyList<GatheringSession> was, IReadOnlyList<GatheringSession> now) =>
        now.Count >= was.Count && was.Zip(now).All(p => p.First.StartsAt == p.Second.StartsAt && p.First.SlotMinutes == p.Second.SlotMinutes
            && p.Second.Slots >= p.First.Slots && p.Second.Tables >= p.First.Tables);

    private static async Task<Results<Ok<Gathering>, ProblemHttpResult>> TransitionAsync(
        Guid id, string action, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } before || !before.RunBy(user))
        {
            return Problems.NotFound("gathering");
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

        await MoveAsync(connection, tx, id, move.To, ct);
        var after = (await ReadAsync(connection, tx, id, ct))!;
        await RecordAsync(change, move.Event, before, after);
        return await change.CommitAsync(after.ToDto(), after.Version, http.Response);
    }

    internal static Task MoveAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, string to, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE gatherings SET status = @to, version = version + 1, updated_at = now() WHERE id = @id", new { id, to }, tx, cancellationToken: ct));

    /// <summary>The creator organises what they create; organisers named in the body must be coordinator or admin accounts.</summary>
    private static Guid[] OrganisersOf(GatheringInput body, ClaimsPrincipal user) =>
        [.. (body.OrganiserAccountIds ?? []).Append(user.AccountId() ?? Guid.Empty).Where(g => g != Guid.Empty).Distinct()];

    private static async Task<ProblemHttpResult?> ProblemsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, GatheringInput body,
        Guid[] organisers, DateOnly today, bool creating, CancellationToken ct)
    {
        var errors = GatheringRules.Check(body, today, creating);
        var known = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM accounts WHERE id = ANY(@organisers) AND role IN ('coordinator', 'admin')", new { organisers }, tx, cancellationToken: ct));
        if (known != organisers.Length || organisers.Length > 20)
        {
            errors["organiserAccountIds"] = ["At most 20 organisers, each a coordinator or admin account."];
        }

        if (body.ClusterId is { } cluster && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM clusters WHERE id = @cluster)", new { cluster }, tx, cancellationToken: ct)))
        {
            errors["clusterId"] = ["No such cluster."];
        }

        return errors.Count > 0 ? Problems.Validation(errors) : null;
    }

    private static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, GatheringInput body, Guid[] organisers, bool insert,
        CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(insert
            ? """
              INSERT INTO gatherings (id, kind, title_ja, title_en, description, venue, venue_address, online_url, held_on, registration_closes_at,
                                      booking_closes_at, capacity, cluster_id, organiser_ids, max_requests, max_meetings, max_consecutive, sessions)
              VALUES (@id, @kind, @titleJa, @titleEn, @description, @venue, @venueAddress, @onlineUrl, @heldOn, @registrationClosesAt,
                      @bookingClosesAt, @capacity, @clusterId, @organisers, @maxRequests, @maxMeetings, @maxConsecutive, @sessions::jsonb)
              """
            : """
              UPDATE gatherings SET kind = @kind, title_ja = @titleJa, title_en = @titleEn, description = @description, venue = @venue,
                  venue_address = @venueAddress, online_url = @onlineUrl, held_on = @heldOn, registration_closes_at = @registrationClosesAt,
                  booking_closes_at = @bookingClosesAt, capacity = @capacity, cluster_id = @clusterId, organiser_ids = @organisers,
                  max_requests = @maxRequests, max_meetings = @maxMeetings, max_consecutive = @maxConsecutive, sessions = @sessions::jsonb,
                  version = version + 1, updated_at = now()
              WHERE id = @id
              """,
            new
            {
                id,
                kind = WireNames.Of(body.Kind),
                titleJa = body.TitleJa.Trim(),
                titleEn = body.TitleEn?.Trim(),
                description = body.Description,
                venue = body.Venue,
                venueAddress = body.VenueAddress,
                onlineUrl = body.OnlineUrl,
                heldOn = body.HeldOn.ToDateTime(TimeOnly.MinValue),
                registrationClosesAt = body.RegistrationClosesAt,
                bookingClosesAt = body.BookingClosesAt,
                capacity = body.Capacity,
                clusterId = body.ClusterId,
                organisers,
                maxRequests = body.MaxRequests ?? 10,
                maxMeetings = body.MaxMeetings ?? 8,
                maxConsecutive = body.MaxConsecutive ?? 4,
                sessions = JsonSerializer.Serialize(body.Sessions, StoredJson.Options),
            },
            tx, cancellationToken: ct));

    // Published gatherings are public, and so are their changes; drafts stay with coordinators.
    private static async Task RecordAsync(Change change, string type, Row? before, Row after)
    {
        var isPublic = after.Status != "draft";
        await change.RecordAsync(type, "gathering", after.Id, before?.ToDto(), after.ToDto());
        await change.EmitAsync(
            new Outbox.Change(type, "gathering", after.Id, null, after.Version, isPublic ? DisclosureLevel.Public : DisclosureLevel.Coordinators),
            before?.Status == "draft" && isPublic ? null : before?.ToDto(), after.ToDto());
    }

    private const string Select = """
        SELECT g.id, g.kind, g.status, g.title_ja, g.title_en, g.description, g.venue, g.venue_address, g.online_url, g.held_on,
               g.registration_closes_at, g.booking_closes_at, g.capacity, g.cluster_id, g.organiser_ids, g.max_requests, g.max_meetings,
               g.max_consecutive, g.sessions::text AS sessions, g.version, g.created_at, g.updated_at,
               (SELECT count(*) FROM gathering_participants p WHERE p.gathering_id = g.id AND p.status = 'approved')::int AS participants
        FROM gatherings g
        """;

    internal static Task<Row?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, CancellationToken ct, bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE g.id = @id{(forUpdate ? " FOR UPDATE OF g" : "")}", new { id }, tx, cancellationToken: ct));

    internal sealed class Row
    {
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public string Status { get; init; } = "";
        public string TitleJa { get; init; } = "";
        public string? TitleEn { get; init; }
        public string? Description { get; init; }
        public string? Venue { get; init; }
        public string? VenueAddress { get; init; }
        public string? OnlineUrl { get; init; }
        public DateOnly HeldOn { get; init; }
        public DateTimeOffset? RegistrationClosesAt { get; init; }
        public DateTimeOffset? BookingClosesAt { get; init; }
        public int Capacity { get; init; }
        public Guid? ClusterId { get; init; }
        public Guid[] OrganiserIds { get; init; } = [];
        public int MaxRequests { get; init; }
        public int MaxMeetings { get; init; }
        public int MaxConsecutive { get; init; }
        public string Sessions { get; init; } = "[]";
        public int Participants { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        private IReadOnlyList<GatheringSession>? _sessions;
        private IReadOnlyList<GatheringRules.Slot>? _slots;

        public IReadOnlyList<GatheringSession> SessionList() => _sessions ??= JsonSerializer.Deserialize<List<GatheringSession>>(Sessions, StoredJson.Options) ?? [];

        /// <summary>Every slot of the day in time order (read once per row: a meeting list asks for each meeting's).</summary>
        public IReadOnlyList<GatheringRules.Slot> Slots() => _slots ??= GatheringRules.Slots(HeldOn, SessionList());

        /// <summary>Its organisers (coordinators named on it) and admins run a gathering.</summary>
        public bool RunBy(ClaimsPrincipal user) => Ownership.RunsCluster(user, OrganiserIds);

        public bool VisibleTo(ClaimsPrincipal user) => Status != "draft" || Viewer.IsCoordinator(user);

        public Gathering ToDto() => new()
        {
            Id = Id,
            Kind = WireNames.Parse<GatheringKind>(Kind),
            Status = WireNames.Parse<GatheringStatus>(Status),
            TitleJa = TitleJa,
            TitleEn = TitleEn,
            Description = Description,
            Venue = Venue,
            VenueAddress = VenueAddress,
            OnlineUrl = OnlineUrl,
            HeldOn = HeldOn,
            RegistrationClosesAt = RegistrationClosesAt,
            BookingClosesAt = BookingClosesAt,
            Capacity = Capacity,
            ClusterId = ClusterId,
            OrganiserAccountIds = OrganiserIds,
            MaxRequests = MaxRequests,
            MaxMeetings = MaxMeetings,
            MaxConsecutive = MaxConsecutive,
            Sessions = SessionList(),
            Participants = Participants,
            Version = Version,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };
    }
}
