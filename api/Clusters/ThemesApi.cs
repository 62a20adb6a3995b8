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
using Registry.Api.Matching;
using Registry.Api.OpenApi;
using Registry.Api.Taxonomy;
using Registry.Contracts.Clusters;
using Registry.Contracts.Suppliers;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Clusters;

/// <summary>
/// Co-creation themes of a cluster (DESIGN §1.3): its coordinators propose them, activate, complete or drop them;
/// member sites join through their own accounts. A joint order gets a consortium proposed from the members by the
/// chain planner. Signed-in members read the themes of published clusters.
/// </summary>
public static class ThemesApi
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clusters/{id:guid}/themes").WithTags("Clusters").RejectUnknownQueryParameters()
            .RequireAuthorization(Policies.Member);
        group.MapPost("", Create).ValidateBody<ThemeInput>().AcceptsIdempotencyKey().RequireAuthorization(Policies.Coordinator)
            .WithName("createTheme").WithSummary("Propose a theme (the cluster's coordinators)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapGet("", List)
            .WithName("listThemes").WithSummary("The cluster's themes, oldest first")
            .WithResponseMaxItems(500)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapGet("/{themeId:guid}", Get)
            .WithName("getTheme").WithSummary("A theme with its participants and milestones")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPut("/{themeId:guid}", Update).ValidateBody<ThemeInput>().RequireAuthorization(Policies.Coordinator)
            .WithName("updateTheme").WithSummary("Change a proposed or active theme (the cluster's coordinators)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict)
            .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
            .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);
        foreach (var (action, summary) in new[]
        {
            ("activate", "Start a proposed theme"),
            ("complete", "Complete an active theme"),
            ("drop", "Drop a proposed or active theme"),
        })
        {
            group.MapPost($"/{{themeId:guid}}/{action}", (Guid id, Guid themeId, ClaimsPrincipal user, NpgsqlDataSource db, HttpResponse response, CancellationToken ct) =>
                    TransitionAsync(id, themeId, action, user, db, response, ct))
                .RequireAuthorization(Policies.Coordinator)
                .WithName($"{action}Theme").WithSummary(summary + " (the cluster's coordinators)")
                .ProducesProblemDocument(StatusCodes.Status404NotFound)
                .ProducesProblemDocument(StatusCodes.Status409Conflict);
        }

        group.MapPost("/{themeId:guid}/participants", Join).ValidateBody<MembershipInput>()
            .WithName("joinTheme").WithSummary("A member site joins (its own accounts, or a coordinator of the cluster adds it)")
            .ProducesProblemDocument(StatusCodes.Status403Forbidden)
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapDelete("/{themeId:guid}/participants/{supplierId:guid}", Leave)
            .WithName("leaveTheme").WithSummary("A site leaves a theme (its own accounts, or a coordinator)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapGet("/{themeId:guid}/consortium", Consortium)
            .WithName("proposeConsortium").WithSummary("Members that together cover a joint order's steps, and the steps none covers")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
    }

    public static async Task<Results<Created<Theme>, ProblemHttpResult>> Create(
        Guid id, ThemeInput body, ClaimsPrincipal user, NpgsqlDataSource db, TaxonomyCatalog taxonomy, HttpResponse response, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ClustersApi.ReadAsync(connection, tx, id, ct) is not { } cluster || !cluster.RunBy(user))
        {
            return Problems.NotFound("cluster");
        }

        if (InputProblems(body, taxonomy) is { } problem)
        {
            return problem;
        }

        var themeId = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO cluster_themes (id, cluster_id, kind, title, goal, steps, milestones)
            VALUES (@themeId, @id, @kind, @title, @goal, @steps, @milestones::jsonb)
            """, Args(themeId, id, body, cluster), tx, cancellationToken: ct));
        var created = (await ReadAsync(connection, tx, id, themeId, ct))!;
        await RecordAsync(change, "theme.created", null, created, null);
        return await change.CommitCreatedAsync(created, created.Version, $"/api/v1/clusters/{id}/themes/{themeId}", response);
    }

    public static async Task<Results<Ok<IReadOnlyList<Theme>>, ProblemHttpResult>> List(Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await ClustersApi.ReadAsync(connection, null, id, ct) is not { } cluster || !cluster.VisibleTo(user))
        {
            return Problems.NotFound("cluster");
        }

        return TypedResults.Ok<IReadOnlyList<Theme>>(await ReadManyAsync(connection, null, id, null, ct));
    }

    public static async Task<Results<Representation<Theme>, ProblemHttpResult>> Get(
        Guid id, Guid themeId, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await ClustersApi.ReadAsync(connection, null, id, ct) is not { } cluster || !cluster.VisibleTo(user)
            || await ReadAsync(connection, null, id, themeId, ct) is not { } theme)
        {
            return Problems.NotFound("theme");
        }

        return Representations.Ok(theme, theme.Version);
    }

    public static async Task<Results<Ok<Theme>, ProblemHttpResult>> Update(
        Guid id, Guid themeId, ThemeInput body, ClaimsPrincipal user, NpgsqlDataSource db, TaxonomyCatalog taxonomy, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ClustersApi.ReadAsync(connection, tx, id, ct) is not { } cluster || !cluster.RunBy(user)
            || await ReadAsync(connection, tx, id, themeId, ct, forUpdate: true) is not { } before)
        {
            return Problems.NotFound("theme");
        }

        if (InputProblems(body, taxonomy) is { } problem)
        {
            return problem;
        }

        if (before.Status is ThemeStatus.Completed or ThemeStatus.Dropped)
        {
            return Problems.Conflict($"The theme is {WireNames.Of(before.Status)}; only proposed or active themes change.");
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        if (body.Kind != before.Kind)
        {
            return Problems.Validation("kind", "A theme keeps its kind; drop it and propose another.");
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE cluster_themes SET title = @title, goal = @goal, steps = @steps, milestones = @milestones::jsonb,
                version = version + 1, updated_at = now()
            WHERE id = @themeId
            """, Args(themeId, id, body, cluster), tx, cancellationToken: ct));
        var after = (await ReadAsync(connection, tx, id, themeId, ct))!;
        await RecordAsync(change, "theme.updated", before, after, null);
        return await change.CommitAsync(after, after.Version, http.Response);
    }

    private static readonly Transitions s_lifecycle = new Transitions("theme")
        .Add("activate", ["proposed"], "active", "theme.activated")
        .Add("complete", ["active"], "completed", "theme.completed")
        .Add("drop", ["proposed", "active", "returned"], "dropped", "theme.dropped");

    private static async Task<Results<Ok<Theme>, ProblemHttpResult>> TransitionAsync(
        Guid id, Guid themeId, string action, ClaimsPrincipal user, NpgsqlDataSource db, HttpResponse response, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ClustersApi.ReadAsync(connection, tx, id, ct) is not { } cluster || !cluster.RunBy(user)
            || await ReadAsync(connection, tx, id, themeId, ct, forUpdate: true) is not { } before)
        {
            return Problems.NotFound("theme");
        }

        var (move, refusal) = s_lifecycle.From(WireNames.Of(before.Status), action);
        if (move is null)
        {
            return refusal!;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cluster_themes SET status = @to, version = version + 1, updated_at = now() WHERE id = @themeId",
            new { themeId, to = move.To }, tx, cancellationToken: ct));
        var after = (await ReadAsync(connection, tx, id, themeId, ct))!;
        await RecordAsync(change, move.Event, before, after, null);
        return await change.CommitAsync(after, after.Version, response);
    }

    public static async Task<Results<Ok<Theme>, ProblemHttpResult>> Join(
        Guid id, Guid themeId, MembershipInput body, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ClustersApi.ReadAsync(connection, tx, id, ct) is not { } cluster || !cluster.VisibleTo(user)
            || await ReadAsync(connection, tx, id, themeId, ct, forUpdate: true) is not { } before)
        {
            return Problems.NotFound("theme");
        }

        if (!(cluster.RunBy(user) || (await ownership.SitesOfAsync(user, ct)).Contains(body.SupplierId)))
        {
            return Problems.Forbidden("A site joins through one of its own accounts or a coordinator of the cluster.");
        }

        if (before.Status is ThemeStatus.Completed or ThemeStatus.Dropped)
        {
            return Problems.Conflict($"The theme is {WireNames.Of(before.Status)}; sites join proposed or active themes.");
        }

        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM cluster_members WHERE cluster_id = @id AND supplier_id = @supplier AND status = 'member')",
                new { id, supplier = body.SupplierId }, tx, cancellationToken: ct)))
        {
            return Problems.Conflict("Only accepted members of the cluster join its themes.");
        }

        var joined = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO theme_participants (theme_id, supplier_id) VALUES (@themeId, @supplier) ON CONFLICT DO NOTHING",
            new { themeId, supplier = body.SupplierId }, tx, cancellationToken: ct));
        var after = (await ReadAsync(connection, tx, id, themeId, ct))!;
        if (joined > 0)
        {
            await RecordAsync(change, "theme.participant_joined", before, after, body.SupplierId);
        }

        await change.CommitAsync();
        return TypedResults.Ok(after);
    }

    public static async Task<Results<Ok<Theme>, ProblemHttpResult>> Leave(
        Guid id, Guid themeId, Guid supplierId, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ClustersApi.ReadAsync(connection, tx, id, ct) is not { } cluster || !cluster.VisibleTo(user)
            || await ReadAsync(connection, tx, id, themeId, ct, forUpdate: true) is not { } before
            || !(cluster.RunBy(user) || (await ownership.SitesOfAsync(user, ct)).Contains(supplierId))
            || before.Participants.All(p => p.SupplierId != supplierId))
        {
            return Problems.NotFound("participant");
        }

        if (before.Status is ThemeStatus.Completed or ThemeStatus.Dropped)
        {
            return Problems.Conflict($"The theme is {WireNames.Of(before.Status)}; its participants are kept as the record.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM theme_participants WHERE theme_id = @themeId AND supplier_id = @supplierId", new { themeId, supplierId }, tx, cancellationToken: ct));
        var after = (await ReadAsync(connection, tx, id, themeId, ct))!;
        await RecordAsync(change, "theme.participant_left", before, after, supplierId);
        await change.CommitAsync();
        return TypedResults.Ok(after);
    }

    public static async Task<Results<Ok<ConsortiumProposal>, ProblemHttpResult>> Consortium(
        Guid id, Guid themeId, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await ClustersApi.ReadAsync(connection, null, id, ct) is not { } cluster || !cluster.VisibleTo(user)
            || await ReadAsync(connection, null, id, themeId, ct) is not { } theme)
        {
            return Problems.NotFound("theme");
        }

        if (theme.Kind != ThemeKind.JointOrder)
        {
            return Problems.Conflict($"The theme is a {WireNames.Of(theme.Kind)}; consortia are proposed for joint orders.");
        }

        var today = clock.Today();
        var members = (await connection.QueryAsync<MemberSite>(new CommandDefinition($"""
            SELECT s.id, s.name_ja, s.process_codes, ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lon,
                   coalesce(s.corporate_number, s.id::text) AS firm, s.verification = 'verified' AS verified,
                   {Sections.Capacity.SpareNow} AS spare_capacity_pct
            FROM cluster_members m JOIN suppliers s ON s.id = m.supplier_id
            WHERE m.cluster_id = @id AND m.status = 'member' AND s.status = 'published' AND s.location IS NOT NULL
            """, new { id, level = Viewer.Level(user), today }, cancellationToken: ct))).ToList();
        var plan = ConsortiumPlanner.Propose(theme.Steps, members.Select(m => m.ToSite()).ToList());
        return TypedResults.Ok(new ConsortiumProposal
        {
            Steps = theme.Steps,
            Chain = MatchEvaluator.ToChain(plan, members.ToDictionary(m => m.Id, m => m.NameJa)),
            ProposedAt = clock.GetUtcNow(),
        });
    }

    private static ProblemHttpResult? InputProblems(ThemeInput body, TaxonomyCatalog taxonomy)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        taxonomy.Check(errors, "steps", TaxonomyKind.Processes, body.Steps ?? []);
        foreach (var (milestone, i) in (body.Milestones ?? []).Select((m, i) => (m, i)))
        {
            foreach (var (field, messages) in Validation.Errors(milestone))
            {
                errors[$"milestones[{i}].{field}"] = messages;
            }
        }

        if (body.Kind != ThemeKind.JointOrder && body.Steps is { Count: > 0 })
        {
            errors["steps"] = ["Only a joint order names the steps its consortium covers."];
        }

        return errors.Count > 0 ? Problems.Validation(errors) : null;
    }

    private static object Args(Guid themeId, Guid id, ThemeInput body, ClustersApi.Row cluster) => new
    {
        themeId,
        id,
        kind = WireNames.Of(body.Kind),
        title = body.Title,
        goal = body.Goal,
        // A joint order without steps of its own covers the cluster's value chain.
        steps = body.Kind == ThemeKind.JointOrder ? (body.Steps is { Count: > 0 } steps ? steps.ToArray() : cluster.ValueChain) : [],
        milestones = JsonSerializer.Serialize(body.Milestones ?? [], StoredJson.Options),
    };

    // Themes are work among a cluster's members: signed-in members may read their events.
    internal static async Task RecordAsync(Change change, string type, Theme? before, Theme after, Guid? supplier)
    {
        await change.RecordAsync(type, "theme", after.Id, before, after);
        await change.EmitAsync(new Outbox.Change(type, "theme", after.Id, supplier, after.Version, DisclosureLevel.Members), before, after);
    }

    internal static async Task<Theme?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, Guid themeId, CancellationToken ct, bool forUpdate = false) =>
        (await ReadManyAsync(connection, tx, id, themeId, ct, forUpdate)).SingleOrDefault();

    /// <summary>The cluster's themes (or the one asked for) with their participants: two statements however many themes.</summary>
    private static async Task<List<Theme>> ReadManyAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, Guid? themeId, CancellationToken ct, bool forUpdate = false)
    {
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT t.id, t.cluster_id, t.kind, t.title, t.goal, t.status, t.steps, t.milestones::text AS milestones, t.version, t.created_at, t.updated_at,
                   t.proposed_by_supplier_id, p.name_ja AS proposed_by_name, t.gathering_id, t.return_reason
            FROM cluster_themes t LEFT JOIN suppliers p ON p.id = t.proposed_by_supplier_id
            WHERE t.cluster_id = @id AND (@themeId::uuid IS NULL OR t.id = @themeId)
            ORDER BY t.id LIMIT 500{(forUpdate ? " FOR UPDATE OF t" : "")}
            """, new { id, themeId }, tx, cancellationToken: ct))).ToList();
        var participants = (await connection.QueryAsync<(Guid ThemeId, Guid SupplierId, string NameJa, DateTimeOffset JoinedAt)>(new CommandDefinition("""
            SELECT p.theme_id, p.supplier_id, s.name_ja, p.joined_at FROM theme_participants p JOIN suppliers s ON s.id = p.supplier_id
            WHERE p.theme_id = ANY(@ids) ORDER BY p.joined_at, p.supplier_id
            """, new { ids = rows.Select(r => r.Id).ToArray() }, tx, cancellationToken: ct)))
            .ToLookup(p => p.ThemeId, p => new ThemeParticipant { SupplierId = p.SupplierId, NameJa = p.NameJa, JoinedAt = p.JoinedAt });
        var invitations = (await connection.QueryAsync<(Guid ThemeId, Guid SupplierId, string NameJa, string Status, string? Reason, DateTimeOffset? AnsweredAt)>(
                new CommandDefinition("""
                    SELECT i.theme_id, i.supplier_id, s.name_ja, i.status, i.reason, i.answered_at FROM theme_invitations i JOIN suppliers s ON s.id = i.supplier_id
                    WHERE i.theme_id = ANY(@ids) ORDER BY i.created_at, i.supplier_id
                    """, new { ids = rows.Select(r => r.Id).ToArray() }, tx, cancellationToken: ct)))
            .ToLookup(i => i.ThemeId, i => new ThemeInvitation
            {
                SupplierId = i.SupplierId,
                NameJa = i.NameJa,
                Status = WireNames.Parse<ThemeInvitationStatus>(i.Status),
                Reason = i.Reason,
                AnsweredAt = i.AnsweredAt,
            });
        return [.. rows.Select(r => r.ToDto([.. participants[r.Id].Take(500)], [.. invitations[r.Id].Take(20)]))];
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid ClusterId { get; init; }
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Goal { get; init; }
        public string Status { get; init; } = "";
        public string[] Steps { get; init; } = [];
        public string Milestones { get; init; } = "[]";
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public Guid? ProposedBySupplierId { get; init; }
        public string? ProposedByName { get; init; }
        public Guid? GatheringId { get; init; }
        public string? ReturnReason { get; init; }

        public Theme ToDto(IReadOnlyList<ThemeParticipant> participants, IReadOnlyList<ThemeInvitation> invitations) => new()
        {
            Id = Id,
            ClusterId = ClusterId,
            Kind = WireNames.TryParse<ThemeKind>(Kind, out var kind) ? kind : ThemeKind.JointDevelopment,
            Title = Title,
            Goal = Goal,
            Status = WireNames.TryParse<ThemeStatus>(Status, out var status) ? status : ThemeStatus.Proposed,
            Steps = Steps,
            Milestones = JsonSerializer.Deserialize<List<Milestone>>(Milestones, StoredJson.Options) ?? [],
            Participants = participants,
            ProposedBy = ProposedBySupplierId is { } proposer ? new ThemeProposer { SupplierId = proposer, NameJa = ProposedByName ?? "" } : null,
            Invitations = invitations,
            ReturnReason = ReturnReason,
            GatheringId = GatheringId,
            Version = Version,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };
    }

    private sealed class MemberSite
    {
        public Guid Id { get; init; }
        public string NameJa { get; init; } = "";
        public string[] ProcessCodes { get; init; } = [];
        public double Lat { get; init; }
        public double Lon { get; init; }
        public string Firm { get; init; } = "";
        public bool Verified { get; init; }
        public int? SpareCapacityPct { get; init; }

        public ConsortiumPlanner.Site ToSite() => new(Id, Firm, ProcessCodes, Lat, Lon, Verified, SpareCapacityPct);
    }
}
