using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Registry.Api.Audit;
using Registry.Api.Auth;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.Taxonomy;
using Registry.Api.Text;
using Registry.Contracts.BulkImports;

namespace Registry.Api.BulkImports;

/// <summary>
/// Bulk import for integrators (scope suppliers:import, DESIGN §8). A dry run reports per-row problems and writes
/// nothing; a real import with any bad row is refused whole (422, nothing written); a good one is queued (202 and the
/// import's Location) and run by the worker in one transaction. Coordinators review the rows held back as probable
/// duplicates: merge them into the existing site or dismiss them (the row becomes a site of its own).
/// </summary>
public static class ImportsApi
{
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/imports").WithTags("Integration").RejectUnknownQueryParameters();
        group.MapPost("", CreateAsync).RequireAuthorization(Policies.Scope(Scopes.SuppliersImport)).AcceptsIdempotencyKey()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithMetadata(new CsvOrJsonBody(typeof(ImportRowInput), MaxBodyBytes, ImportFile.MaxRows))
            .WithName("importSuppliers").WithSummary("Import sites from CSV (UTF-8, UTF-8 with BOM, Shift_JIS) or JSON; dryRun=true only checks")
            .Produces<ImportCheck>(StatusCodes.Status200OK)
            .Produces<ImportJob>(StatusCodes.Status202Accepted)
            .ProducesProblemDocument(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblemDocument(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ImportRefusedProblem>(StatusCodes.Status422UnprocessableEntity, ContractConventions.ProblemMediaType);
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Scope(Scopes.SuppliersImport))
            .WithName("getImport").WithSummary("An import's status and counts (its integrator)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapGet("/duplicates", DuplicatesAsync).RequireAuthorization(Policies.Coordinator)
            .WithName("listImportDuplicates").WithSummary("Rows held back as probable duplicates, oldest first (coordinators)")
            .WithResponseMaxItems(200);
        group.MapPost("/duplicates/{id:guid}/merge", (Guid id, ClaimsPrincipal user, NpgsqlDataSource db, ImportRunner runner, CancellationToken ct) =>
                ResolveAsync(id, merge: true, user, db, runner, ct))
            .RequireAuthorization(Policies.Coordinator)
            .WithName("mergeImportDuplicate").WithSummary("The existing site takes the integrator's external id; later imports update it")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapPost("/duplicates/{id:guid}/dismiss", (Guid id, ClaimsPrincipal user, NpgsqlDataSource db, ImportRunner runner, CancellationToken ct) =>
                ResolveAsync(id, merge: false, user, db, runner, ct))
            .RequireAuthorization(Policies.Coordinator)
            .WithName("dismissImportDuplicate").WithSummary("Not a duplicate: the row becomes a site of its own")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<IResult> CreateAsync(
        [Description("Only check the rows; write nothing.")] bool? dryRun,
        [Description("The CSV's character set when it is not detected: utf-8 or shift_jis (also taken from Content-Type).")]
        [FromQuery(Name = "charset"), MaxLength(20)] string? charset,
        HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TaxonomyCatalog taxonomy, CancellationToken ct)
    {
        var mediaType = request.GetTypedHeaders().ContentType;
        var kind = mediaType?.MediaType.Value?.ToLowerInvariant();
        if (kind is not ("text/csv" or "application/json"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, type: ProblemTypes.UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send text/csv or application/json.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        charset ??= mediaType?.Charset.Value;
        var (raw, detected, problem) = Read(body, kind, charset);
        if (problem is not null)
        {
            return Problems.Validation("body", problem);
        }

        if (raw.Count > ImportFile.MaxRows)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, type: ProblemTypes.PayloadTooLarge, title: "Too many rows",
                detail: $"An import takes at most {ImportFile.MaxRows:N0} rows; this one has {raw.Count:N0}. Split the file.");
        }

        var (rows, errors) = ImportFile.Validate(raw, taxonomy);
        var check = new ImportCheck { Rows = raw.Count, Valid = rows.Count, Errors = [.. errors.Take(1000)], Charset = detected };
        if (dryRun == true)
        {
            return TypedResults.Ok(check);
        }

        if (errors.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ProblemTypes.Validation, title: "Rows refused",
                detail: $"{errors.Count} problem(s) in {raw.Count - rows.Count} row(s); nothing was imported. Fix them and send the file again.",
                extensions: new Dictionary<string, object?> { ["rows"] = check.Rows, ["errors"] = check.Errors });
        }

        var id = Guid.CreateVersion7();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO imports (id, client_id, media_type, charset, body, rows) VALUES (@id, @client, @kind, @detected, @body, @rows)
            """, new { id, client = user.ClientId(), kind, detected, body, rows = raw.Count }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(connection, tx, user, "import.queued", "import", id, null, new { rows = raw.Count, kind, detected }, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Accepted($"/api/v1/imports/{id}", (await ReadAsync(connection, id, user, ct))!);
    }

    /// <summary>The rows of a body, its detected charset, or what is wrong with it as a whole.</summary>
    public static (List<Dictionary<string, string?>> Rows, string? Charset, string? Problem) Read(byte[] body, string kind, string? charset)
    {
        if (kind == "application/json")
        {
            var (rows, problem) = ImportFile.ParseJson(body);
            return (rows, null, problem);
        }

        var (text, detected, decodeProblem) = Csv.Decode(body, charset);
        if (decodeProblem is not null)
        {
            return ([], null, decodeProblem);
        }

        var (csv, csvProblem) = ImportFile.ParseCsv(text!);
        return (csv, detected, csvProblem);
    }

    public static async Task<Results<Ok<ImportJob>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await ReadAsync(connection, id, user, ct) is { } job ? TypedResults.Ok(job) : Problems.NotFound("import");
    }

    public static async Task<Ok<IReadOnlyList<ImportDuplicate>>> DuplicatesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<DuplicateRow>(new CommandDefinition(
            $"{DuplicateSelect} WHERE d.status = 'pending' ORDER BY d.created_at, d.id LIMIT 200", cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<ImportDuplicate>>([.. rows.Select(r => r.ToDto())]);
    }

    private static async Task<Results<Ok<ImportDuplicate>, ProblemHttpResult>> ResolveAsync(
        Guid id, bool merge, ClaimsPrincipal user, NpgsqlDataSource db, ImportRunner runner, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var held = await connection.QuerySingleOrDefaultAsync<(Guid ClientId, Guid ImportId, Guid SupplierId, string ExternalId, string Data, string Status)?>(
            new CommandDefinition("""
                SELECT client_id, import_id, supplier_id, external_id, data::text, status FROM import_duplicates WHERE id = @id FOR UPDATE
                """, new { id }, tx, cancellationToken: ct));
        if (held is not { } duplicate)
        {
            return Problems.NotFound("import duplicate");
        }

        if (duplicate.Status != "pending")
        {
            return Problems.Conflict($"The duplicate is already {duplicate.Status}.");
        }

        if (merge)
        {
            var linked = await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE suppliers SET source = 'import', source_client_id = @ClientId, external_id = @ExternalId, version = version + 1, updated_at = now()
                WHERE id = @SupplierId AND (external_id IS NULL OR (source_client_id = @ClientId AND external_id = @ExternalId))
                  AND NOT EXISTS (SELECT 1 FROM suppliers x WHERE x.source_client_id = @ClientId AND x.external_id = @ExternalId AND x.id <> @SupplierId)
                """, new { duplicate.ClientId, duplicate.ExternalId, duplicate.SupplierId }, tx, cancellationToken: ct));
            if (linked == 0)
            {
                return Problems.Conflict("The site already carries another integrator's external id, or the id is taken: dismiss instead.");
            }
        }
        else
        {
            var row = ImportRunner.FromStaged(duplicate.Data);
            await runner.ApplyAsync(connection, tx, duplicate.ClientId, duplicate.ImportId, [row], checkDuplicates: false, ["*"], ct);
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE import_duplicates SET status = @status, resolved_by = @account, resolved_at = now() WHERE id = @id
            """, new { id, status = merge ? "merged" : "dismissed", account = user.AccountId() }, tx, cancellationToken: ct));
        var after = await connection.QuerySingleAsync<DuplicateRow>(new CommandDefinition($"{DuplicateSelect} WHERE d.id = @id", new { id }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(connection, tx, user, merge ? "import.duplicate_merged" : "import.duplicate_dismissed", "import", duplicate.ImportId, null, after.ToDto(), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(after.ToDto());
    }

    private static async Task<ImportJob?> ReadAsync(NpgsqlConnection connection, Guid id, ClaimsPrincipal user, CancellationToken ct) =>
        (await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition("""
            SELECT id, status, rows, created, updated, flagged, charset, problem, created_at, finished_at FROM imports WHERE id = @id AND client_id = @client
            """, new { id, client = user.ClientId() }, cancellationToken: ct)))?.ToDto();

    private sealed class JobRow
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public int Rows { get; init; }
        public int? Created { get; init; }
        public int? Updated { get; init; }
        public int? Flagged { get; init; }
        public string? Charset { get; init; }
        public string? Problem { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? FinishedAt { get; init; }

        public ImportJob ToDto() => new()
        {
            Id = Id,
            Status = WireNames.TryParse<ImportStatus>(Status, out var status) ? status : ImportStatus.Queued,
            Rows = Rows,
            Created = Created,
            Updated = Updated,
            Flagged = Flagged,
            Charset = Charset,
            Problem = Problem,
            CreatedAt = CreatedAt,
            FinishedAt = FinishedAt,
        };
    }

    private const string DuplicateSelect = """
        SELECT d.id, d.import_id, d.row, d.external_id, d.data->>'name_ja' AS name_ja, d.supplier_id, s.name_ja AS supplier_name_ja, d.reason, d.status, d.created_at
        FROM import_duplicates d JOIN suppliers s ON s.id = d.supplier_id
        """;

    private sealed class DuplicateRow
    {
        public Guid Id { get; init; }
        public Guid ImportId { get; init; }
        public int Row { get; init; }
        public string ExternalId { get; init; } = "";
        public string NameJa { get; init; } = "";
        public Guid SupplierId { get; init; }
        public string SupplierNameJa { get; init; } = "";
        public string Reason { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }

        public ImportDuplicate ToDto() => new()
        {
            Id = Id,
            ImportId = ImportId,
            Row = Row,
            ExternalId = ExternalId,
            NameJa = NameJa,
            SupplierId = SupplierId,
            SupplierNameJa = SupplierNameJa,
            Reason = WireNames.TryParse<DuplicateReason>(Reason, out var reason) ? reason : DuplicateReason.SimilarNameNearby,
            Status = WireNames.TryParse<DuplicateStatus>(Status, out var status) ? status : DuplicateStatus.Pending,
            CreatedAt = CreatedAt,
        };
    }
}
