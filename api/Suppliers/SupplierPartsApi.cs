using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Audit;
using Registry.Api.Auth;
using Registry.Api.Disclosure;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.Taxonomy;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Suppliers;

/// <summary>
/// The parts of a site — capabilities, equipment, certifications, qualified staff — each with list, add, replace
/// (If-Match on the part's version) and remove. Lists honour the section's disclosure level in SQL. Every write
/// touches the site (version, confirmation, verification, search columns) in the same transaction.
/// </summary>
public static class SupplierPartsApi
{
    /// <summary>How one kind of part is stored: its table, section, columns and mapping.</summary>
    private sealed record Part<TInput, TRow, TDto>(
        string Segment,
        int MaxItems,
        string Singular,
        string Table,
        string DisclosureColumn,
        string Columns,
        string Values,
        string OrderBy,
        Func<SupplierValidation, TInput, Dictionary<string, string[]>> Check,
        Func<TInput, object> Arguments,
        Func<TRow, TaxonomyCatalog, TimeProvider, TDto> ToDto)
        where TInput : class
    {
        /// <summary>What the part may not contradict in the site itself (its number of employees): field and message.</summary>
        public Func<TInput, int?, (string Field, string? Message)>? AgainstSite { get; init; }
    }

    private static readonly Part<CapabilityInput, SupplierStore.CapabilityRow, Capability> s_capabilities = new(
        "capabilities", 200, "capability", "supplier_capabilities", "disclosure_capabilities",
        "process_code, material_codes, max_x_mm, max_y_mm, max_z_mm, max_mass_kg, best_tolerance_um, roughness_ra_um, lot_min, lot_max, monthly_capacity, lead_days, equipment_ids, note",
        "@ProcessCode, @MaterialCodes, @MaxXMm, @MaxYMm, @MaxZMm, @MaxMassKg, @BestToleranceUm, @RoughnessRaUm, @LotMin, @LotMax, @MonthlyCapacity, @LeadDays, @EquipmentIds, @Note",
        "process_code, id",
        (v, i) => v.Check(i),
        i => new
        {
            i.ProcessCode,
            MaterialCodes = (i.MaterialCodes ?? []).Distinct().ToArray(),
            i.MaxXMm,
            i.MaxYMm,
            i.MaxZMm,
            i.MaxMassKg,
            i.BestToleranceUm,
            i.RoughnessRaUm,
            i.LotMin,
            i.LotMax,
            i.MonthlyCapacity,
            i.LeadDays,
            EquipmentIds = (i.EquipmentIds ?? []).Distinct().ToArray(),
            i.Note,
        },
        (r, _, _) => r.ToDto());

    private static readonly Part<EquipmentInput, SupplierStore.EquipmentRow, Equipment> s_equipment = new(
        "equipment", 500, "equipment", "supplier_equipment", "disclosure_equipment",
        "type_code, maker, model, count, spec_value, year",
        "@TypeCode, @Maker, @Model, @Count, @SpecValue, @Year",
        "type_code, id",
        (v, i) => v.Check(i),
        i => new { i.TypeCode, i.Maker, i.Model, i.Count, i.SpecValue, i.Year },
        (r, taxonomy, _) => r.ToDto(taxonomy));

    private static readonly Part<CertificationInput, SupplierStore.CertificationRow, Certification> s_certifications = new(
        "certifications", 100, "certification", "supplier_certifications", "disclosure_certifications",
        "code, number, valid_until",
        "@Code, @Number, @ValidUntil",
        "code, id",
        (v, i) => v.Check(i),
        i => new { i.Code, i.Number, i.ValidUntil },
        (r, _, clock) => r.ToDto(clock.Today()));

    private static readonly Part<StaffInput, SupplierStore.StaffRow, StaffQualification> s_staff = new(
        "staff", 200, "qualified staff entry", "supplier_staff", "disclosure_staff",
        "qualification_code, headcount",
        "@QualificationCode, @Headcount",
        "qualification_code, id",
        (v, i) => v.Check(i),
        i => new { i.QualificationCode, i.Headcount },
        (r, _, _) => r.ToDto())
    {
        AgainstSite = (i, employees) => ("headcount", DataQuality.Headcount(i.Headcount, employees)),
    };

    public static RouteGroupBuilder MapSupplierParts(this RouteGroupBuilder group)
    {
        Map(group, s_capabilities, "Capability");
        Map(group, s_equipment, "Equipment");
        Map(group, s_certifications, "Certification");
        Map(group, s_staff, "Staff");
        return group;
    }

    private static void Map<TInput, TRow, TDto>(RouteGroupBuilder group, Part<TInput, TRow, TDto> part, string name)
        where TInput : class
    {
        group.MapGet($"/{{id:guid}}/{part.Segment}", (Guid id, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, TaxonomyCatalog taxonomy, TimeProvider clock, CancellationToken ct) =>
                ListAsync(part, id, user, db, ownership, taxonomy, clock, ct))
            .AllowAnonymous()
            .WithName($"list{name}s").WithSummary($"The site's {part.Segment}, if the caller may see that section")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .WithResponseMaxItems(part.MaxItems);
        group.MapPost($"/{{id:guid}}/{part.Segment}", (Guid id, TInput body, ClaimsPrincipal user, NpgsqlDataSource db, SupplierValidation validation, SupplierStore store, TaxonomyCatalog taxonomy, TimeProvider clock, CancellationToken ct) =>
                AddAsync(part, id, body, user, db, validation, store, taxonomy, clock, ct))
            .RequireAuthorization(Policies.CanEditSupplier)
            .AcceptsIdempotencyKey()
            .WithName($"add{name}").WithSummary($"Add a {part.Singular} to the site")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapPut($"/{{id:guid}}/{part.Segment}/{{partId:guid}}", (Guid id, Guid partId, TInput body, ClaimsPrincipal user, NpgsqlDataSource db, SupplierValidation validation, SupplierStore store, TaxonomyCatalog taxonomy, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                ReplaceAsync(part, id, partId, body, user, db, validation, store, taxonomy, clock, http, ct))
            .RequireAuthorization(Policies.CanEditSupplier)
            .WithName($"replace{name}").WithSummary($"Replace a {part.Singular} (If-Match: its version)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
            .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);
        group.MapDelete($"/{{id:guid}}/{part.Segment}/{{partId:guid}}", (Guid id, Guid partId, ClaimsPrincipal user, NpgsqlDataSource db, SupplierStore store, CancellationToken ct) =>
                RemoveAsync(part, id, partId, user, db, store, ct))
            .RequireAuthorization(Policies.CanEditSupplier)
            .WithName($"remove{name}").WithSummary($"Remove a {part.Singular}")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<TDto>>, ProblemHttpResult>> ListAsync<TInput, TRow, TDto>(
        Part<TInput, TRow, TDto> part, Guid id, ClaimsPrincipal user, NpgsqlDataSource db, Ownership ownership, TaxonomyCatalog taxonomy,
        TimeProvider clock, CancellationToken ct)
        where TInput : class
    {
        var owner = user.Identity?.IsAuthenticated == true && await ownership.CanEditSupplierAsync(user, id, ct);
        var level = owner ? Viewer.Coordinators : Viewer.Level(user);
        await using var connection = await db.OpenConnectionAsync(ct);
        var sectionLevel = await connection.QuerySingleOrDefaultAsync<short?>(new CommandDefinition(
            $"SELECT {part.DisclosureColumn} FROM suppliers WHERE id = @id AND (status = 'published' OR @owner)",
            new { id, owner }, cancellationToken: ct));
        if (sectionLevel is null)
        {
            return Problems.NotFound("supplier");
        }

        if (sectionLevel > level)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "Section not disclosed",
                detail: $"This site shows its {part.Segment} to {Viewer.ToDisclosure(sectionLevel.Value).ToString().ToLowerInvariant()} only.");
        }

        var rows = await connection.QueryAsync<TRow>(new CommandDefinition(
            $"SELECT p.* FROM {part.Table} p JOIN suppliers s ON s.id = p.supplier_id WHERE p.supplier_id = @id AND s.{part.DisclosureColumn} <= @level ORDER BY {part.OrderBy} LIMIT {part.MaxItems}",
            new { id, level }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<TDto>>([.. rows.Select(r => part.ToDto(r, taxonomy, clock))]);
    }

    private static async Task<Results<Created<TDto>, ProblemHttpResult>> AddAsync<TInput, TRow, TDto>(
        Part<TInput, TRow, TDto> part, Guid id, TInput body, ClaimsPrincipal user, NpgsqlDataSource db, SupplierValidation validation,
        SupplierStore store, TaxonomyCatalog taxonomy, TimeProvider clock, CancellationToken ct)
        where TInput : class
    {
        if (part.Check(validation, body) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }

        var partId = Guid.CreateVersion7();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await LockSiteAsync(connection, tx, id, ct))
        {
            return Problems.NotFound("supplier");
        }

        if (await ContradictionAsync(connection, tx, part, id, body, ct) is { } contradiction)
        {
            return contradiction;
        }

        var count = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM {part.Table} WHERE supplier_id = @id", new { id }, tx, cancellationToken: ct));
        if (count >= part.MaxItems)
        {
            return Problems.Conflict($"A site lists at most {part.MaxItems} {part.Segment}; remove one first.");
        }

        var args = new DynamicParameters(part.Arguments(body));
        args.Add("partId", partId);
        args.Add("supplierId", id);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {part.Table} (id, supplier_id, {part.Columns}) VALUES (@partId, @supplierId, {part.Values})", args, tx, cancellationToken: ct));
        var created = await ReadPartAsync(connection, tx, part, partId, taxonomy, clock, ct);
        await store.TouchAsync(connection, tx, id, factsChanged: !Viewer.IsCoordinator(user), ct);
        await AuditLog.RecordAsync(connection, tx, user, $"supplier.{part.Segment}.added", "supplier", id, null, created, ct);
        await SupplierEvents.EmitAsync(connection, tx, store, id, $"supplier.{part.Segment}.added", ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/suppliers/{id}/{part.Segment}/{partId}", created);
    }

    private static async Task<Results<Ok<TDto>, ProblemHttpResult>> ReplaceAsync<TInput, TRow, TDto>(
        Part<TInput, TRow, TDto> part, Guid id, Guid partId, TInput body, ClaimsPrincipal user, NpgsqlDataSource db, SupplierValidation validation,
        SupplierStore store, TaxonomyCatalog taxonomy, TimeProvider clock, HttpContext http, CancellationToken ct)
        where TInput : class
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        if (part.Check(validation, body) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await LockSiteAsync(connection, tx, id, ct))
        {
            return Problems.NotFound("supplier");
        }

        if (await ContradictionAsync(connection, tx, part, id, body, ct) is { } contradiction)
        {
            return contradiction;
        }

        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM {part.Table} WHERE id = @partId AND supplier_id = @id)", new { partId, id }, tx, cancellationToken: ct));
        if (!exists)
        {
            return Problems.NotFound(part.Singular);
        }

        var before = await ReadPartAsync(connection, tx, part, partId, taxonomy, clock, ct);
        var args = new DynamicParameters(part.Arguments(body));
        args.Add("partId", partId);
        args.Add("supplierId", id);
        args.Add("expected", expected);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {part.Table} SET ({part.Columns}) = ROW({part.Values}), version = version + 1, updated_at = now() WHERE id = @partId AND supplier_id = @supplierId AND version = @expected",
            args, tx, cancellationToken: ct));
        if (changed == 0)
        {
            return Problems.PreconditionFailed();
        }

        var after = await ReadPartAsync(connection, tx, part, partId, taxonomy, clock, ct);
        await store.TouchAsync(connection, tx, id, factsChanged: !Viewer.IsCoordinator(user), ct);
        await AuditLog.RecordAsync(connection, tx, user, $"supplier.{part.Segment}.replaced", "supplier", id, before, after, ct);
        await SupplierEvents.EmitAsync(connection, tx, store, id, $"supplier.{part.Segment}.replaced", ct);
        await tx.CommitAsync(ct);
        // The UPDATE matched version = expected and added one.
        http.Response.SetETag(expected + 1);
        return TypedResults.Ok(after);
    }

    /// <summary>A 400 naming the field when the part contradicts the site (read under the site's lock), else null.</summary>
    private static async Task<ProblemHttpResult?> ContradictionAsync<TInput, TRow, TDto>(
        NpgsqlConnection connection, NpgsqlTransaction tx, Part<TInput, TRow, TDto> part, Guid id, TInput body, CancellationToken ct)
        where TInput : class
    {
        if (part.AgainstSite is null)
        {
            return null;
        }

        var employees = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT employees FROM suppliers WHERE id = @id", new { id }, tx, cancellationToken: ct));
        return part.AgainstSite(body, employees) is (var field, { } message) ? Problems.Validation(field, message) : null;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync<TInput, TRow, TDto>(
        Part<TInput, TRow, TDto> part, Guid id, Guid partId, ClaimsPrincipal user, NpgsqlDataSource db, SupplierStore store, CancellationToken ct)
        where TInput : class
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await LockSiteAsync(connection, tx, id, ct))
        {
            return Problems.NotFound("supplier");
        }

        var removed = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            $"DELETE FROM {part.Table} p WHERE id = @partId AND supplier_id = @id RETURNING row_to_json(p)::text",
            new { partId, id }, tx, cancellationToken: ct));
        if (removed is null)
        {
            return Problems.NotFound(part.Singular);
        }

        await store.TouchAsync(connection, tx, id, factsChanged: !Viewer.IsCoordinator(user), ct);
        await AuditLog.RecordAsync(connection, tx, user, $"supplier.{part.Segment}.removed", "supplier", id,
            System.Text.Json.JsonDocument.Parse(removed).RootElement.Clone(), null, ct);
        await SupplierEvents.EmitAsync(connection, tx, store, id, $"supplier.{part.Segment}.removed", ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Serialises writes to one site's parts (the derived search columns are recomputed from all of them).</summary>
    private static Task<bool> LockSiteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM suppliers WHERE id = @id AND status <> 'archived' FOR UPDATE)", new { id }, tx, cancellationToken: ct));

    private static async Task<TDto> ReadPartAsync<TInput, TRow, TDto>(
        NpgsqlConnection connection, NpgsqlTransaction tx, Part<TInput, TRow, TDto> part, Guid partId, TaxonomyCatalog taxonomy, TimeProvider clock, CancellationToken ct)
        where TInput : class =>
        part.ToDto(await connection.QuerySingleAsync<TRow>(new CommandDefinition(
            $"SELECT * FROM {part.Table} WHERE id = @partId", new { partId }, tx, cancellationToken: ct)), taxonomy, clock);
}
