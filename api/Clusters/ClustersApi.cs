using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
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
using Registry.Api.Places;
using Registry.Api.Regions;
using Registry.Api.Taxonomy;
using Registry.Contracts;
using Registry.Contracts.Clusters;
using Registry.Contracts.Matching;
using Registry.Contracts.Suppliers;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Clusters;

/// <summary>
/// Industry clusters (DESIGN §1.3): coordinators create them as drafts, edit them with If-Match, publish and archive
/// them; anyone reads published ones. Sites apply to join through their own accounts and coordinators accept or
/// remove them; the member list says which value-chain steps each site covers.
/// </summary>
public static class ClustersApi
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clusters").WithTags("Clusters").RejectUnknownQueryParameters();
        group.MapPost("", Create).ValidateBody<ClusterInput>().AcceptsIdempotencyKey().RequireAuthorization(Policies.Coordinator)
            .WithName("createCluster").WithSummary("Create a cluster as a draft (coordinators)")
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapGet("", List)
            .WithName("listClusters").WithSummary("Published clusters (coordinators: all), by code");
        group.MapGet("/{id:guid}", Get)
            .WithName("getCluster").WithSummary("A cluster: published ones to anyone, others to coordinators")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", Update).ValidateBody<ClusterInput>().RequireAuthorization(Policies.Coordinator)
            .WithName("updateCluster").WithSummary("Change a cluster (its coordinators)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict)
            .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
            .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);
        foreach (var (action, summary) in new[] { ("publish", "Publish a draft cluster"), ("archive", "Archive a cluster") })
        {
            group.MapPost($"/{{id:guid}}/{action}", (Guid id, ClaimsPrincipal user, NpgsqlDataSource db, HttpResponse response, CancellationToken ct) =>
                    TransitionAsync(id, action, user, db, response, ct))
                .RequireAuthorization(Policies.Coordinator)
                .WithName($"{action}Cluster").WithSummary(summary + " (its coordinators)")
                .ProducesProblemDocument(StatusCodes.Status404NotFound)
                .ProducesProblemDocument(StatusCodes.Status409Conflict);
        }

        group.MapGet("/{id:guid}/members", Members)
            .WithName("listClusterMembers").WithSummary("Member sites with the value-chain steps they cover (coordinators also see applicants)")
            .WithResponseMaxItems(2000)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/members", Apply).ValidateBody<MembershipInput>().RequireAuthorization(Policies.Member)
            .WithName("joinCluster").WithSummary("A site applies through its own accounts; the cluster's coordinators add it as a member")
            .ProducesProblemDocument(StatusCodes.Status403Forbidden)
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/members/{supplierId:guid}/accept", Accept).RequireAuthorization(Policies.Coordinator)
            .WithName("acceptClusterMember").WithSummary("Accept an applicant (its coordinators)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}/members/{supplierId:guid}", Remove).RequireAuthorization(Policies.Member)
            .WithName("removeClusterMember").WithSummary("Remove a member or applicant (its coordinators, or the site withdrawing)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Created<Cluster>, ProblemHttpResult>> Create(
        ClusterInput body, ClaimsPrincipal user, NpgsqlDataSource db, TaxonomyCatalog taxonomy, PlaceCentres centres, HttpResponse response, CancellationToken ct)
    {
        var (region, placeErrors) = await RegionRules.PlaceAsync(body.Region, centres, user, Language.IsEnglish(response.HttpContext.Request), ct);
        body = body with { Region = region };
        var id = Guid.CreateVersion7();
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var coordinators = CoordinatorsOf(body, user);
        if (await ProblemsAsync(connection, tx, body, coordinators, taxonomy, placeErrors, ct) is { } problem)
        {
            return problem;
        }

        if (!await WriteAsync(connection, tx, id, body, coordinators, null, ct))
        {
            return Problems.Conflict($"A cluster with code '{body.Code}' exists.");
        }

        var row = (await ReadAsync(connection, tx, id, ct))!;
        await RecordAsync(change, "cluster.created", null, row);
        return await change.CommitCreatedAsync(row.ToDto(), row.Version, $"/api/v1/clusters/{id}", response);
    }

    public static async Task<Results<Ok<Page<Cluster>>, ProblemHttpResult>> List(
        [Range(1, Paging.MaxLimit)] int? limit, [MaxLength(Paging.MaxCursorLength)] string? cursor,
        [WireEnum(typeof(ClusterSector)), MaxLength(40)] string? sector,
        ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        var (take, after, pageProblem) = Paging.Read(http, limit, cursor);
        if (pageProblem is not null)
        {
            return pageProblem;
        }

        if (sector is not null && !WireNames.TryParse<ClusterSector>(sector, out _))
        {
            return Problems.Validation("sector", $"One of {string.Join(", ", WireNames.All<ClusterSector>())}.");
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition($"""
            {Select} WHERE (@all OR c.status = 'published') AND (@sector::text IS NULL OR c.sector = @sector)
                AND (@after::text IS NULL OR c.code > @after)
            ORDER BY c.code LIMIT @take
            """,
            new { all = Viewer.IsCoordinator(user), sector, after, take = take + 1 },
            cancellationToken: ct))).ToList();
        var page = rows.ToPage(take, r => r.Code, http);
        return TypedResults.Ok(new Page<Cluster> { Items = [.. page.Items.Select(r => r.ToDto())], NextCursor = page.NextCursor });
    }

    public static async Task<Results<Representation<Cluster>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await ReadAsync(connection, null, id, ct) is not { } row || !row.VisibleTo(user))
        {
            return Problems.NotFound("cluster");
        }

        return Representations.Ok(row.ToDto(), row.Version);
    }

    public static async Task<Results<Ok<Cluster>, ProblemHttpResult>> Update(
        Guid id, ClusterInput body, ClaimsPrincipal user, NpgsqlDataSource db, TaxonomyCatalog taxonomy, PlaceCentres centres, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        var (region, placeErrors) = await RegionRules.PlaceAsync(body.Region, centres, user, Language.IsEnglish(http.Request), ct);
        body = body with { Region = region };

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } before || !before.RunBy(user))
        {
            return Problems.NotFound("cluster");
        }

        var coordinators = CoordinatorsOf(body, user);
        if (await ProblemsAsync(connection, tx, body, coordinators, taxonomy, placeErrors, ct) is { } problem)
        {
            return problem;
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        if (!await WriteAsync(connection, tx, id, body, coordinators, expected, ct))
        {
            return Problems.Conflict($"A cluster with code '{body.Code}' exists.");
        }

        var after = (await ReadAsync(connection, tx, id, ct))!;
        await RecordAsync(change, "cluster.updated", before, after);
        return await change.CommitAsync(after.ToDto(), after.Version, http.Response);
    }

    private static readonly Transitions s_lifecycle = new Transitions("cluster")
        .Add("publish", ["draft"], "published", "cluster.published")
        .Add("archive", ["draft", "published"], "archived", "cluster.archived");

    private static async Task<Results<Ok<Cluster>, ProblemHttpResult>> TransitionAsync(
        Guid id, string action, ClaimsPrincipal user, NpgsqlDataSource db, HttpResponse response, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } before || !before.RunBy(user))
        {
            return Problems.NotFound("cluster");
        }

        var (move, refusal) = s_lifecycle.From(before.Status, action);
        if (move is null)
        {
            return refusal!;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE clusters SET status = @to, version = version + 1, updated_at = now() WHERE id = @id", new { id, to = move.To }, tx, cancellationToken: ct));
        var after = (await ReadAsync(connection, tx, id, ct))!;
        await RecordAsync(change, move.Event, before, after);
        return await change.CommitAsync(after.ToDto(), after.Version, response);
    }

    public static async Task<Results<Ok<IReadOnlyList<ClusterMember>>, ProblemHttpResult>> Members(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await ReadAsync(connection, null, id, ct) is not { } cluster || !cluster.VisibleTo(user))
        {
            return Problems.NotFound("cluster");
        }

        var members = await MembersAsync(connection, null, cluster, withApplicants: true, null, ct);
        // Applications are between a site and the coordinators: others see accepted members only.
        var own = Viewer.IsCoordinator(user) ? null : await ownership.SitesOfAsync(user, ct);
        return TypedResults.Ok<IReadOnlyList<ClusterMember>>([.. members.Where(m =>
            own is null || m.Status == MembershipStatus.Member || own.Contains(m.SupplierId))]);
    }

    /// <summary>A cluster's sites (accepted only, unless applicants are asked for too), each with the steps it covers.</summary>
    internal static async Task<IReadOnlyList<ClusterMember>> MembersAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, Row cluster, bool withApplicants, Guid? only, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition("""
            SELECT m.supplier_id, s.name_ja, s.name_en, s.municipality_code, m.status, m.note, m.applied_at, m.joined_at,
                   ARRAY(SELECT v.step - 1 FROM unnest(@chain::text[]) WITH ORDINALITY v(code, step)
                         WHERE s.status = 'published' AND s.process_codes @> ARRAY[v.code] ORDER BY v.step)::int[] AS covered_steps
            FROM cluster_members m JOIN suppliers s ON s.id = m.supplier_id
            WHERE m.cluster_id = @id AND (@withApplicants OR m.status = 'member') AND (@only::uuid IS NULL OR m.supplier_id = @only)
            ORDER BY m.status DESC, s.name_ja, m.supplier_id
            LIMIT 2000
            """, new { id = cluster.Id, chain = cluster.ValueChain, withApplicants, only }, tx, cancellationToken: ct));
        return [.. rows.Select(r => r.ToDto())];
    }

    public static async Task<Results<Created<ClusterMember>, Ok<ClusterMember>, ProblemHttpResult>> Apply(
        Guid id, MembershipInput body, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } cluster || !cluster.VisibleTo(user))
        {
            return Problems.NotFound("cluster");
        }

        // The cluster's own coordinators add members; anyone else (another cluster's coordinator too) only applies for
        // a site of their own.
        var coordinator = cluster.RunBy(user);
        if (!coordinator && !(await ownership.SitesOfAsync(user, ct)).Contains(body.SupplierId))
        {
            return Problems.Forbidden("Only this cluster's coordinators add sites; a site applies through one of its own accounts.");
        }

        if (cluster.Status == "archived")
        {
            return Problems.Conflict("The cluster is archived; it takes no more members.");
        }

        if (cluster.Status != "published" && !coordinator)
        {
            return Problems.Conflict($"The cluster is {cluster.Status}; sites apply to published clusters.");
        }

        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM suppliers WHERE id = @supplier AND status = 'published')", new { supplier = body.SupplierId }, tx, cancellationToken: ct)))
        {
            return Problems.Validation("supplierId", "Only published sites join clusters.");
        }

        if ((await MembersAsync(connection, tx, cluster, true, body.SupplierId, ct)) is [var existing])
        {
            return TypedResults.Ok(existing);
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO cluster_members (cluster_id, supplier_id, status, note, joined_at)
            VALUES (@id, @supplier, @status, @note, CASE WHEN @status = 'member' THEN now() END)
            """, new { id, supplier = body.SupplierId, status = coordinator ? "member" : "applied", note = body.Note }, tx, cancellationToken: ct));
        var member = (await MembersAsync(connection, tx, cluster, true, body.SupplierId, ct))[0];
        await RecordMemberAsync(connection, tx, user, cluster, coordinator ? "cluster.member_added" : "cluster.member_applied", null, member, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/clusters/{id}/members", member);
    }

    public static async Task<Results<Ok<ClusterMember>, ProblemHttpResult>> Accept(
        Guid id, Guid supplierId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } cluster || !cluster.RunBy(user)
            || await MembersAsync(connection, tx, cluster, true, supplierId, ct) is not [var before])
        {
            return Problems.NotFound("cluster member");
        }

        if (before.Status == MembershipStatus.Member)
        {
            return Problems.Conflict("The site is already a member.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cluster_members SET status = 'member', joined_at = now() WHERE cluster_id = @id AND supplier_id = @supplierId",
            new { id, supplierId }, tx, cancellationToken: ct));
        var after = (await MembersAsync(connection, tx, cluster, true, supplierId, ct))[0];
        await RecordMemberAsync(connection, tx, user, cluster, "cluster.member_accepted", before, after, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(after);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid id, Guid supplierId, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await ReadAsync(connection, tx, id, ct, forUpdate: true) is not { } cluster
            || !(cluster.RunBy(user) || (await ownership.SitesOfAsync(user, ct)).Contains(supplierId))
            || await MembersAsync(connection, tx, cluster, true, supplierId, ct) is not [var before])
        {
            return Problems.NotFound("cluster member");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM cluster_members WHERE cluster_id = @id AND supplier_id = @supplierId", new { id, supplierId }, tx, cancellationToken: ct));
        // Leaving a cluster ends the site's part in its themes.
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM theme_participants p USING cluster_themes t
            WHERE p.theme_id = t.id AND t.cluster_id = @id AND p.supplier_id = @supplierId
            """, new { id, supplierId }, tx, cancellationToken: ct));
        await RecordMemberAsync(connection, tx, user, cluster, "cluster.member_removed", before, null, ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>The creator runs what they create; coordinators named in the body must be coordinator or admin accounts.</summary>
    private static Guid[] CoordinatorsOf(ClusterInput body, ClaimsPrincipal user) =>
        [.. (body.CoordinatorAccountIds ?? []).Append(user.AccountId() ?? Guid.Empty).Where(g => g != Guid.Empty).Distinct()];

    private static async Task<ProblemHttpResult?> ProblemsAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, ClusterInput body, Guid[] coordinators, TaxonomyCatalog taxonomy,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        RegionRules.Check(errors, body.Region, taxonomy);
        taxonomy.Check(errors, "valueChain", TaxonomyKind.Processes, body.ValueChain);
        var known = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM accounts WHERE id = ANY(@coordinators) AND role IN ('coordinator', 'admin')", new { coordinators }, tx, cancellationToken: ct));
        if (known != coordinators.Length)
        {
            errors["coordinatorAccountIds"] = ["Every coordinator must be a coordinator or admin account."];
        }

        if (coordinators.Length > 20)
        {
            errors["coordinatorAccountIds"] = ["At most 20 coordinators."];
        }

        return errors.Count > 0 ? Problems.Validation(errors) : null;
    }

    /// <summary>Inserts (expected null) or updates the cluster; false when its code is taken.</summary>
    private static async Task<bool> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, ClusterInput body, Guid[] coordinators, int? expected, CancellationToken ct)
    {
        var args = new
        {
            id,
            code = body.Code,
            nameJa = body.NameJa,
            nameEn = body.NameEn,
            sector = WireNames.Of(body.Sector),
            region = JsonSerializer.Serialize(body.Region, StoredJson.Options),
            description = body.Description,
            chain = body.ValueChain.ToArray(),
            coordinators,
        };
        await connection.ExecuteAsync(new CommandDefinition("SAVEPOINT cluster_write", transaction: tx, cancellationToken: ct));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(expected is null
                ? """
                  INSERT INTO clusters (id, code, name_ja, name_en, sector, region, description, value_chain, coordinator_ids)
                  VALUES (@id, @code, @nameJa, @nameEn, @sector, @region::jsonb, @description, @chain, @coordinators)
                  """
                : """
                  UPDATE clusters SET code = @code, name_ja = @nameJa, name_en = @nameEn, sector = @sector, region = @region::jsonb,
                      description = @description, value_chain = @chain, coordinator_ids = @coordinators, version = version + 1, updated_at = now()
                  WHERE id = @id
                  """, args, tx, cancellationToken: ct));
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await connection.ExecuteAsync(new CommandDefinition("ROLLBACK TO SAVEPOINT cluster_write", transaction: tx, cancellationToken: ct));
            return false;
        }
    }

    // Published clusters are public, and so are their changes; drafts stay with coordinators. Archiving a published
    // cluster tells public readers it is gone.
    private static async Task RecordAsync(Change change, string type, Row? before, Row after)
    {
        var wasPublic = before?.Status == "published";
        var isPublic = after.Status == "published";
        await change.RecordAsync(type, "cluster", after.Id, before?.ToDto(), after.ToDto());
        await change.EmitAsync(
            new Outbox.Change(type, "cluster", after.Id, null, after.Version, wasPublic || isPublic ? DisclosureLevel.Public : DisclosureLevel.Coordinators),
            before?.ToDto(), isPublic || !wasPublic ? after.ToDto() : null);
    }

    private static async Task RecordMemberAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, ClaimsPrincipal user, Row cluster, string type, ClusterMember? before, ClusterMember? after,
        CancellationToken ct)
    {
        var supplier = (after ?? before)!.SupplierId;
        await AuditLog.RecordAsync(connection, tx, user, type, "cluster", cluster.Id, before, after, ct);
        // Applications are between the site and the coordinators; the member list of a published cluster is public.
        var members = (after ?? before)!.Status == MembershipStatus.Member && cluster.Status == "published";
        await Outbox.EmitAsync(connection, tx,
            new Outbox.Change(type, "cluster", cluster.Id, supplier, cluster.Version, members ? DisclosureLevel.Public : DisclosureLevel.Coordinators),
            before, after, ct);
    }

    private const string Select = """
        SELECT c.id, c.code, c.name_ja, c.name_en, c.sector, c.region::text AS region, c.description, c.value_chain, c.coordinator_ids,
               c.status, c.version, c.created_at, c.updated_at,
               (SELECT count(*) FROM cluster_members m WHERE m.cluster_id = c.id AND m.status = 'member')::int AS member_count
        FROM clusters c
        """;

    internal static Task<Row?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, CancellationToken ct, bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE c.id = @id{(forUpdate ? " FOR UPDATE OF c" : "")}", new { id }, tx, cancellationToken: ct));

    internal sealed class Row
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string NameJa { get; init; } = "";
        public string? NameEn { get; init; }
        public string Sector { get; init; } = "";
        public string Region { get; init; } = "";
        public string? Description { get; init; }
        public string[] ValueChain { get; init; } = [];
        public Guid[] CoordinatorIds { get; init; } = [];
        public string Status { get; init; } = "";
        public int MemberCount { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public MatchingRegion RegionValue() => JsonSerializer.Deserialize<MatchingRegion>(Region, StoredJson.Options)!;

        /// <summary>Its coordinators and admins run a cluster.</summary>
        public bool RunBy(ClaimsPrincipal user) => Ownership.RunsCluster(user, CoordinatorIds);

        public bool VisibleTo(ClaimsPrincipal user) => Status == "published" || Viewer.IsCoordinator(user);

        public Cluster ToDto() => new()
        {
            Id = Id,
            Code = Code,
            NameJa = NameJa,
            NameEn = NameEn,
            Sector = WireNames.TryParse<ClusterSector>(Sector, out var sector) ? sector : ClusterSector.Other,
            Region = RegionValue(),
            Description = Description,
            ValueChain = ValueChain,
            CoordinatorAccountIds = CoordinatorIds,
            Status = Enum.Parse<ClusterStatus>(Status, ignoreCase: true),
            MemberCount = MemberCount,
            Version = Version,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };
    }

    private sealed class MemberRow
    {
        public Guid SupplierId { get; init; }
        public string NameJa { get; init; } = "";
        public string? NameEn { get; init; }
        public string? MunicipalityCode { get; init; }
        public string Status { get; init; } = "";
        public string? Note { get; init; }
        public DateTimeOffset AppliedAt { get; init; }
        public DateTimeOffset? JoinedAt { get; init; }
        public int[] CoveredSteps { get; init; } = [];

        public ClusterMember ToDto() => new()
        {
            SupplierId = SupplierId,
            NameJa = NameJa,
            NameEn = NameEn,
            MunicipalityCode = MunicipalityCode,
            Status = Enum.Parse<MembershipStatus>(Status, ignoreCase: true),
            CoveredSteps = CoveredSteps,
            Note = Note,
            AppliedAt = AppliedAt,
            JoinedAt = JoinedAt,
        };
    }
}
