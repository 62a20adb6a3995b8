using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Audit;
using Registry.Api.Auth;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts;
using Registry.Contracts.Accounts;

namespace Registry.Api.Accounts;

/// <summary>Admin management of people's accounts: create, disable, re-role, reset password, link supplier sites.</summary>
public static class AccountsApi
{
    internal static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounts").WithTags("Accounts")
            .RequireAuthorization(Policies.Admin).RejectUnknownQueryParameters();

        group.MapGet("", ListAccounts).WithName("listAccounts").WithSummary("List accounts (admin)");
        group.MapPost("", CreateAccount).ValidateBody<CreateAccountRequest>().AcceptsIdempotencyKey()
            .WithName("createAccount").WithSummary("Create an account (admin)")
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAccount).WithName("getAccount").WithSummary("Read one account (admin)")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:guid}", UpdateAccount).ValidateBody<UpdateAccountRequest>()
            .WithName("updateAccount").WithSummary("Change, disable, re-role an account or reset its password (admin, If-Match)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict)
            .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
            .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);
    }

    private const string Select = """
        SELECT a.id, a.email, a.display_name, a.role, a.organisation, a.disabled_at, a.version, a.created_at, a.updated_at,
               coalesce(array_agg(s.supplier_id ORDER BY s.supplier_id) FILTER (WHERE s.supplier_id IS NOT NULL), '{}') AS supplier_ids
        FROM accounts a LEFT JOIN account_suppliers s ON s.account_id = a.id
        """;

    public static async Task<Results<Ok<Page<Account>>, ProblemHttpResult>> ListAccounts(
        NpgsqlDataSource db, HttpContext http, [Range(1, Paging.MaxLimit)] int? limit, [MaxLength(Paging.MaxCursorLength)] string? cursor,
        [WireEnum(typeof(AccountRole)), MaxLength(16)] string? role, [MaxLength(200)] string? q, CancellationToken ct)
    {
        var (take, after, problem) = Paging.Read(http, limit, cursor);
        if (problem is not null)
        {
            return problem;
        }

        var sql = new System.Text.StringBuilder(Select).Append(" WHERE true");
        var args = new DynamicParameters(new { take = take + 1 });
        var (afterId, badCursor) = Paging.IdKey(http, after);
        if (badCursor is not null)
        {
            return badCursor;
        }

        if (afterId is not null)
        {
            sql.Append(" AND a.id > @afterId");
            args.Add("afterId", afterId);
        }

        if (role is not null)
        {
            if (!WireNames.TryParse<AccountRole>(role, out var parsed))
            {
                return Problems.Validation("role", $"role is one of {string.Join(", ", WireNames.All<AccountRole>())}.");
            }

            sql.Append(" AND a.role = @role");
            args.Add("role", RoleName(parsed));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            sql.Append(" AND (a.email ILIKE @q OR a.display_name ILIKE @q OR a.organisation ILIKE @q)");
            args.Add("q", "%" + q.Trim().Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        }

        sql.Append(" GROUP BY a.id ORDER BY a.id LIMIT @take");
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<AccountRecord>(new CommandDefinition(sql.ToString(), args, cancellationToken: ct)))
            .Select(r => r.ToDto()).ToList();
        return TypedResults.Ok(rows.ToPage(take, a => a.Id.ToString(), http));
    }

    public static async Task<Results<Created<Account>, ProblemHttpResult>> CreateAccount(
        CreateAccountRequest body, ClaimsPrincipal user, NpgsqlDataSource db, Passwords passwords, HttpResponse response, CancellationToken ct)
    {
        if (Passwords.Weakness(body.Password) is { } weakness)
        {
            return Problems.Validation("password", weakness);
        }

        var id = Guid.CreateVersion7();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO accounts (id, email, display_name, role, organisation, password_hash)
                VALUES (@id, @email, @displayName, @role, @organisation, @hash)
                """,
                new
                {
                    id,
                    email = body.Email.Trim().ToLowerInvariant(),
                    displayName = body.DisplayName.Trim(),
                    role = RoleName(body.Role),
                    organisation = body.Organisation?.Trim(),
                    hash = passwords.Hash(body.Password),
                },
                tx, cancellationToken: ct));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return Problems.Conflict("An account with this email already exists.");
        }

        if (await LinkSuppliersAsync(connection, tx, id, body.SupplierIds ?? [], ct) is { } unknownSites)
        {
            return unknownSites;
        }

        var created = (await ReadAsync(connection, tx, id, ct))!;
        await AuditLog.RecordAsync(connection, tx, user, "account.created", "account", id, null, created, ct);
        await tx.CommitAsync(ct);
        response.SetETag(created.Version);
        return TypedResults.Created($"/api/v1/accounts/{id}", created);
    }

    public static async Task<Results<Representation<Account>, ProblemHttpResult>> GetAccount(
        Guid id, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await ReadAsync(connection, null, id, ct) is not { } account)
        {
            return Problems.NotFound("account");
        }

        return Representations.Ok(account, account.Version);
    }

    public static async Task<Results<Ok<Account>, ProblemHttpResult>> UpdateAccount(
        Guid id, UpdateAccountRequest body, ClaimsPrincipal user, NpgsqlDataSource db, Passwords passwords,
        RefreshTokens refreshTokens, Revocations revocations, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        if (body.Password is not null && Passwords.Weakness(body.Password) is { } weakness)
        {
            return Problems.Validation("password", weakness);
        }

        if (user.AccountId() == id && ((body.Role is { } newRole && newRole != AccountRole.Admin) || body.Disabled == true))
        {
            return Problems.Conflict("An admin cannot disable or demote their own account; ask another admin.");
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await ReadAsync(connection, tx, id, ct) is not { } before)
        {
            return Problems.NotFound("account");
        }

        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE accounts SET
                display_name = coalesce(@displayName, display_name),
                role = coalesce(@role, role),
                organisation = CASE WHEN @setOrganisation THEN @organisation ELSE organisation END,
                disabled_at = CASE WHEN @disabled IS NULL THEN disabled_at WHEN @disabled THEN coalesce(disabled_at, now()) ELSE NULL END,
                password_hash = coalesce(@hash, password_hash),
                version = version + 1,
                updated_at = now()
            WHERE id = @id AND version = @expected
            """,
            new
            {
                id,
                expected,
                displayName = body.DisplayName?.Trim(),
                role = body.Role is { } r ? RoleName(r) : null,
                setOrganisation = body.Organisation is not null,
                organisation = string.IsNullOrWhiteSpace(body.Organisation) ? null : body.Organisation.Trim(),
                disabled = body.Disabled,
                hash = body.Password is null ? null : passwords.Hash(body.Password),
            },
            tx, cancellationToken: ct));
        if (changed == 0)
        {
            return Problems.PreconditionFailed();
        }

        if (body.SupplierIds is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM account_suppliers WHERE account_id = @id", new { id }, tx, cancellationToken: ct));
            if (await LinkSuppliersAsync(connection, tx, id, body.SupplierIds, ct) is { } unknownSites)
            {
                return unknownSites;
            }
        }

        // A disabled account or a new password ends every existing sign-in; with a new role too, the access tokens
        // already out (which name the old role) stop at once in every process.
        int? securityVersion = null;
        if (body.Disabled == true || body.Password is not null || (body.Role is { } role && role != before.Role))
        {
            await refreshTokens.RevokeAllOfAccountAsync(connection, tx, id, ct);
            securityVersion = await Revocations.EndTokensOfAsync(connection, tx, "accounts", id, ct);
        }

        var after = (await ReadAsync(connection, tx, id, ct))!;
        await AuditLog.RecordAsync(connection, tx, user, "account.updated", "account", id, before,
            body.Password is null ? after : new { account = after, password = "changed" }, ct);
        await tx.CommitAsync(ct);
        if (securityVersion is { } moved)
        {
            revocations.SubjectMoved(id, moved);
        }

        http.Response.SetETag(after.Version);
        return TypedResults.Ok(after);
    }

    internal static string RoleName(AccountRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Links the account to the sites; a problem naming the ids that are no supplier site, if any.</summary>
    private static async Task<ProblemHttpResult?> LinkSuppliersAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, IReadOnlyList<Guid> supplierIds, CancellationToken ct)
    {
        var ids = supplierIds.Distinct().ToArray();
        var unknown = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT u FROM unnest(@ids) u WHERE NOT EXISTS (SELECT 1 FROM suppliers s WHERE s.id = u)", new { ids }, tx, cancellationToken: ct))).ToList();
        if (unknown.Count > 0)
        {
            return Problems.Validation("supplierIds", $"No supplier site has the id(s) {string.Join(", ", unknown)}.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO account_suppliers (account_id, supplier_id) SELECT @id, unnest(@ids) ON CONFLICT DO NOTHING",
            new { id, ids }, tx, cancellationToken: ct));
        return null;
    }

    private static async Task<Account?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, CancellationToken ct) =>
        (await connection.QuerySingleOrDefaultAsync<AccountRecord>(new CommandDefinition(
            Select + " WHERE a.id = @id GROUP BY a.id", new { id }, tx, cancellationToken: ct)))?.ToDto();

    private sealed class AccountRecord
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string Role { get; init; } = "";
        public string? Organisation { get; init; }
        public DateTimeOffset? DisabledAt { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public Guid[] SupplierIds { get; init; } = [];

        public Account ToDto() => new()
        {
            Id = Id,
            Email = Email,
            DisplayName = DisplayName,
            Role = Enum.Parse<AccountRole>(Role, ignoreCase: true),
            Organisation = Organisation,
            Disabled = DisabledAt is not null,
            SupplierIds = SupplierIds,
            Version = Version,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
        };
    }
}
