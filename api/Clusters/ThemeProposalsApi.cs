using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Changes;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.Taxonomy;
using Registry.Contracts.Clusters;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Clusters;

/// <summary>
/// Themes proposed by firms (issue 18, item 8): a member site of a cluster proposes a joint development, order or
/// logistics theme — from an exchange meeting or at any time — and invites partner members, who accept (and so join)
/// or decline; the cluster's coordinators adopt it (the themes' <c>activate</c>) or return it with a reason, and the
/// proposer changes it and proposes it again. Each step is audited and a members' event, as every theme change is.
/// </summary>
public static class ThemeProposalsApi
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clusters/{id:guid}/themes").WithTags("Clusters").RejectUnknownQueryParameters()
            .RequireAuthorization(Policies.Member);
        group.MapPost("/proposals", ProposeAsync).ValidateBody<ThemeProposalInput>()
            .WithName("proposeTheme").WithSummary("A member site proposes a theme and invites partner members (its own accounts)")
            .ProducesProblemDocument(StatusCodes.Status403Forbidden)
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        Declare(group.MapPut("/{themeId:guid}/proposal", ReviseAsync).ValidateBody<ThemeProposalInput>()
            .WithName("reviseThemeProposal").WithSummary("The proposer changes its proposal and proposes it again (If-Match)")
            .ProducesProblemDocument(StatusCodes.Status403Forbidden));
        Declare(group.MapPost("/{themeId:guid}/return", ReturnAsync).ValidateBody<ThemeReasonInput>().RequireAuthorization(Policies.Coordinator)
            .WithName("returnThemeProposal").WithSummary("Return a member's proposal to its proposer with the reason (the cluster's coordinators, If-Match)"));
        group.MapPost("/{themeId:guid}/invitations/{supplierId:guid}/accept", (Guid id, Guid themeId, Guid supplierId, ClaimsPrincipal user, NpgsqlDataSource db,
                Ownership ownership, CancellationToken ct) => AnswerAsync(id, themeId, supplierId, null, user, db, ownership, ct))
            .WithName("acceptThemeInvitation").WithSummary("An invited member site accepts and joins the theme (its own accounts)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapPost("/{themeId:guid}/invitations/{supplierId:guid}/decline", (Guid id, Guid themeId, Guid supplierId, ThemeReasonInput body, ClaimsPrincipal user,
                NpgsqlDataSource db, Ownership ownership, CancellationToken ct) => AnswerAsync(id, themeId, supplierId, body.Reason, user, db, ownership, ct))
            .ValidateBody<ThemeReasonInput>()
            .WithName("declineThemeInvitation").WithSummary("An invited member site declines, with the reason (its own accounts)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
    }

    private static RouteHandlerBuilder Declare(RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblemDocument(StatusCodes.Status404NotFound)
        .ProducesProblemDocument(StatusCodes.Status409Conflict)
        .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
        .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);

    public static async Task<Results<Created<Theme>, ProblemHttpResult>> ProposeAsync(
        Guid id, ThemeProposalInput body, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, TaxonomyCatalog taxonomy,
        HttpResponse response, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ClustersApi.ReadAsync(connection, tx, id, ct) is not { } cluster || !cluster.VisibleTo(user))
        {
            return Problems.NotFound("cluster");
        }

        if (await CheckAsync(connection, tx, id, body, user, ownership, taxonomy, ct) is { } problem)
        {
            return problem;
        }

        var themeId = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO cluster_themes (id, cluster_id, kind, title, goal, steps, proposed_by_supplier_id, gathering_id)
            VALUES (@themeId, @id, @kind, @title, @goal, @steps, @supplier, @gathering);
            INSERT INTO theme_participants (theme_id, supplier_id) VALUES (@themeId, @supplier);
            """, Args(themeId, id, body, cluster), tx, cancellationToken: ct));
        await InviteAsync(connection, tx, themeId, body, ct);
        var created = (await ThemesApi.ReadAsync(connection, tx, id, themeId, ct))!;
        await ThemesApi.RecordAsync(change, "theme.proposed", null, created, body.SupplierId);
        return await change.CommitCreatedAsync(created, created.Version, $"/api/v1/clusters/{id}/themes/{themeId}", response);
    }

    public static async Task<Results<Ok<Theme>, ProblemHttpResult>> ReviseAsync(
        Guid id, Guid themeId, ThemeProposalInput body, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, TaxonomyCatalog taxonomy,
        HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ClustersApi.ReadAsync(connection, tx, id, ct) is not { } cluster || !cluster.VisibleTo(user)
            || await ThemesApi.ReadAsync(connection, tx, id, themeId, ct, forUpdate: true) is not { } before)
        {
            return Problems.NotFound("theme");
        }

        if (before.ProposedBy?.SupplierId != body.SupplierId || !(await ownership.SitesOfAsync(user, ct)).Contains(body.SupplierId))
        {
            return Problems.Forbidden("Only the proposing site's accounts change a proposal.");
        }

        if (before.Status is not (ThemeStatus.Proposed or ThemeStatus.Returned))
        {
            return Problems.Conflict($"The theme is {WireNames.Of(before.Status)}; a proposal changes until it is adopted.");
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        if (body.Kind != before.Kind)
        {
            return Problems.Validation("kind", "A theme keeps its kind; drop it and propose another.");
        }

        if (await CheckAsync(connection, tx, id, body, user, ownership, taxonomy, ct) is { } problem)
        {
            return problem;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE cluster_themes SET title = @title, goal = @goal, steps = @steps, gathering_id = @gathering, status = 'proposed', return_reason = NULL,
                version = version + 1, updated_at = now()
            WHERE id = @themeId
            """, Args(themeId, id, body, cluster), tx, cancellationToken: ct));
        // Invitations already answered keep their answer; partners no longer named are no longer invited.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM theme_invitations WHERE theme_id = @themeId AND status = 'invited' AND NOT supplier_id = ANY(@invited)",
            new { themeId, invited = (body.InvitedSupplierIds ?? []).ToArray() }, tx, cancellationToken: ct));
        await InviteAsync(connection, tx, themeId, body, ct);
        var after = (await ThemesApi.ReadAsync(connection, tx, id, themeId, ct))!;
        await ThemesApi.RecordAsync(change, "theme.proposal_revised", before, after, body.SupplierId);
        return await change.CommitAsync(after, after.Version, http.Response);
    }

    public static async Task<Results<Ok<Theme>, ProblemHttpResult>> ReturnAsync(
        Guid id, Guid themeId, ThemeReasonInput body, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ClustersApi.ReadAsync(connection, tx, id, ct) is not { } cluster || !cluster.RunBy(user)
            || await ThemesApi.ReadAsync(connection, tx, id, themeId, ct, forUpdate: true) is not { } before)
        {
            return Problems.NotFound("theme");
        }

        if (before.Status != ThemeStatus.Proposed || before.ProposedBy is null)
        {
            return Problems.Conflict("Only a member's proposal that is still proposed is returned.");
        }

        if (before.Version != expected)
        {
            return Problems.PreconditionFailed();
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE cluster_themes SET status = 'returned', return_reason = @reason, version = version + 1, updated_at = now() WHERE id = @themeId
            """, new { themeId, reason = body.Reason.Trim() }, tx, cancellationToken: ct));
        var after = (await ThemesApi.ReadAsync(connection, tx, id, themeId, ct))!;
        await ThemesApi.RecordAsync(change, "theme.returned", before, after, before.ProposedBy.SupplierId);
        return await change.CommitAsync(after, after.Version, http.Response);
    }

    private static async Task<Results<Ok<Theme>, ProblemHttpResult>> AnswerAsync(
        Guid id, Guid themeId, Guid supplierId, string? reason, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await ClustersApi.ReadAsync(connection, tx, id, ct) is not { } cluster || !cluster.VisibleTo(user)
            || await ThemesApi.ReadAsync(connection, tx, id, themeId, ct, forUpdate: true) is not { } before
            || before.Invitations.FirstOrDefault(i => i.SupplierId == supplierId) is not { } invitation
            || !(await ownership.SitesOfAsync(user, ct)).Contains(supplierId))
        {
            return Problems.NotFound("invitation");
        }

        if (invitation.Status != ThemeInvitationStatus.Invited)
        {
            return Problems.Conflict($"The invitation is {WireNames.Of(invitation.Status)}.");
        }

        if (before.Status is ThemeStatus.Completed or ThemeStatus.Dropped)
        {
            return Problems.Conflict($"The theme is {WireNames.Of(before.Status)}; invitations are answered while it is proposed or active.");
        }

        var accept = reason is null;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE theme_invitations SET status = @status, reason = @reason, answered_at = now() WHERE theme_id = @themeId AND supplier_id = @supplierId;
            INSERT INTO theme_participants (theme_id, supplier_id) SELECT @themeId, @supplierId WHERE @accept ON CONFLICT DO NOTHING;
            UPDATE cluster_themes SET version = version + 1, updated_at = now() WHERE id = @themeId;
            """, new { themeId, supplierId, status = accept ? "accepted" : "declined", reason = reason?.Trim(), accept }, tx, cancellationToken: ct));
        var after = (await ThemesApi.ReadAsync(connection, tx, id, themeId, ct))!;
        await ThemesApi.RecordAsync(change, accept ? "theme.invitation_accepted" : "theme.invitation_declined", before, after, supplierId);
        await change.CommitAsync();
        return TypedResults.Ok(after);
    }

    /// <summary>The proposer is one of the caller's sites and a member; the partners are other members; codes and the gathering exist.</summary>
    private static async Task<ProblemHttpResult?> CheckAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, ThemeProposalInput body,
        ClaimsPrincipal user, Ownership ownership, TaxonomyCatalog taxonomy, CancellationToken ct)
    {
        if (!(await ownership.SitesOfAsync(user, ct)).Contains(body.SupplierId))
        {
            return Problems.Forbidden("A site proposes through one of its own accounts.");
        }

        var members = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT supplier_id FROM cluster_members WHERE cluster_id = @id AND status = 'member'", new { id }, tx, cancellationToken: ct))).ToHashSet();
        if (!members.Contains(body.SupplierId))
        {
            return Problems.Conflict("Only accepted members of the cluster propose its themes.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        taxonomy.Check(errors, "steps", TaxonomyKind.Processes, body.Steps ?? []);
        if (body.Kind != ThemeKind.JointOrder && body.Steps is { Count: > 0 })
        {
            errors["steps"] = ["Only a joint order names the steps its consortium covers."];
        }

        if ((body.InvitedSupplierIds ?? []).Where(s => s == body.SupplierId || !members.Contains(s)).Select(s => (Guid?)s).FirstOrDefault() is { } stranger)
        {
            errors["invitedSupplierIds"] = [$"'{stranger}' is not another member of the cluster."];
        }

        if (body.GatheringId is { } gathering && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM gatherings WHERE id = @gathering AND status <> 'draft')", new { gathering }, tx, cancellationToken: ct)))
        {
            errors["gatheringId"] = ["No such gathering."];
        }

        return errors.Count > 0 ? Problems.Validation(errors) : null;
    }

    private static Task InviteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid themeId, ThemeProposalInput body, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO theme_invitations (theme_id, supplier_id) SELECT @themeId, unnest(@invited) ON CONFLICT DO NOTHING
            """, new { themeId, invited = (body.InvitedSupplierIds ?? []).Distinct().ToArray() }, tx, cancellationToken: ct));

    private static object Args(Guid themeId, Guid id, ThemeProposalInput body, ClustersApi.Row cluster) => new
    {
        themeId,
        id,
        kind = WireNames.Of(body.Kind),
        title = body.Title.Trim(),
        goal = body.Goal,
        // A joint order without steps of its own covers the cluster's value chain, as a coordinator's does.
        steps = body.Kind == ThemeKind.JointOrder ? (body.Steps is { Count: > 0 } steps ? steps.ToArray() : cluster.ValueChain) : [],
        supplier = body.SupplierId,
        gathering = body.GatheringId,
    };
}
