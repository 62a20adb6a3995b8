using System.Buffers.Binary;
using System.Diagnostics;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Registry.Seed;

/// <summary>
/// Loads generated sites with binary COPY, one connection per table so that PostgreSQL ingests the five tables at
/// once. Secondary indexes and foreign keys are dropped first and rebuilt after (building a GIN index once is far
/// cheaper than maintaining it row by row); everything they were is read from the catalogue, so the loader needs no
/// copy of the migrations.
/// </summary>
public sealed class BulkLoader(NpgsqlDataSource db, TextWriter log)
{
    private static readonly string[] s_tables = ["suppliers", "supplier_capabilities", "supplier_equipment", "supplier_certifications", "supplier_staff"];

    public async Task LoadAsync(IEnumerable<SiteGenerator.Site> sites, int count, CancellationToken ct)
    {
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync("TRUNCATE suppliers CASCADE");
        }

        var (indexes, foreignKeys) = await DropAsync(ct);
        var clock = Stopwatch.StartNew();
        await CopyAsync(sites, count, ct);
        log.WriteLine($"copied {count:N0} sites in {clock.Elapsed.TotalSeconds:0.0} s");

        clock.Restart();
        await RebuildAsync(indexes, foreignKeys, ct);
        log.WriteLine($"rebuilt {indexes.Count} indexes and {foreignKeys.Count} foreign keys in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task<(List<string> Indexes, List<(string Table, string Name, string Definition)> ForeignKeys)> DropAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var indexes = (await connection.QueryAsync<(string Name, string Definition)>("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            JOIN pg_class c ON c.relname = i.indexname
            JOIN pg_index x ON x.indexrelid = c.oid
            WHERE i.schemaname = 'public' AND i.tablename = ANY(@tables) AND NOT x.indisunique
            """, new { tables = s_tables })).ToList();
        var foreignKeys = (await connection.QueryAsync<(string Table, string Name, string Definition)>("""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE contype = 'f' AND (conrelid::regclass::text = ANY(@tables) OR confrelid::regclass::text = ANY(@tables))
            """, new { tables = s_tables })).ToList();
        foreach (var (table, name, _) in foreignKeys)
        {
            await connection.ExecuteAsync($"ALTER TABLE {table} DROP CONSTRAINT {name}");
        }

        foreach (var (name, _) in indexes)
        {
            await connection.ExecuteAsync($"DROP INDEX {name}");
        }

        // Copied sites are not stamped with their views' digests: with the parts' indexes dropped, each stamp would
        // read every part copied so far. A seeded site's first update moves every level once, as for a site older
        // than migration 0025.
        await connection.ExecuteAsync("ALTER TABLE suppliers DISABLE TRIGGER suppliers_stamp_new_views");

        return ([.. indexes.Select(i => i.Definition)], foreignKeys);
    }

    private async Task RebuildAsync(List<string> indexes, List<(string Table, string Name, string Definition)> foreignKeys, CancellationToken ct)
    {
        // Two builders at a time (one per core), the largest (GIN over text) first.
        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(indexes.OrderByDescending(d => d.Contains("gin", StringComparison.OrdinalIgnoreCase)));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await connection.ExecuteAsync("SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 0");
            while (queue.TryDequeue(out var definition))
            {
                await connection.ExecuteAsync(new CommandDefinition(definition, commandTimeout: 0, cancellationToken: ct));
            }
        }));

        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync("ALTER TABLE suppliers ENABLE TRIGGER suppliers_stamp_new_views");
        foreach (var (table, name, definition) in foreignKeys)
        {
            await connection.ExecuteAsync(new CommandDefinition($"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}", commandTimeout: 0, cancellationToken: ct));
        }

        await connection.ExecuteAsync(new CommandDefinition($"ANALYZE {string.Join(", ", s_tables)}", commandTimeout: 0, cancellationToken: ct));
    }

    private async Task CopyAsync(IEnumerable<SiteGenerator.Site> sites, int count, CancellationToken ct)
    {
        var connections = new List<NpgsqlConnection>();
        for (var i = 0; i < s_tables.Length; i++)
        {
            connections.Add(await db.OpenConnectionAsync(ct));
        }

        try
        {
            await using var suppliers = await connections[0].BeginBinaryImportAsync("""
                COPY suppliers (id, name_ja, name_en, name_kana, postal_code, prefecture_code, municipality_code, address, location,
                    employees, founded_year, capital_jpy, industry_codes, description_ja, description_en, strengths, contact_name,
                    contact_email, contact_phone, contract_acceptance, spare_capacity_pct, spare_capacity_valid_until, typical_lead_days,
                    min_lot, weaknesses, challenges, edi, online_ordering, fax_only, status, verification, verified_at, verified_by,
                    disclosure_contact, disclosure_capabilities, disclosure_equipment, disclosure_certifications, disclosure_staff,
                    disclosure_capacity, disclosure_challenges, confirmed_at, published_at, updated_at, process_codes, material_codes,
                    equipment_type_codes, certification_codes, qualification_codes, search_text, search_bigrams) FROM STDIN (FORMAT BINARY)
                """, ct);
            await using var capabilities = await connections[1].BeginBinaryImportAsync("""
                COPY supplier_capabilities (id, supplier_id, process_code, material_codes, max_x_mm, max_y_mm, max_z_mm, max_mass_kg,
                    best_tolerance_um, roughness_ra_um, lot_min, lot_max, monthly_capacity, lead_days) FROM STDIN (FORMAT BINARY)
                """, ct);
            await using var equipment = await connections[2].BeginBinaryImportAsync(
                "COPY supplier_equipment (id, supplier_id, type_code, maker, model, count, spec_value, year) FROM STDIN (FORMAT BINARY)", ct);
            await using var certifications = await connections[3].BeginBinaryImportAsync(
                "COPY supplier_certifications (id, supplier_id, code, number, valid_until) FROM STDIN (FORMAT BINARY)", ct);
            await using var staff = await connections[4].BeginBinaryImportAsync(
                "COPY supplier_staff (id, supplier_id, qualification_code, headcount) FROM STDIN (FORMAT BINARY)", ct);

            var written = 0;
            var clock = Stopwatch.StartNew();
            foreach (var site in sites)
            {
                await WriteSiteAsync(suppliers, site, ct);
                foreach (var c in site.Parts.Capabilities)
                {
                    await capabilities.StartRowAsync(ct);
                    await capabilities.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
                    await capabilities.WriteAsync(c.SupplierId, NpgsqlDbType.Uuid, ct);
                    await capabilities.WriteAsync(c.ProcessCode, NpgsqlDbType.Text, ct);
                    await capabilities.WriteAsync(c.MaterialCodes, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                    await capabilities.WriteAsync(c.MaxXMm, NpgsqlDbType.Numeric, ct);
                    await capabilities.WriteAsync(c.MaxYMm, NpgsqlDbType.Numeric, ct);
                    await capabilities.WriteAsync(c.MaxZMm, NpgsqlDbType.Numeric, ct);
                    await capabilities.WriteAsync(c.MaxMassKg, NpgsqlDbType.Numeric, ct);
                    await capabilities.WriteAsync(c.BestToleranceUm, NpgsqlDbType.Numeric, ct);
                    await capabilities.WriteAsync(c.RoughnessRaUm, NpgsqlDbType.Numeric, ct);
                    await capabilities.WriteAsync(c.LotMin, NpgsqlDbType.Integer, ct);
                    await capabilities.WriteAsync(c.LotMax, NpgsqlDbType.Integer, ct);
                    await capabilities.WriteAsync(c.MonthlyCapacity, NpgsqlDbType.Integer, ct);
                    await capabilities.WriteAsync(c.LeadDays, NpgsqlDbType.Integer, ct);
                }

                foreach (var e in site.Parts.Equipment)
                {
                    await equipment.StartRowAsync(ct);
                    await equipment.WriteAsync(e.Id, NpgsqlDbType.Uuid, ct);
                    await equipment.WriteAsync(e.SupplierId, NpgsqlDbType.Uuid, ct);
                    await equipment.WriteAsync(e.TypeCode, NpgsqlDbType.Text, ct);
                    await equipment.WriteAsync(e.Maker, NpgsqlDbType.Text, ct);
                    await equipment.WriteAsync(e.Model, NpgsqlDbType.Text, ct);
                    await equipment.WriteAsync(e.Count, NpgsqlDbType.Integer, ct);
                    await equipment.WriteAsync(e.SpecValue, NpgsqlDbType.Numeric, ct);
                    await equipment.WriteAsync(e.Year, NpgsqlDbType.Integer, ct);
                }

                foreach (var c in site.Parts.Certifications)
                {
                    await certifications.StartRowAsync(ct);
                    await certifications.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
                    await certifications.WriteAsync(c.SupplierId, NpgsqlDbType.Uuid, ct);
                    await certifications.WriteAsync(c.Code, NpgsqlDbType.Text, ct);
                    await certifications.WriteAsync(c.Number, NpgsqlDbType.Text, ct);
                    await certifications.WriteAsync(c.ValidUntil, NpgsqlDbType.Date, ct);
                }

                foreach (var s in site.Parts.Staff)
                {
                    await staff.StartRowAsync(ct);
                    await staff.WriteAsync(s.Id, NpgsqlDbType.Uuid, ct);
                    await staff.WriteAsync(s.SupplierId, NpgsqlDbType.Uuid, ct);
                    await staff.WriteAsync(s.QualificationCode, NpgsqlDbType.Text, ct);
                    await staff.WriteAsync(s.Headcount, NpgsqlDbType.Integer, ct);
                }

                if (++written % 100_000 == 0)
                {
                    log.WriteLine($"  {written:N0} / {count:N0} sites ({written / clock.Elapsed.TotalSeconds:N0}/s)");
                }
            }

            foreach (var importer in new[] { suppliers, capabilities, equipment, certifications, staff })
            {
                await importer.CompleteAsync(ct);
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task WriteSiteAsync(NpgsqlBinaryImporter w, SiteGenerator.Site s, CancellationToken ct)
    {
        await w.StartRowAsync(ct);
        await w.WriteAsync(s.Id, NpgsqlDbType.Uuid, ct);
        await w.WriteAsync(s.NameJa, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.NameEn, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.NameKana, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.PostalCode, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.PrefectureCode, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.MunicipalityCode, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.Address, NpgsqlDbType.Text, ct);
        // The geography column's binary input is EWKB; Npgsql sends the bytes as they are.
        await w.WriteAsync(Point(s.Lon, s.Lat), NpgsqlDbType.Bytea, ct);
        await w.WriteAsync(s.Employees, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(s.FoundedYear, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(s.CapitalJpy, NpgsqlDbType.Bigint, ct);
        await w.WriteAsync(s.IndustryCodes, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.DescriptionJa, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.DescriptionEn, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.Strengths, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.ContactName, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.ContactEmail, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.ContactPhone, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.ContractAcceptance, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(w, s.SpareCapacityPct, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(w, s.SpareCapacityValidUntil, NpgsqlDbType.Date, ct);
        await w.WriteAsync(s.TypicalLeadDays, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(s.MinLot, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(s.Weaknesses, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.Challenges, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.Edi, NpgsqlDbType.Boolean, ct);
        await w.WriteAsync(s.OnlineOrdering, NpgsqlDbType.Boolean, ct);
        await w.WriteAsync(s.FaxOnly, NpgsqlDbType.Boolean, ct);
        await w.WriteAsync(s.Status, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.Verification, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(w, s.VerifiedAt, NpgsqlDbType.TimestampTz, ct);
        if (s.VerifiedAt is null)
        {
            await w.WriteNullAsync(ct);
        }
        else
        {
            await w.WriteAsync("synthetic-coordinator", NpgsqlDbType.Text, ct);
        }

        foreach (var level in s.Disclosure)
        {
            await w.WriteAsync(level, NpgsqlDbType.Smallint, ct);
        }

        await w.WriteAsync(s.ConfirmedAt, NpgsqlDbType.TimestampTz, ct);
        await WriteNullableAsync(w, s.PublishedAt, NpgsqlDbType.TimestampTz, ct);
        await w.WriteAsync(s.ConfirmedAt, NpgsqlDbType.TimestampTz, ct);
        await w.WriteAsync(s.ProcessCodes, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.MaterialCodes, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.EquipmentTypeCodes, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.CertificationCodes, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.QualificationCodes, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.SearchText, NpgsqlDbType.Text, ct);
        await w.WriteAsync(s.SearchBigrams, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct
    {
        if (value is { } v)
        {
            await w.WriteAsync(v, type, ct);
        }
        else
        {
            await w.WriteNullAsync(ct);
        }
    }

    /// <summary>EWKB of a point with SRID 4326, little-endian.</summary>
    private static byte[] Point(double lon, double lat)
    {
        var bytes = new byte[25];
        bytes[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1), 0x20000001);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(5), 4326);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(9), lon);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(17), lat);
        return bytes;
    }
}
