using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Audit;
using Registry.Api.Auth;
using Registry.Api.Changes;
using Registry.Api.Data;
using Registry.Api.Disclosure;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.Search;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Suppliers;

/// <summary>Supplier sites: create, read at the caller's disclosure level, update with If-Match, and the lifecycle.</summary>
public static partial class SuppliersApi
{
    public static IEndpointRouteBuilder MapSuppliers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/suppliers").WithTags("Suppliers").RejectUnknownQueryParameters();

        // After a successful write, this process's search index re-reads the site before the answer leaves, so the
        // writer finds its own change in its next search (other processes follow the NOTIFY).
        group.AddEndpointFilter(async (invocation, next) =>
        {
            var result = await next(invocation);
            var outcome = result is INestedHttpResult nested ? nested.Result : result;
            var http = invocation.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && outcome is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 })
            {
                var id = outcome is IValueHttpResult { Value: SupplierProfile created } ? created.Id
                    : Guid.TryParse(http.Request.RouteValues["id"]?.ToString(), out var routed) ? routed : (Guid?)null;
                if (id is { } changed)
                {
                    await http.RequestServices.GetRequiredService<Search.Index.SearchIndexFollower>().RefreshAsync([changed], http.RequestAborted);
                }
            }

            return result;
        });

        group.MapPost("", CreateSupplier).RequireAuthorization(Policies.Supplier)
            .AcceptsIdempotencyKey()
            .WithName("createSupplier").WithSummary("Register a supplier site (as a draft)")
            .WithDescription("A supplier account is linked to the site it creates and may edit it from then on; coordinators may create sites for anyone. A postal code that is not the municipality's, or an unknown municipality, is a 422 naming the field.")
            .ProducesProblemDocument(StatusCodes.Status409Conflict)
            .ProducesProblemDocument(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:guid}", GetSupplier).AllowAnonymous()
            .WithName("getSupplier").WithSummary("A supplier profile, with the sections the caller may see")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateSupplier).RequireAuthorization(Policies.CanEditSupplier)
            .WithName("updateSupplier").WithSummary("Replace the site's facts and disclosure levels (If-Match)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblemDocument(StatusCodes.Status412PreconditionFailed)
            .ProducesProblemDocument(StatusCodes.Status428PreconditionRequired);
        group.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(Policies.CanEditSupplier)
            .WithName("publishSupplier").WithSummary("Publish: needs a name, municipality, location and at least one capability")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict)
            .ProducesProblemDocument(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/unpublish", Unpublish).RequireAuthorization(Policies.CanEditSupplier)
            .WithName("unpublishSupplier").WithSummary("Take the site out of search (back to draft)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/archive", Archive).RequireAuthorization(Policies.CanEditSupplier)
            .WithName("archiveSupplier").WithSummary("Archive the site (closed, moved, merged)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound)
            .ProducesProblemDocument(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reconfirm", Reconfirm).RequireAuthorization(Policies.CanEditSupplier)
            .WithName("reconfirmSupplier").WithSummary("\"Still accurate\": confirm the facts as of today and renew a spare-capacity declaration for 90 days")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/verify", Verify).RequireAuthorization(Policies.Coordinator)
            .WithName("verifySupplier").WithSummary("Mark the site's facts as verified (coordinators)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);
        group.MapGet("/verification-queue", VerificationQueue).RequireAuthorization(Policies.Coordinator)
            .WithName("listVerificationQueue").WithSummary("Sites waiting for verification, oldest change first (coordinators)")
            .WithDescription("q finds sites by name (folded: やまだ, ﾔﾏﾀﾞ and ヤマダ are one). issues=true lists the sites whose facts contradict each other (data quality), verified ones included; each item names its issues.");
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.CanEditSupplier)
            .WithName("getSupplierHistory").WithSummary("Every recorded change to the site and its parts (owner and coordinators)")
            .ProducesProblemDocument(StatusCodes.Status404NotFound);

        group.MapSupplierParts();
        return app;
    }

    public static async Task<Results<Created<SupplierProfile>, ProblemHttpResult>> CreateSupplier(
        SupplierInput body, ClaimsPrincipal user, NpgsqlDataSource db, SupplierValidation validation, SupplierStore store,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        if (validation.Check(body) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }

        if (Misplaced(validation, body, response.HttpContext.Request) is { } misplaced)
        {
            return misplaced;
        }

        var id = Guid.CreateVersion7();
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, Parameters(id, body, clock.Today()), tx, cancellationToken: ct));
        if (!Viewer.IsCoordinator(user) && user.AccountId() is { } account)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO account_suppliers (account_id, supplier_id) VALUES (@account, @id)", new { account, id }, tx, cancellationToken: ct));
        }

        await store.TouchAsync(connection, tx, id, factsChanged: false, ct);
        var created = (await store.ReadAsync(connection, tx, id, Viewer.Coordinators, seeUnpublished: true, canEdit: true, ct))!;
        await change.RecordAsync("supplier.created", "supplier", id, null, created);
        await SupplierEvents.EmitAsync(connection, tx, store, id, "supplier.created", ct);
        return await change.CommitCreatedAsync(created, created.Version, $"/api/v1/suppliers/{id}", response);
    }

    public static async Task<Results<Representation<SupplierProfile>, ProblemHttpResult>> GetSupplier(
        Guid id, ClaimsPrincipal user, ReadDatabase reads, SupplierStore store, Ownership ownership, CancellationToken ct)
    {
        var canEdit = user.Identity?.IsAuthenticated == true && await ownership.CanEditSupplierAsync(user, id, ct);
        var level = canEdit ? Viewer.Coordinators : Viewer.Level(user);
        if (await reads.ReadAsync(user, (connection, token) => store.ReadAsync(connection, null, id, level, seeUnpublished: canEdit, canEdit, token), ct)
            is not { } profile)
        {
            return Problems.NotFound("supplier");
        }

        return Representations.Ok(profile, profile.Version);
    }

    public static async Task<Results<Ok<SupplierProfile>, ProblemHttpResult>> UpdateSupplier(
        Guid id, SupplierInput body, ClaimsPrincipal user, NpgsqlDataSource db, SupplierValidation validation, SupplierStore store,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var (expected, precondition) = Versions.ExpectedVersion(http.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        if (validation.Check(body) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }

        if (Misplaced(validation, body, http.Request) is { } misplaced)
        {
            return misplaced;
        }

        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        if (await store.ReadAsync(connection, tx, id, Viewer.Coordinators, seeUnpublished: true, canEdit: true, ct) is not { } before)
        {
            return Problems.NotFound("supplier");
        }

        var largestHeadcount = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT coalesce(max(headcount), 0) FROM supplier_staff WHERE supplier_id = @id", new { id }, tx, cancellationToken: ct));
        if (DataQuality.Employees(body.Employees, largestHeadcount) is { } contradiction)
        {
            return Problems.Validation("employees", contradiction);
        }

        var args = Parameters(id, body, clock.Today());
        args.Add("expected", expected);
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, args, tx, cancellationToken: ct)) == 0)
        {
            return Problems.PreconditionFailed();
        }

        await store.TouchAsync(connection, tx, id, factsChanged: !Viewer.IsCoordinator(user), ct);
        var after = (await store.ReadAsync(connection, tx, id, Viewer.Coordinators, seeUnpublished: true, canEdit: true, ct))!;
        await change.RecordAsync("supplier.updated", "supplier", id, before, after);
        await SupplierEvents.EmitAsync(connection, tx, store, id, "supplier.updated", ct);
        return await change.CommitAsync(after, after.Version, http.Response);
    }

    /// <summary>A site's lifecycle: a draft is published, a published site goes back to draft, either is archived.</summary>
    private static readonly Transitions s_lifecycle = new Transitions("site")
        .Add("publish", ["draft"], "published", "supplier.published")
        .Add("unpublish", ["published"], "draft", "supplier.unpublished")
        .Add("archive", ["draft", "published"], "archived", "supplier.archived");

    public static async Task<Results<Ok<SupplierProfile>, ProblemHttpResult>> Publish(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, SupplierStore store, HttpResponse response, CancellationToken ct) =>
        await LifecycleAsync(db, id, user, store, response, "publish", ct);

    public static async Task<Results<Ok<SupplierProfile>, ProblemHttpResult>> Unpublish(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, SupplierStore store, HttpResponse response, CancellationToken ct) =>
        await LifecycleAsync(db, id, user, store, response, "unpublish", ct);

    public static async Task<Results<Ok<SupplierProfile>, ProblemHttpResult>> Archive(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, SupplierStore store, HttpResponse response, CancellationToken ct) =>
        await LifecycleAsync(db, id, user, store, response, "archive", ct);

    public static async Task<Results<Ok<SupplierProfile>, ProblemHttpResult>> Reconfirm(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, SupplierStore store, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var renewed = clock.Today().AddDays(90);
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE suppliers SET confirmed_at = now(), reconfirmed_at = now(), updated_at = now(), version = version + 1,
                spare_capacity_valid_until = CASE WHEN spare_capacity_pct IS NULL THEN spare_capacity_valid_until ELSE @renewed END
            WHERE id = @id AND status <> 'archived'
            """, new { id, renewed }, tx, cancellationToken: ct));
        if (changed == 0)
        {
            return Problems.NotFound("supplier");
        }

        var after = (await store.ReadAsync(connection, tx, id, Viewer.Coordinators, seeUnpublished: true, canEdit: true, ct))!;
        await change.RecordAsync("supplier.reconfirmed", "supplier", id, null, new { after.ConfirmedAt, after.Capacity.SpareCapacityValidUntil });
        await SupplierEvents.EmitAsync(connection, tx, store, id, "supplier.reconfirmed", ct);
        return await change.CommitAsync(after, after.Version, response);
    }

    public static async Task<Results<Ok<SupplierProfile>, ProblemHttpResult>> Verify(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, SupplierStore store, HttpResponse response, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var changed = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE suppliers SET verification = 'verified', verified_at = now(), verified_by = @by, updated_at = now(), version = version + 1
            WHERE id = @id AND status <> 'archived'
            """, new { id, by = AuditLog.Actor(user).Id }, tx, cancellationToken: ct));
        if (changed == 0)
        {
            return Problems.NotFound("supplier");
        }

        await SearchSetup.AnnounceChangeAsync(connection, tx, id, ct);
        var after = (await store.ReadAsync(connection, tx, id, Viewer.Coordinators, seeUnpublished: true, canEdit: true, ct))!;
        await change.RecordAsync("supplier.verified", "supplier", id, null, after.Verification);
        await SupplierEvents.EmitAsync(connection, tx, store, id, "supplier.verified", ct);
        return await change.CommitAsync(after, after.Version, response);
    }

    private static async Task<Results<Ok<SupplierProfile>, ProblemHttpResult>> LifecycleAsync(
        NpgsqlDataSource db, Guid id, ClaimsPrincipal user, SupplierStore store, HttpResponse response, string action, CancellationToken ct)
    {
        await using var change = await Change.BeginAsync(db, user, ct);
        var (connection, tx) = (change.Connection, change.Tx);
        var status = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT status FROM suppliers WHERE id = @id FOR UPDATE", new { id }, tx, cancellationToken: ct));
        if (status is null)
        {
            return Problems.NotFound("supplier");
        }

        var (move, refusal) = s_lifecycle.From(status, action);
        if (move is null)
        {
            return refusal!;
        }

        if (move.To == "published" && await MissingForPublicationAsync(connection, tx, id, ct) is { } missing)
        {
            return missing;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE suppliers SET status = @to, updated_at = now(), version = version + 1,
                published_at = CASE WHEN @to = 'published' THEN coalesce(published_at, now()) ELSE published_at END
            WHERE id = @id
            """, new { id, to = move.To }, tx, cancellationToken: ct));
        await SearchSetup.AnnounceChangeAsync(connection, tx, id, ct);
        var after = (await store.ReadAsync(connection, tx, id, Viewer.Coordinators, seeUnpublished: true, canEdit: true, ct))!;
        await change.RecordAsync(move.Event, "supplier", id, null, new { after.Status });
        await SupplierEvents.EmitAsync(connection, tx, store, id, move.Event, ct);
        return await change.CommitAsync(after, after.Version, response);
    }

    /// <summary>A postal code that is not the municipality's, or a municipality that does not exist, as a 422 naming the field.</summary>
    private static ProblemHttpResult? Misplaced(SupplierValidation validation, SupplierInput body, HttpRequest request)
    {
        var english = Language.IsEnglish(request);
        var errors = validation.CheckPlaces(body, english);
        return errors.Count == 0 ? null : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ProblemTypes.Validation,
            title: english ? "The address does not agree" : "所在地が一致しません",
            detail: string.Join(" ", errors.Values.SelectMany(m => m)),
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    /// <summary>The facts every published site has and this one lacks, as a 422; null when it has them all.</summary>
    private static async Task<ProblemHttpResult?> MissingForPublicationAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, CancellationToken ct)
    {
        var s = await connection.QuerySingleAsync<(string NameJa, string? MunicipalityCode, bool HasLocation, long Capabilities)>(
            new CommandDefinition("""
                SELECT name_ja, municipality_code, location IS NOT NULL,
                       (SELECT count(*) FROM supplier_capabilities c WHERE c.supplier_id = s.id)
                FROM suppliers s WHERE id = @id
                """, new { id }, tx, cancellationToken: ct));
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(s.NameJa))
        {
            missing["nameJa"] = ["A published site needs a name."];
        }

        if (s.MunicipalityCode is null)
        {
            missing["municipalityCode"] = ["A published site needs its municipality."];
        }

        if (!s.HasLocation)
        {
            missing["location"] = ["A published site needs a location, so that distance and region filters can find it."];
        }

        if (s.Capabilities == 0)
        {
            missing["capabilities"] = ["A published site needs at least one capability."];
        }

        return missing.Count == 0 ? null : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ProblemTypes.Validation,
            title: "Not ready to publish", detail: "The site lacks facts that every published site has; see errors.",
            extensions: new Dictionary<string, object?> { ["errors"] = missing });
    }

    private const string Columns = """
        name_ja, name_en, name_kana, corporate_number, postal_code, prefecture_code, municipality_code, address, location,
        employees, founded_year, capital_jpy, industry_codes, website, description_ja, description_en, strengths,
        contact_name, contact_email, contact_phone, contract_acceptance, spare_capacity_pct, spare_capacity_valid_until,
        typical_lead_days, min_lot, weaknesses, challenges, edi, online_ordering, fax_only,
        disclosure_contact, disclosure_capabilities, disclosure_equipment, disclosure_certifications, disclosure_staff,
        disclosure_capacity, disclosure_challenges
        """;

    private const string Values = """
        @nameJa, @nameEn, @nameKana, @corporateNumber, @postalCode, @prefectureCode, @municipalityCode, @address,
        CASE WHEN @lat::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography END,
        @employees, @foundedYear, @capitalJpy, @industryCodes, @website, @descriptionJa, @descriptionEn, @strengths,
        @contactName, @contactEmail, @contactPhone, @contractAcceptance, @spareCapacityPct, @spareCapacityValidUntil,
        @typicalLeadDays, @minLot, @weaknesses, @challenges, @edi, @onlineOrdering, @faxOnly,
        @disclosureContact, @disclosureCapabilities, @disclosureEquipment, @disclosureCertifications, @disclosureStaff,
        @disclosureCapacity, @disclosureChallenges
        """;

    private const string InsertSql = $"INSERT INTO suppliers (id, {Columns}) VALUES (@id, {Values})";

    private const string UpdateSql = $"UPDATE suppliers SET ({Columns}) = ROW({Values}) WHERE id = @id AND version = @expected";

    private static DynamicParameters Parameters(Guid id, SupplierInput body, DateOnly today)
    {
        var disclosure = body.Disclosure ?? new Contracts.Suppliers.Disclosure();
        var capacity = body.Capacity ?? new CapacityInput();
        var args = new DynamicParameters(new
        {
            id,
            nameJa = body.NameJa.Trim(),
            nameEn = Trimmed(body.NameEn),
            nameKana = Trimmed(body.NameKana),
            corporateNumber = Trimmed(body.CorporateNumber),
            postalCode = Trimmed(body.PostalCode),
            body.PrefectureCode,
            municipalityCode = Trimmed(body.MunicipalityCode),
            address = Trimmed(body.Address),
            lat = body.Location?.Lat,
            lon = body.Location?.Lon,
            body.Employees,
            body.FoundedYear,
            body.CapitalJpy,
            industryCodes = (body.IndustryCodes ?? []).Distinct().ToArray(),
            website = Trimmed(body.Website),
            descriptionJa = Trimmed(body.DescriptionJa),
            descriptionEn = Trimmed(body.DescriptionEn),
            strengths = Trimmed(body.Strengths),
            contactName = Trimmed(body.Contact?.Name),
            contactEmail = Trimmed(body.Contact?.Email),
            contactPhone = Trimmed(body.Contact?.Phone),
            contractAcceptance = capacity.ContractAcceptance.ToString().ToLowerInvariant(),
            capacity.SpareCapacityPct,
            capacity.TypicalLeadDays,
            capacity.MinLot,
            weaknesses = Trimmed(body.Challenges?.Weaknesses),
            challenges = Trimmed(body.Challenges?.Challenges),
            edi = body.DigitalReadiness?.Edi ?? false,
            onlineOrdering = body.DigitalReadiness?.OnlineOrdering ?? false,
            faxOnly = body.DigitalReadiness?.FaxOnly ?? false,
            disclosureContact = Viewer.ToLevel(disclosure.Contact),
            disclosureCapabilities = Viewer.ToLevel(disclosure.Capabilities),
            disclosureEquipment = Viewer.ToLevel(disclosure.Equipment),
            disclosureCertifications = Viewer.ToLevel(disclosure.Certifications),
            disclosureStaff = Viewer.ToLevel(disclosure.Staff),
            disclosureCapacity = Viewer.ToLevel(disclosure.Capacity),
            disclosureChallenges = Viewer.ToLevel(disclosure.Challenges),
        });
        // A spare-capacity figure is dated: 90 days unless the site says otherwise.
        args.Add("spareCapacityValidUntil",
            capacity.SpareCapacityPct is null ? null : capacity.SpareCapacityValidUntil ?? today.AddDays(90),
            System.Data.DbType.Date);
        return args;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
