using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using Registry.Api.Exports;
using Registry.Api.Http;
using Registry.Api.Search.Index;
using Registry.Api.Taxonomy;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.BulkImports;

/// <summary>
/// Writes checked import rows in the caller's transaction (DESIGN §8): COPY into a staging table, rows that look like
/// an existing site (the same corporate number, or a similar name within 1 km) held for the coordinators' review,
/// the rest upserted by (integrator, external id) with their processes and certificates, the derived search columns
/// recomputed for all of them at once, one outbox event per site (the export row as its payload) and one
/// notification per site for the search indexes. All or nothing.
/// </summary>
public sealed class ImportRunner(TaxonomyCatalog taxonomy, TimeProvider clock)
{
    public sealed record Result(int Created, int Updated, int Flagged);

    /// <summary>Trigram similarity from which a name within 1 km of a published site's is taken for the same firm.</summary>
    public const double SimilarNameThreshold = 0.5;

    private static readonly (TaxonomyKind Kind, string Name)[] s_derived =
        [(TaxonomyKind.Processes, "processes"), (TaxonomyKind.Materials, "materials"), (TaxonomyKind.EquipmentTypes, "equipment"), (TaxonomyKind.Qualifications, "qualifications")];

    public async Task<Result> ApplyAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid client, Guid importId, IReadOnlyList<ImportRow> rows, bool checkDuplicates,
        string[] columns, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            CREATE TEMP TABLE import_rows (
                row int, external_id text, name_ja text, prefecture_code text, name_en text, name_kana text, corporate_number text,
                postal_code text, municipality_code text, address text, lat float8, lon float8, employees int, founded_year int, website text,
                contact_name text, contact_email text, contact_phone text, contract_acceptance text, spare_capacity_pct int,
                processes text[], certifications text[], publish bool) ON COMMIT DROP;
            CREATE TEMP TABLE import_ancestors (kind text, code text, ancestors text[]) ON COMMIT DROP;
            CREATE TEMP TABLE import_ids (id uuid, external_id text, inserted bool) ON COMMIT DROP;
            """, transaction: tx, cancellationToken: ct));
        await CopyRowsAsync(connection, rows, ct);
        await CopyAncestorsAsync(connection, ct);
        // Temporary tables have no statistics until analysed; the plans below join on them.
        await connection.ExecuteAsync(new CommandDefinition("ANALYZE import_rows; ANALYZE import_ancestors", transaction: tx, cancellationToken: ct));

        var flagged = 0;
        if (checkDuplicates)
        {
            // name % name is similarity >= the threshold, and what suppliers_nearby_name_idx answers with the distance.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT set_config('pg_trgm.similarity_threshold', @threshold, true)",
                new { threshold = SimilarNameThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture) }, tx, cancellationToken: ct));
            flagged = await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO import_duplicates (id, import_id, client_id, row, external_id, supplier_id, reason, data)
                SELECT uuid_v7(), @importId, @client, r.row, r.external_id, coalesce(same.id, near.id),
                       CASE WHEN same.id IS NOT NULL THEN 'corporate_number' ELSE 'similar_name_nearby' END, to_jsonb(r)
                FROM import_rows r
                -- Two lookups, each on its own index: the corporate number, then published sites within 1 km with a similar name.
                LEFT JOIN LATERAL (
                    SELECT s.id FROM suppliers s
                    WHERE r.corporate_number IS NOT NULL AND s.corporate_number = r.corporate_number AND s.status <> 'archived'
                    ORDER BY s.id LIMIT 1) same ON true
                LEFT JOIN LATERAL (
                    SELECT s.id FROM suppliers s
                    WHERE same.id IS NULL AND r.lat IS NOT NULL AND s.status = 'published'
                      AND ST_DWithin(s.location, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography, 1000, false)
                      AND s.name_ja % r.name_ja
                    ORDER BY s.id LIMIT 1) near ON true
                WHERE (same.id IS NOT NULL OR near.id IS NOT NULL)
                  AND NOT EXISTS (SELECT 1 FROM suppliers x WHERE x.source_client_id = @client AND x.external_id = r.external_id);
                """, new { importId, client }, tx, cancellationToken: ct, commandTimeout: 600));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM import_rows r USING import_duplicates d WHERE d.import_id = @importId AND d.row = r.row",
                new { importId }, tx, cancellationToken: ct));
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            WITH up AS (
                INSERT INTO suppliers AS s (id, name_ja, name_en, name_kana, corporate_number, postal_code, prefecture_code, municipality_code, address,
                    location, employees, founded_year, website, contact_name, contact_email, contact_phone, contract_acceptance, spare_capacity_pct,
                    spare_capacity_valid_until, status, published_at, source, source_client_id, external_id,
                    process_codes, certification_codes, search_text, search_bigrams)
                SELECT uuid_v7(), r.name_ja, r.name_en, r.name_kana, r.corporate_number, r.postal_code, r.prefecture_code, r.municipality_code, r.address,
                    CASE WHEN r.lat IS NOT NULL THEN ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)::geography END,
                    r.employees, r.founded_year, r.website, r.contact_name, r.contact_email, r.contact_phone, r.contract_acceptance, r.spare_capacity_pct,
                    CASE WHEN r.spare_capacity_pct IS NOT NULL THEN current_date + 90 END,
                    CASE WHEN r.publish THEN 'published' ELSE 'draft' END, CASE WHEN r.publish THEN now() END, 'import', @client, r.external_id,
                    -- A new site's derived columns from the row itself, so that it is written once; updated sites are
                    -- derived below, from all their parts.
                    coalesce((SELECT array_agg(DISTINCT a ORDER BY a) FROM unnest(r.processes) p
                        JOIN import_ancestors t ON t.kind = 'processes' AND t.code = p CROSS JOIN unnest(t.ancestors) a), '{}'),
                    ARRAY(SELECT DISTINCT c FROM unnest(r.certifications) c ORDER BY c),
                    supplier_name_text(r.name_ja, r.name_en, r.name_kana), text_grams(supplier_name_text(r.name_ja, r.name_en, r.name_kana))
                FROM import_rows r
                ON CONFLICT (source_client_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
                    name_ja = EXCLUDED.name_ja, name_en = EXCLUDED.name_en, name_kana = EXCLUDED.name_kana, corporate_number = EXCLUDED.corporate_number,
                    postal_code = EXCLUDED.postal_code, prefecture_code = EXCLUDED.prefecture_code, municipality_code = EXCLUDED.municipality_code,
                    address = EXCLUDED.address, location = coalesce(EXCLUDED.location, s.location), employees = EXCLUDED.employees,
                    founded_year = EXCLUDED.founded_year, website = EXCLUDED.website, contact_name = EXCLUDED.contact_name,
                    contact_email = EXCLUDED.contact_email, contact_phone = EXCLUDED.contact_phone, contract_acceptance = EXCLUDED.contract_acceptance,
                    spare_capacity_pct = EXCLUDED.spare_capacity_pct, spare_capacity_valid_until = EXCLUDED.spare_capacity_valid_until,
                    status = CASE WHEN EXCLUDED.status = 'published' AND s.status <> 'archived' THEN 'published' ELSE s.status END,
                    published_at = coalesce(s.published_at, EXCLUDED.published_at),
                    version = s.version + 1, updated_at = now()
                RETURNING s.id, s.external_id, s.version = 1 AS inserted)
            INSERT INTO import_ids SELECT id, external_id, inserted FROM up;

            INSERT INTO supplier_capabilities (id, supplier_id, process_code)
            SELECT uuid_v7(), i.id, p FROM import_rows r JOIN import_ids i ON i.external_id = r.external_id CROSS JOIN unnest(r.processes) p
            WHERE NOT EXISTS (SELECT 1 FROM supplier_capabilities c WHERE c.supplier_id = i.id AND c.process_code = p);

            INSERT INTO supplier_certifications (id, supplier_id, code)
            SELECT uuid_v7(), i.id, c FROM import_rows r JOIN import_ids i ON i.external_id = r.external_id CROSS JOIN unnest(r.certifications) c
            WHERE NOT EXISTS (SELECT 1 FROM supplier_certifications x WHERE x.supplier_id = i.id AND x.code = c);

            UPDATE suppliers s SET
                process_codes = coalesce((SELECT array_agg(DISTINCT a ORDER BY a) FROM supplier_capabilities c
                    JOIN import_ancestors t ON t.kind = 'processes' AND t.code = c.process_code CROSS JOIN unnest(t.ancestors) a WHERE c.supplier_id = s.id), '{}'),
                material_codes = coalesce((SELECT array_agg(DISTINCT a ORDER BY a) FROM supplier_capabilities c CROSS JOIN unnest(c.material_codes) m
                    JOIN import_ancestors t ON t.kind = 'materials' AND t.code = m CROSS JOIN unnest(t.ancestors) a WHERE c.supplier_id = s.id), '{}'),
                equipment_type_codes = coalesce((SELECT array_agg(DISTINCT a ORDER BY a) FROM supplier_equipment e
                    JOIN import_ancestors t ON t.kind = 'equipment' AND t.code = e.type_code CROSS JOIN unnest(t.ancestors) a WHERE e.supplier_id = s.id), '{}'),
                certification_codes = coalesce((SELECT array_agg(DISTINCT c.code ORDER BY c.code) FROM supplier_certifications c
                    WHERE c.supplier_id = s.id AND (c.valid_until IS NULL OR c.valid_until >= current_date)), '{}'),
                qualification_codes = coalesce((SELECT array_agg(DISTINCT a ORDER BY a) FROM supplier_staff q
                    JOIN import_ancestors t ON t.kind = 'qualifications' AND t.code = q.qualification_code CROSS JOIN unnest(t.ancestors) a WHERE q.supplier_id = s.id), '{}'),
                search_text = supplier_search_text(s.name_ja, s.name_en, s.name_kana, s.description_ja, s.description_en, s.strengths),
                search_bigrams = text_grams(supplier_search_text(s.name_ja, s.name_en, s.name_kana, s.description_ja, s.description_en, s.strengths)),
                confirmed_at = now()
            FROM import_ids i WHERE s.id = i.id AND NOT i.inserted;
            """, new { client }, tx, cancellationToken: ct, commandTimeout: 600));

        // One event per site, with the export row as the public sees it; sites not published stay with coordinators.
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO events (type, resource, resource_id, supplier_id, version, visibility, changed, payload)
            SELECT 'supplier.imported', 'supplier', s.id, s.id, CASE WHEN s.status = 'published' THEN s.public_version ELSE s.version END, CASE WHEN s.status = 'published' THEN 'public' ELSE 'coordinators' END,
                   @columns, {ExportsApi.JsonObjectSql()}
            FROM import_ids i JOIN suppliers s ON s.id = i.id ORDER BY s.id;

            SELECT count(pg_notify(@channel, id::text)) FROM import_ids;
            """, new { columns, level = (short)0, today = clock.Today(), channel = SearchIndexFollower.Channel }, tx,
            cancellationToken: ct, commandTimeout: 600));

        var counts = await connection.QuerySingleAsync<(long Created, long Updated)>(new CommandDefinition(
            "SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM import_ids", transaction: tx, cancellationToken: ct));
        return new Result((int)counts.Created, (int)counts.Updated, flagged);
    }

    private static async Task CopyRowsAsync(NpgsqlConnection connection, IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY import_rows FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Row, NpgsqlDbType.Integer, ct);
            foreach (var text in new[] { r.ExternalId, r.NameJa, r.PrefectureCode, r.NameEn, r.NameKana, r.CorporateNumber, r.PostalCode, r.MunicipalityCode, r.Address })
            {
                await WriteAsync(copy, text, NpgsqlDbType.Text, ct);
            }

            await WriteAsync(copy, r.Lat, NpgsqlDbType.Double, ct);
            await WriteAsync(copy, r.Lon, NpgsqlDbType.Double, ct);
            await WriteAsync(copy, r.Employees, NpgsqlDbType.Integer, ct);
            await WriteAsync(copy, r.FoundedYear, NpgsqlDbType.Integer, ct);
            foreach (var text in new[] { r.Website, r.ContactName, r.ContactEmail, r.ContactPhone, r.ContractAcceptance })
            {
                await WriteAsync(copy, text, NpgsqlDbType.Text, ct);
            }

            await WriteAsync(copy, r.SpareCapacityPct, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.Processes, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Certifications, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Publish, NpgsqlDbType.Boolean, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    // The taxonomy's ancestors, so that the derived columns are computed in one statement for every imported site.
    private async Task CopyAncestorsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync("COPY import_ancestors FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (kind, name) in s_derived)
        {
            foreach (var term in taxonomy.Terms(kind))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(name, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(term.Code, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(taxonomy.SelfAndAncestors(kind, term.Code).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            }
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>A row held for review, as the staging table kept it (snake_case), back as an import row.</summary>
    public static ImportRow FromStaged(string json)
    {
        using var document = JsonDocument.Parse(json);
        var r = document.RootElement;
        string? S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        double? D(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        int? I(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        string[] A(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(x => x.GetString()!)] : [];
        return new ImportRow(I("row") ?? 1, S("external_id")!, S("name_ja")!, S("prefecture_code")!, S("name_en"), S("name_kana"), S("corporate_number"),
            S("postal_code"), S("municipality_code"), S("address"), D("lat"), D("lon"), I("employees"), I("founded_year"), S("website"),
            S("contact_name"), S("contact_email"), S("contact_phone"), S("contract_acceptance") ?? "open", I("spare_capacity_pct"),
            A("processes"), A("certifications"), r.TryGetProperty("publish", out var p) && p.ValueKind == JsonValueKind.True);
    }
}
