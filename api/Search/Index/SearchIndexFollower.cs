using System.Diagnostics;
using Dapper;
using Npgsql;

namespace Registry.Api.Search.Index;

/// <summary>
/// Keeps the in-process <see cref="SearchIndex"/> derived from PostgreSQL: loads every published site at start-up
/// (readiness waits for it), then applies committed changes announced on the <c>supplier_changed</c> channel — a
/// NOTIFY sent in the writing transaction, so it arrives only if, and after, the change commits. The writing
/// process also refreshes its own index before it answers (<see cref="RefreshAsync"/>), so a writer sees its write
/// in its next search; other processes see it within the notification's delay.
/// </summary>
public sealed class SearchIndexFollower(SearchIndex index, IServiceProvider services, IConfiguration configuration, ILogger<SearchIndexFollower> logger)
    : BackgroundService
{
    // Resolved on first use, so that a host that never touches the database (writing openapi.yaml) needs none.
    private NpgsqlDataSource Db => services.GetRequiredService<NpgsqlDataSource>();

    public const string Channel = "supplier_changed";

    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether searches may use the index (configuration Search:UseIndex, default on).</summary>
    public bool Enabled => configuration.GetValue("Search:UseIndex", defaultValue: true);

    public bool IsLoaded => _loaded.Task.IsCompletedSuccessfully;

    /// <summary>Re-reads the given sites into the index: published ones are (re)indexed, the others removed.</summary>
    public Task RefreshAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        !Enabled || !IsLoaded ? Task.CompletedTask : ApplyAsync(ids, ct);

    private async Task ApplyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var connection = await Db.OpenConnectionAsync(ct);
        var found = new HashSet<Guid>();
        foreach (var site in await ReadAsync(connection, ids.ToArray(), ct))
        {
            index.Upsert(site);
            found.Add(site.Id);
        }

        foreach (var id in ids.Where(id => !found.Contains(id)))
        {
            index.Remove(id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled || !configuration.GetValue("Database:MigrateOnStartup", defaultValue: true))
        {
            return;
        }

        var pause = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Search index: database unavailable ({Message}); reloading in {Pause}", ex.Message, pause);
                await Task.Delay(pause, stoppingToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private async Task FollowAsync(CancellationToken ct)
    {
        await using var listener = await Db.OpenConnectionAsync(ct);
        var pending = new System.Collections.Concurrent.ConcurrentQueue<Guid>();
        listener.Notification += (_, e) =>
        {
            if (Guid.TryParse(e.Payload, out var id))
            {
                pending.Enqueue(id);
            }
        };
        // Listen before loading, so that nothing committed during the load is missed (it is re-read after).
        await listener.ExecuteAsync(new CommandDefinition($"LISTEN {Channel}", cancellationToken: ct));
        await WaitForSchemaAsync(listener, ct);
        var started = Stopwatch.StartNew();
        // Streamed row by row into a fresh store while the current one (if any) keeps serving.
        var count = await index.ReloadAsync(StreamAsync(listener, ct), ct);
        // What committed while the load streamed is applied before the index counts as loaded: a loaded index is
        // current as of its load, so a search right after it finds every committed site.
        await ApplyAsync(Drain(pending), ct);
        _loaded.TrySetResult();
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Search index loaded: {Count} published sites in {Seconds:0.0} s; managed heap {HeapMiB} MiB",
                count, started.Elapsed.TotalSeconds, GC.GetTotalMemory(forceFullCollection: false) >> 20);
        }

        while (!ct.IsCancellationRequested)
        {
            await RefreshAsync(Drain(pending), ct);
            if (index.NeedsCompaction)
            {
                // Replaced sites leave dead slots behind; a reload (from the top, listening first) drops them.
                return;
            }

            await listener.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
    }

    private static HashSet<Guid> Drain(System.Collections.Concurrent.ConcurrentQueue<Guid> pending)
    {
        var batch = new HashSet<Guid>();
        while (pending.TryDequeue(out var id))
        {
            batch.Add(id);
        }

        return batch;
    }

    private static async IAsyncEnumerable<SiteFacts> StreamAsync(NpgsqlConnection connection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in connection.QueryUnbufferedAsync<FactsRow>(FactsSql(all: true)).WithCancellation(ct))
        {
            yield return row.ToFacts();
        }
    }

    /// <summary>Migrations run beside this service at start-up; the index waits until every one is applied.</summary>
    private async Task WaitForSchemaAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var migrations = services.GetRequiredService<Data.MigrationRunner>();
        while ((await migrations.PendingAsync(connection, ct)).Count > 0)
        {
            await Task.Delay(200, ct);
        }
    }

    private static async Task<IEnumerable<SiteFacts>> ReadAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken ct) =>
        (await connection.QueryAsync<FactsRow>(new CommandDefinition(FactsSql(all: false), new { ids }, cancellationToken: ct))).Select(r => r.ToFacts());

    // Decimals are read as float8 (the type PostgreSQL compares them in), unknown values as -1, dates as day numbers
    // (days since 0001-01-01, DateOnly.DayNumber), so that Dapper maps plain arrays.
    private static string FactsSql(bool all) => $$"""
            SELECT s.id, s.name_ja, supplier_name_text(s.name_ja, s.name_en, s.name_kana) AS name_text, s.search_text,
                   ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lon, s.prefecture_code,
                   s.municipality_code, s.employees, s.verification = 'verified' AS verified, s.contract_acceptance,
                   s.process_codes, s.material_codes, s.equipment_type_codes, s.qualification_codes, s.certification_codes,
                   s.disclosure_capabilities, s.disclosure_equipment, s.disclosure_certifications, s.disclosure_staff, s.disclosure_capacity,
                   s.corporate_number, s.spare_capacity_pct, coalesce(s.spare_capacity_valid_until - DATE '0001-01-01', -1) AS spare_capacity_until,
                   s.typical_lead_days,
                   coalesce(cert.codes, '{}') AS certificate_codes, coalesce(cert.until, '{}') AS certificate_until,
                   coalesce(cap.processes, '{}') AS capability_processes, coalesce(cap.x, '{}') AS capability_x,
                   coalesce(cap.y, '{}') AS capability_y, coalesce(cap.z, '{}') AS capability_z,
                   coalesce(cap.tolerance, '{}') AS capability_tolerance, coalesce(cap.lot_min, '{}') AS capability_lot_min,
                   coalesce(cap.lot_max, '{}') AS capability_lot_max, coalesce(cap.lead, '{}') AS capability_lead,
                   coalesce(spec.types, '{}') AS spec_types, coalesce(spec.specs, '{}') AS spec_values
            FROM suppliers s
            LEFT JOIN LATERAL (
                SELECT array_agg(c.code) AS codes, array_agg(coalesce(c.valid_until - DATE '0001-01-01', -1)) AS until
                FROM supplier_certifications c WHERE c.supplier_id = s.id) cert ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(c.process_code) AS processes, array_agg(coalesce(c.max_x_mm::float8, -1)) AS x,
                       array_agg(coalesce(c.max_y_mm::float8, -1)) AS y, array_agg(coalesce(c.max_z_mm::float8, -1)) AS z,
                       array_agg(coalesce(c.best_tolerance_um::float8, -1)) AS tolerance, array_agg(coalesce(c.lot_min, -1)) AS lot_min,
                       array_agg(coalesce(c.lot_max, -1)) AS lot_max, array_agg(coalesce(c.lead_days, -1)) AS lead
                FROM supplier_capabilities c WHERE c.supplier_id = s.id) cap ON true
            LEFT JOIN LATERAL (
                SELECT array_agg(e.type_code) AS types, array_agg(e.spec_value::float8) AS specs
                FROM supplier_equipment e WHERE e.supplier_id = s.id AND e.spec_value IS NOT NULL) spec ON true
            WHERE s.status = 'published' {{(all ? "" : "AND s.id = ANY(@ids)")}}
            """;

    private sealed class FactsRow
    {
        public Guid Id { get; init; }
        public string NameJa { get; init; } = "";
        public string NameText { get; init; } = "";
        public string SearchText { get; init; } = "";
        public double? Lat { get; init; }
        public double? Lon { get; init; }
        public string PrefectureCode { get; init; } = "";
        public string? MunicipalityCode { get; init; }
        public int? Employees { get; init; }
        public bool Verified { get; init; }
        public string ContractAcceptance { get; init; } = "";
        public string[] ProcessCodes { get; init; } = [];
        public string[] MaterialCodes { get; init; } = [];
        public string[] EquipmentTypeCodes { get; init; } = [];
        public string[] QualificationCodes { get; init; } = [];
        public string[] CertificationCodes { get; init; } = [];
        public short DisclosureCapabilities { get; init; }
        public short DisclosureEquipment { get; init; }
        public short DisclosureCertifications { get; init; }
        public short DisclosureStaff { get; init; }
        public short DisclosureCapacity { get; init; }
        public string? CorporateNumber { get; init; }
        public int? SpareCapacityPct { get; init; }
        public int SpareCapacityUntil { get; init; }
        public int? TypicalLeadDays { get; init; }
        public string[] CertificateCodes { get; init; } = [];
        public int[] CertificateUntil { get; init; } = [];
        public string[] CapabilityProcesses { get; init; } = [];
        public double[] CapabilityX { get; init; } = [];
        public double[] CapabilityY { get; init; } = [];
        public double[] CapabilityZ { get; init; } = [];
        public double[] CapabilityTolerance { get; init; } = [];
        public int[] CapabilityLotMin { get; init; } = [];
        public int[] CapabilityLotMax { get; init; } = [];
        public int[] CapabilityLead { get; init; } = [];
        public string[] SpecTypes { get; init; } = [];
        public double[] SpecValues { get; init; } = [];

        public SiteFacts ToFacts() => new()
        {
            Id = Id,
            NameJa = NameJa,
            NameText = NameText == NameJa ? NameJa : NameText,
            SearchText = SearchText,
            Lat = Lat,
            Lon = Lon,
            PrefectureCode = Codes.Shared(PrefectureCode),
            MunicipalityCode = MunicipalityCode,
            Employees = Employees,
            Verified = Verified,
            ContractAcceptance = Codes.Shared(ContractAcceptance),
            ProcessCodes = Codes.Shared(ProcessCodes),
            MaterialCodes = Codes.Shared(MaterialCodes),
            EquipmentTypeCodes = Codes.Shared(EquipmentTypeCodes),
            QualificationCodes = Codes.Shared(QualificationCodes),
            CertificationCodes = Codes.Shared(CertificationCodes),
            Certifications = [.. CertificateCodes.Select((code, i) => (Codes.Shared(code), CertificateUntil[i] < 0 ? (DateOnly?)null : DateOnly.FromDayNumber(CertificateUntil[i])))],
            Capabilities = [.. CapabilityProcesses.Select((code, i) => new CapabilityFacts(
                Codes.Shared(code), Known(CapabilityX[i]), Known(CapabilityY[i]), Known(CapabilityZ[i]), Known(CapabilityTolerance[i]))
            {
                LotMin = CapabilityLotMin[i] < 0 ? null : CapabilityLotMin[i],
                LotMax = CapabilityLotMax[i] < 0 ? null : CapabilityLotMax[i],
                LeadDays = CapabilityLead[i] < 0 ? null : CapabilityLead[i],
            })],
            CorporateNumber = CorporateNumber,
            SpareCapacityPct = SpareCapacityPct,
            SpareCapacityValidUntil = SpareCapacityUntil < 0 ? null : DateOnly.FromDayNumber(SpareCapacityUntil),
            TypicalLeadDays = TypicalLeadDays,
            EquipmentSpecs = [.. SpecTypes.Select((type, i) => (Codes.Shared(type), SpecValues[i]))],
            CapabilitiesLevel = DisclosureCapabilities,
            EquipmentLevel = DisclosureEquipment,
            CertificationsLevel = DisclosureCertifications,
            StaffLevel = DisclosureStaff,
            CapacityLevel = DisclosureCapacity,
        };

        private static double? Known(double value) => value < 0 ? null : value;
    }
}

/// <summary>
/// One string object per distinct code. Each row read from PostgreSQL brings its own copies of the same few hundred
/// codes; the index keys its postings by them.
/// </summary>
internal static class Codes
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_pool = new(StringComparer.Ordinal);

    public static string Shared(string code) => s_pool.GetOrAdd(code, code);

    public static string[] Shared(string[] codes)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = Shared(codes[i]);
        }

        return codes;
    }
}
