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
using Registry.Api.Suppliers;
using Registry.Contracts.Gatherings;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Gatherings;

/// <summary>
/// Showcases and exchange meetings (DESIGN §12, issue 18 item 7). A showcase's exhibitors have booths: what each
/// demonstrates — its processes with the site's capabilities on them, and the equipment it brings — read at the caller's
/// disclosure level like its profile, so a hidden section shows nothing at a booth either. An exchange meeting collects
/// topics and challenges beforehand; a challenge may be posted without the firm's name (the other participants do not
/// see who; the organisers do) and the organisers give each a table. Topic events are for coordinators.
/// </summary>
public static class ShowcaseApi
{
    /// <summary>Exhibitors read for one showcase page: each is one profile read.</summary>
    public const int MaxBooths = 300;

    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/gatherings/{id:guid}").WithTags("Gatherings").RejectUnknownQueryParameters();
        group.MapGet("/booths", BoothsAsync).AllowAnonymous()
            .WithName("listGatheringBooths").WithSummary("A showcase's exhibitors: booth, what each demonstrates, its capabilities and equipment at the caller's level")
            .WithResponseMaxItems(MaxBooths)
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        ParticipantsApi.Declare(group.MapPut("/participants/{participantId:guid}/booth", SetBoothAsync).ValidateBody<BoothInput>()
            .RequireAuthorization(Policies.Coordinator)
            .WithName("setGatheringBooth").WithSummary("Give an exhibitor its booth (the gathering's organisers, If-Match)"));
        group.MapPost("/topics", PostTopicAsync).ValidateBody<TopicInput>().RequireAuthorization(Policies.Member)
            .WithName("postGatheringTopic").WithSummary("Bring a topic or a challenge (possibly without the firm's name) to an exchange meeting (approved participants, before the day)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapGet("/topics", TopicsAsync).RequireAuthorization(Policies.Member)
            .WithName("listGatheringTopics").WithSummary("An exchange meeting's topics and challenges (organisers: all, with who posted them; approved participants: the open ones; others: their own)")
            .WithResponseMaxItems(2000)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        ParticipantsApi.Declare(group.MapPut("/topics/{topicId:guid}/table", TableTopicAsync).ValidateBody<TopicTableInput>()
            .RequireAuthorization(Policies.Coordinator)
            .WithName("tableGatheringTopic").WithSummary("Give a topic a table to be discussed at (the gathering's organisers, If-Match)"));
        ParticipantsApi.Declare(group.MapPost("/topics/{topicId:guid}/withdraw", WithdrawTopicAsync).RequireAuthorization(Policies.Member)
            .WithName("withdrawGatheringTopic").WithSummary("Withdraw one's own topic (If-Match)"));
    }

    public static async Task<Results<Ok<IReadOnlyList<Booth>>, ProblemHttpResult>> BoothsAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, SupplierStore store, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await GatheringsApi.ReadAsync(connection, null, id, ct) is not { } gathering || !gathering.VisibleTo(user))
        {
            return Problems.NotFound("gathering");
        }

        if (gathering.Kind != "showcase")
        {
            return Problems.Conflict("Booths are a showcase's.");
        }

        var exhibitors = await connection.QueryAsync<ParticipantsApi.Row>(new CommandDefinition($"""
            {ParticipantsApi.Select} WHERE p.gathering_id = @id AND p.role = 'supplier' AND p.status = 'approved'
            ORDER BY p.booth NULLS LAST, name, p.id LIMIT {MaxBooths}
            """, new { id }, cancellationToken: ct));
        var level = Viewer.Level(user);
        var booths = new List<Booth>();
        foreach (var exhibitor in exhibitors)
        {
            if (await store.ReadAsync(connection, null, exhibitor.SupplierId!.Value, level, seeUnpublished: false, canEdit: false, ct) is not { } site)
            {
                continue;
            }

            var capabilities = site.Capabilities.Items ?? [];
            booths.Add(new Booth
            {
                ParticipantId = exhibitor.Id,
                Number = exhibitor.Booth,
                SupplierId = site.Id,
                NameJa = site.NameJa,
                NameEn = site.NameEn,
                MunicipalityCode = site.MunicipalityCode,
                Shows = exhibitor.Shows,
                Processes = [.. exhibitor.ShowProcesses.Select(code => new BoothProcess
                {
                    ProcessCode = code,
                    Capabilities = [.. capabilities.Where(c => c.ProcessCode == code || c.ProcessCode.StartsWith(code + ".", StringComparison.Ordinal)).Take(50)],
                })],
                CapabilitiesHidden = site.Capabilities.Hidden,
                Equipment = [.. (site.Equipment.Items ?? []).Where(e => exhibitor.ShowEquipmentIds.Contains(e.Id))],
                EquipmentHidden = site.Equipment.Hidden,
            });
        }

        return TypedResults.Ok<IReadOnlyList<Booth>>(booths);
    }

    public static async Task<Results<Ok<Participant>, ProblemHttpResult>> SetBoothAsync(
        Guid id, Guid participantId, BoothInput body, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var gathering = await GatheringsApi.ReadAsync(connection, tx, id, ct, forUpdate: true);
        var before = gathering is null ? null : await ParticipantsApi.ReadAsync(connection, tx, id, participantId, ct);
        if (gathering is null || before is null || !gathering.RunBy(user))
        {
            return Problems.NotFound("gathering participant");
        }

        if (gathering.Kind != "showcase" || before.Role != "supplier")
        {
            return Problems.Conflict("Booths are a showcase's, for its exhibitors.");
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        var booth = body.Booth?.Trim();
        if (booth is not null && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM gathering_participants WHERE gathering_id = @id AND booth = @booth AND id <> @participantId)",
                new { id, booth, participantId }, tx, cancellationToken: ct)))
        {
            return Problems.Conflict("Another exhibitor has that booth.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE gathering_participants SET booth = @booth, version = version + 1, updated_at = now() WHERE id = @participantId",
            new { participantId, booth }, tx, cancellationToken: ct));
        var after = (await ParticipantsApi.ReadAsync(connection, tx, id, participantId, ct))!;
        await ParticipantsApi.RecordAsync(change, "gathering.booth_assigned", before, after, ct);
        return await change.CommitAsync(after.ToDto(full: true), after.Version, http.Response);
    }

    public static async Task<Results<Created<GatheringTopic>, ProblemHttpResult>> PostTopicAsync(
        Guid id, TopicInput body, ClaimsPrincipal user, NpgsqlDataSource db, HttpResponse response, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await GatheringsApi.ReadAsync(connection, tx, id, ct) is not { } gathering || !gathering.VisibleTo(user))
        {
            return Problems.NotFound("gathering");
        }

        if (gathering.Kind != "exchange_meeting")
        {
            return Problems.Conflict("Topics and challenges are an exchange meeting's.");
        }

        if (gathering.Status is not ("published" or "booking_open" or "scheduled"))
        {
            return Problems.Conflict($"Topics are collected before the day: the gathering is {gathering.Status}.");
        }

        if (body.Anonymous && body.Kind != TopicKind.Challenge)
        {
            return Problems.Validation("anonymous", "Only a challenge is posted without the firm's name.");
        }

        var mine = (await connection.QueryAsync<Guid>(new CommandDefinition("""
            SELECT id FROM gathering_participants
            WHERE gathering_id = @id AND account_id = @me AND status = 'approved' AND (@participant::uuid IS NULL OR id = @participant)
            """, new { id, me = user.AccountId(), participant = body.ParticipantId }, tx, cancellationToken: ct))).ToList();
        if (mine.Count != 1)
        {
            return mine.Count == 0
                ? Problems.Forbidden("Only approved participants bring topics.")
                : Problems.Validation("participantId", "The caller takes part more than once: say which registration.");
        }

        var topicId = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO gathering_topics (id, gathering_id, participant_id, kind, title, body, anonymous)
            VALUES (@topicId, @id, @participant, @kind, @title, @body, @anonymous)
            """, new { topicId, id, participant = mine[0], kind = WireNames.Of(body.Kind), title = body.Title.Trim(), body = body.Body?.Trim(), body.Anonymous },
            tx, cancellationToken: ct));
        var created = (await ReadTopicAsync(connection, tx, id, topicId, ct))!;
        await RecordAsync(change, "gathering.topic_posted", null, created);
        return await change.CommitCreatedAsync(created.ToDto(user, organiser: false), created.Version, $"/api/v1/gatherings/{id}/topics/{topicId}", response);
    }

    public static async Task<Results<Ok<IReadOnlyList<GatheringTopic>>, ProblemHttpResult>> TopicsAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await GatheringsApi.ReadAsync(connection, null, id, ct) is not { } gathering || !gathering.VisibleTo(user))
        {
            return Problems.NotFound("gathering");
        }

        var organiser = gathering.RunBy(user);
        var approved = organiser || await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM gathering_participants WHERE gathering_id = @id AND account_id = @me AND status = 'approved')",
            new { id, me = user.AccountId() }, cancellationToken: ct));
        var topics = await connection.QueryAsync<TopicRow>(new CommandDefinition($"""
            {TopicSelect} WHERE t.gathering_id = @id ORDER BY t.table_no NULLS LAST, t.id LIMIT 2000
            """, new { id }, cancellationToken: ct));
        var me = user.AccountId();
        return TypedResults.Ok<IReadOnlyList<GatheringTopic>>([.. topics
            .Where(t => organiser || t.AccountId == me || (approved && t.Status == "open"))
            .Select(t => t.ToDto(user, organiser))]);
    }

    public static async Task<Results<Ok<GatheringTopic>, ProblemHttpResult>> TableTopicAsync(
        Guid id, Guid topicId, TopicTableInput body, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        await ChangeTopicAsync(id, topicId, user, db, http, organiserOnly: true, async (change, gathering, before) =>
        {
            if (body.Table is { } table && !gathering.SessionList().Any(s => table < s.Tables))
            {
                return Problems.Validation("table", "No such table in this gathering's sessions.");
            }

            await change.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE gathering_topics SET table_no = @table, version = version + 1, updated_at = now() WHERE id = @topicId",
                new { topicId, body.Table }, change.Tx, cancellationToken: ct));
            return null;
        }, "gathering.topic_tabled", ct);

    public static async Task<Results<Ok<GatheringTopic>, ProblemHttpResult>> WithdrawTopicAsync(
        Guid id, Guid topicId, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct) =>
        await ChangeTopicAsync(id, topicId, user, db, http, organiserOnly: false, async (change, _, before) =>
        {
            if (before.Status != "open")
            {
                return Problems.Conflict($"The topic is {before.Status}.");
            }

            await change.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE gathering_topics SET status = 'withdrawn', version = version + 1, updated_at = now() WHERE id = @topicId",
                new { topicId }, change.Tx, cancellationToken: ct));
            return null;
        }, "gathering.topic_withdrawn", ct);

    /// <summary>An organiser's (or, for its own topic, the poster's) change with If-Match, audited and an event for coordinators.</summary>
    private static async Task<Results<Ok<GatheringTopic>, ProblemHttpResult>> ChangeTopicAsync(
        Guid id, Guid topicId, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, bool organiserOnly,
        Func<Change, GatheringsApi.Row, TopicRow, Task<ProblemHttpResult?>> apply, string type, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var gathering = await GatheringsApi.ReadAsync(connection, tx, id, ct);
        var before = gathering is null ? null : await ReadTopicAsync(connection, tx, id, topicId, ct, forUpdate: true);
        var organiser = gathering?.RunBy(user) == true;
        if (gathering is null || before is null || !(organiser || (!organiserOnly && before.AccountId == user.AccountId())))
        {
            return Problems.NotFound("topic");
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        if (await apply(change, gathering, before) is { } problem)
        {
            return problem;
        }

        var after = (await ReadTopicAsync(connection, tx, id, topicId, ct))!;
        await RecordAsync(change, type, before, after);
        return await change.CommitAsync(after.ToDto(user, organiser), after.Version, http.Response);
    }

    // Who posted an anonymous challenge is for coordinators: the audit entry and the coordinators' event carry it.
    private static async Task RecordAsync(Change change, string type, TopicRow? before, TopicRow after)
    {
        await change.RecordAsync(type, "gathering_topic", after.Id, before?.ToOrganiserDto(), after.ToOrganiserDto());
        await change.EmitAsync(new Outbox.Change(type, "gathering_topic", after.Id, null, after.Version, DisclosureLevel.Coordinators),
            before?.ToOrganiserDto(), after.ToOrganiserDto());
    }

    private const string TopicSelect = """
        SELECT t.id, t.gathering_id, t.participant_id, t.kind, t.title, t.body, t.anonymous, t.table_no, t.status, t.version, t.created_at,
               p.account_id, coalesce(s.name_ja, a.organisation, a.display_name) AS posted_by
        FROM gathering_topics t
        JOIN gathering_participants p ON p.id = t.participant_id
        JOIN accounts a ON a.id = p.account_id
        LEFT JOIN suppliers s ON s.id = p.supplier_id
        """;

    private static Task<TopicRow?> ReadTopicAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, Guid topicId, CancellationToken ct, bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<TopicRow>(new CommandDefinition(
            $"{TopicSelect} WHERE t.gathering_id = @id AND t.id = @topicId{(forUpdate ? " FOR UPDATE OF t" : "")}", new { id, topicId }, tx, cancellationToken: ct));

    private sealed class TopicRow
    {
        public Guid Id { get; init; }
        public Guid GatheringId { get; init; }
        public Guid ParticipantId { get; init; }
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Body { get; init; }
        public bool Anonymous { get; init; }
        public int? TableNo { get; init; }
        public string Status { get; init; } = "";
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public Guid AccountId { get; init; }
        public string PostedBy { get; init; } = "";

        public GatheringTopic ToOrganiserDto() => Dto(named: true, mine: false);

        public GatheringTopic ToDto(ClaimsPrincipal user, bool organiser)
        {
            var mine = AccountId == user.AccountId();
            return Dto(named: organiser || mine || !Anonymous, mine);
        }

        private GatheringTopic Dto(bool named, bool mine) => new()
        {
            Id = Id,
            GatheringId = GatheringId,
            Kind = WireNames.Parse<TopicKind>(Kind),
            Title = Title,
            Body = Body,
            Anonymous = Anonymous,
            ParticipantId = named ? ParticipantId : null,
            PostedBy = named ? PostedBy : null,
            Mine = mine,
            Table = TableNo,
            Status = WireNames.Parse<TopicStatus>(Status),
            Version = Version,
            CreatedAt = CreatedAt,
        };
    }
}
