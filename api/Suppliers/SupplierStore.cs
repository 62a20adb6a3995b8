using Dapper;
using Npgsql;
using Registry.Api.Disclosure;
using Registry.Api.Http;
using Registry.Api.Search;
using Registry.Api.Taxonomy;
using Registry.Contracts.Suppliers;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Suppliers;

/// <summary>
/// Reads a supplier profile at a disclosure level — masking happens in the SQL, so a hidden section never leaves
/// the database — and keeps the derived search columns current after every write.
/// </summary>
public sealed class SupplierStore(TaxonomyCatalog taxonomy, TimeProvider clock)
{
    // Every section's columns are masked by CASE against the caller's level; the level itself is always returned.
    private const string ProfileSql = $"""
        SELECT s.id, s.status, s.name_ja, s.name_en, s.name_kana, s.corporate_number, s.postal_code, s.prefecture_code,
               s.municipality_code, s.address, ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lon,
               s.employees, s.founded_year, s.capital_jpy, s.industry_codes, s.website, s.description_ja, s.description_en,
               s.strengths, s.edi, s.online_ordering, s.fax_only, s.process_codes,
               (SELECT a.answers_by FROM supplier_order_answers a WHERE a.supplier_id = s.id) AS answers_orders_by, s.verification, s.verified_at, s.verified_by,
               s.disclosure_contact, s.disclosure_capabilities, s.disclosure_equipment, s.disclosure_certifications,
               s.disclosure_staff, s.disclosure_capacity, s.disclosure_challenges,
               {Sections.Contact.Name} AS contact_name,
               {Sections.Contact.Email} AS contact_email,
               {Sections.Contact.Phone} AS contact_phone,
               {Sections.Capacity.ContractAcceptance} AS contract_acceptance,
               {Sections.Capacity.SparePct} AS spare_capacity_pct,
               {Sections.Capacity.SpareValidUntil} AS spare_capacity_valid_until,
               {Sections.Capacity.TypicalLeadDays} AS typical_lead_days,
               {Sections.Capacity.MinLot} AS min_lot,
               {Sections.Challenges.Weaknesses} AS weaknesses,
               {Sections.Challenges.Text} AS challenges,
               {Viewer.ConfirmedAtSql} AS confirmed_at, s.published_at,
               {Viewer.UpdatedAtSql} AS updated_at, {Viewer.VersionSql} AS version
        FROM suppliers s
        WHERE s.id = @id AND (s.status = 'published' OR @seeUnpublished);

        SELECT c.id, c.process_code, c.material_codes, c.max_x_mm, c.max_y_mm, c.max_z_mm, c.max_mass_kg, c.best_tolerance_um,
               c.roughness_ra_um, c.lot_min, c.lot_max, c.monthly_capacity, c.lead_days, c.equipment_ids, c.note, c.version
        FROM supplier_capabilities c JOIN suppliers s ON s.id = c.supplier_id
        WHERE c.supplier_id = @id AND {Sections.Capabilities.Shown} ORDER BY c.process_code, c.id LIMIT 200;

        SELECT e.id, e.type_code, e.maker, e.model, e.count, e.spec_value, e.year, e.version
        FROM supplier_equipment e JOIN suppliers s ON s.id = e.supplier_id
        WHERE e.supplier_id = @id AND {Sections.Equipment.Shown} ORDER BY e.type_code, e.id LIMIT 500;

        SELECT c.id, c.code, c.number, c.valid_until, c.version
        FROM supplier_certifications c JOIN suppliers s ON s.id = c.supplier_id
        WHERE c.supplier_id = @id AND {Sections.Certifications.Shown} ORDER BY c.code, c.id LIMIT 100;

        SELECT t.id, t.qualification_code, t.headcount, t.version
        FROM supplier_staff t JOIN suppliers s ON s.id = t.supplier_id
        WHERE t.supplier_id = @id AND {Sections.Staff.Shown} ORDER BY t.qualification_code LIMIT 200;
        """;

    public async Task<SupplierProfile?> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, short level, bool seeUnpublished, bool canEdit, CancellationToken ct)
    {
        await using var reader = await connection.QueryMultipleAsync(new CommandDefinition(
            ProfileSql, new { id, level, seeUnpublished }, tx, cancellationToken: ct));
        var row = await reader.ReadSingleOrDefaultAsync<ProfileRow>();
        if (row is null)
        {
            return null;
        }

        var capabilities = (await reader.ReadAsync<CapabilityRow>()).Select(c => c.ToDto()).ToList();
        var equipment = (await reader.ReadAsync<EquipmentRow>()).Select(e => e.ToDto(taxonomy)).ToList();
        var today = clock.Today();
        var certifications = (await reader.ReadAsync<CertificationRow>()).Select(c => c.ToDto(today)).ToList();
        var staff = (await reader.ReadAsync<StaffRow>()).Select(s => s.ToDto()).ToList();
        return row.ToDto(level, canEdit, today, capabilities, equipment, certifications, staff);
    }

    /// <summary>
    /// After any write to a site or its parts: bump the site's version (its ETag covers the parts), mark its facts as
    /// confirmed now, send a verified site back to pending, and recompute the derived search columns.
    /// </summary>
    public async Task TouchAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid id, bool factsChanged, CancellationToken ct)
    {
        var parts = await connection.QuerySingleAsync<(string[] Processes, string[] Materials, string[] Equipment, string[] Certifications, string[] Qualifications)>(
            new CommandDefinition("""
                SELECT coalesce((SELECT array_agg(DISTINCT process_code) FROM supplier_capabilities WHERE supplier_id = @id), '{}'),
                       coalesce((SELECT array_agg(DISTINCT m) FROM supplier_capabilities, unnest(material_codes) m WHERE supplier_id = @id), '{}'),
                       coalesce((SELECT array_agg(DISTINCT type_code) FROM supplier_equipment WHERE supplier_id = @id), '{}'),
                       coalesce((SELECT array_agg(DISTINCT code) FROM supplier_certifications
                                 WHERE supplier_id = @id AND (valid_until IS NULL OR valid_until >= @today)), '{}'),
                       coalesce((SELECT array_agg(DISTINCT qualification_code) FROM supplier_staff WHERE supplier_id = @id), '{}')
                """, new { id, today = clock.Today() }, tx, cancellationToken: ct));

        // Codes are stored with their ancestors, so a filter on a family (welding) is one array containment.
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE suppliers SET
                process_codes = @processes,
                material_codes = @materials,
                equipment_type_codes = @equipment,
                certification_codes = @certifications,
                qualification_codes = @qualifications,
                search_text = supplier_search_text(name_ja, name_en, name_kana, description_ja, description_en, strengths),
                search_bigrams = text_grams(supplier_search_text(name_ja, name_en, name_kana, description_ja, description_en, strengths)),
                verification = CASE WHEN @factsChanged AND verification = 'verified' THEN 'pending' ELSE verification END,
                confirmed_at = now(),
                updated_at = now(),
                version = version + 1
            WHERE id = @id
            """,
            new
            {
                id,
                factsChanged,
                processes = WithAncestors(TaxonomyKind.Processes, parts.Processes),
                materials = WithAncestors(TaxonomyKind.Materials, parts.Materials),
                equipment = WithAncestors(TaxonomyKind.EquipmentTypes, parts.Equipment),
                certifications = parts.Certifications,
                qualifications = WithAncestors(TaxonomyKind.Qualifications, parts.Qualifications),
            },
            tx, cancellationToken: ct));
        await SearchSetup.AnnounceChangeAsync(connection, tx, id, ct);
    }

    private string[] WithAncestors(TaxonomyKind kind, IEnumerable<string> codes) =>
        [.. codes.SelectMany(c => taxonomy.SelfAndAncestors(kind, c).DefaultIfEmpty(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private sealed class ProfileRow
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public string NameJa { get; init; } = "";
        public string? NameEn { get; init; }
        public string? NameKana { get; init; }
        public string? CorporateNumber { get; init; }
        public string? PostalCode { get; init; }
        public string PrefectureCode { get; init; } = "";
        public string? MunicipalityCode { get; init; }
        public string? Address { get; init; }
        public double? Lat { get; init; }
        public double? Lon { get; init; }
        public int? Employees { get; init; }
        public int? FoundedYear { get; init; }
        public long? CapitalJpy { get; init; }
        public string[] IndustryCodes { get; init; } = [];
        public string? Website { get; init; }
        public string? DescriptionJa { get; init; }
        public string? DescriptionEn { get; init; }
        public string? Strengths { get; init; }
        public bool Edi { get; init; }
        public bool OnlineOrdering { get; init; }
        public bool FaxOnly { get; init; }
        public string? AnswersOrdersBy { get; init; }
        public string[] ProcessCodes { get; init; } = [];
        public string Verification { get; init; } = "";
        public DateTimeOffset? VerifiedAt { get; init; }
        public string? VerifiedBy { get; init; }
        public short DisclosureContact { get; init; }
        public short DisclosureCapabilities { get; init; }
        public short DisclosureEquipment { get; init; }
        public short DisclosureCertifications { get; init; }
        public short DisclosureStaff { get; init; }
        public short DisclosureCapacity { get; init; }
        public short DisclosureChallenges { get; init; }
        public string? ContactName { get; init; }
        public string? ContactEmail { get; init; }
        public string? ContactPhone { get; init; }
        public string? ContractAcceptance { get; init; }
        public int? SpareCapacityPct { get; init; }
        public DateOnly? SpareCapacityValidUntil { get; init; }
        public int? TypicalLeadDays { get; init; }
        public int? MinLot { get; init; }
        public string? Weaknesses { get; init; }
        public string? Challenges { get; init; }
        public DateTimeOffset ConfirmedAt { get; init; }
        public DateTimeOffset? PublishedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public int Version { get; init; }

        public SupplierProfile ToDto(short level, bool canEdit, DateOnly today, List<Capability> capabilities, List<Equipment> equipment,
            List<Certification> certifications, List<StaffQualification> staff)
        {
            bool Hidden(short sectionLevel) => !Sections.ShownAt(sectionLevel, level);
            var spareExpired = SpareCapacityValidUntil is { } until && until < today;
            return new SupplierProfile
            {
                Id = Id,
                Status = Enum.Parse<SupplierStatus>(Status, ignoreCase: true),
                NameJa = NameJa,
                NameEn = NameEn,
                NameKana = NameKana,
                CorporateNumber = CorporateNumber,
                PostalCode = PostalCode,
                PrefectureCode = PrefectureCode,
                MunicipalityCode = MunicipalityCode,
                Address = Address,
                Location = Lat is { } lat && Lon is { } lon ? new GeoLocation { Lat = lat, Lon = lon } : null,
                Employees = Employees,
                FoundedYear = FoundedYear,
                CapitalJpy = CapitalJpy,
                IndustryCodes = IndustryCodes,
                Website = Website,
                DescriptionJa = DescriptionJa,
                DescriptionEn = DescriptionEn,
                Strengths = Strengths,
                DigitalReadiness = new DigitalReadiness { Edi = Edi, OnlineOrdering = OnlineOrdering, FaxOnly = FaxOnly },
                // Observed from orders, so it speaks of the firm's business: its own accounts and coordinators only.
                AnswersOrdersBy = (level >= Viewer.Coordinators || canEdit) && AnswersOrdersBy is { } by ? Http.WireNames.Parse<OrderAnswering>(by) : null,
                // Headlines: the most specific codes (the stored ancestors serve filtering).
                Processes = [.. ProcessCodes.Where(c => !ProcessCodes.Any(o => o.StartsWith(c + ".", StringComparison.Ordinal)))],
                Verification = new Verification
                {
                    Status = Enum.Parse<VerificationStatus>(Verification, ignoreCase: true),
                    VerifiedAt = VerifiedAt,
                    VerifiedBy = level >= Viewer.Coordinators ? VerifiedBy : null,
                },
                Disclosure = new Contracts.Suppliers.Disclosure
                {
                    Contact = Viewer.ToDisclosure(DisclosureContact),
                    Capabilities = Viewer.ToDisclosure(DisclosureCapabilities),
                    Equipment = Viewer.ToDisclosure(DisclosureEquipment),
                    Certifications = Viewer.ToDisclosure(DisclosureCertifications),
                    Staff = Viewer.ToDisclosure(DisclosureStaff),
                    Capacity = Viewer.ToDisclosure(DisclosureCapacity),
                    Challenges = Viewer.ToDisclosure(DisclosureChallenges),
                },
                Contact = new ContactSection
                {
                    Level = Viewer.ToDisclosure(DisclosureContact),
                    Hidden = Hidden(DisclosureContact),
                    Name = ContactName,
                    Email = ContactEmail,
                    Phone = ContactPhone,
                },
                Capabilities = new CapabilitiesSection
                {
                    Level = Viewer.ToDisclosure(DisclosureCapabilities),
                    Hidden = Hidden(DisclosureCapabilities),
                    Items = Hidden(DisclosureCapabilities) ? null : capabilities,
                },
                Equipment = new EquipmentSection
                {
                    Level = Viewer.ToDisclosure(DisclosureEquipment),
                    Hidden = Hidden(DisclosureEquipment),
                    Items = Hidden(DisclosureEquipment) ? null : equipment,
                },
                Certifications = new CertificationsSection
                {
                    Level = Viewer.ToDisclosure(DisclosureCertifications),
                    Hidden = Hidden(DisclosureCertifications),
                    Items = Hidden(DisclosureCertifications) ? null : certifications,
                },
                Staff = new StaffSection
                {
                    Level = Viewer.ToDisclosure(DisclosureStaff),
                    Hidden = Hidden(DisclosureStaff),
                    Items = Hidden(DisclosureStaff) ? null : staff,
                },
                Capacity = new CapacitySection
                {
                    Level = Viewer.ToDisclosure(DisclosureCapacity),
                    Hidden = Hidden(DisclosureCapacity),
                    ContractAcceptance = ContractAcceptance is null ? null : Enum.Parse<ContractAcceptance>(ContractAcceptance, ignoreCase: true),
                    SpareCapacityPct = spareExpired ? null : SpareCapacityPct,
                    SpareCapacityValidUntil = SpareCapacityValidUntil,
                    SpareCapacityExpired = Hidden(DisclosureCapacity) || SpareCapacityValidUntil is null ? null : spareExpired,
                    TypicalLeadDays = TypicalLeadDays,
                    MinLot = MinLot,
                },
                Challenges = new ChallengesSection
                {
                    Level = Viewer.ToDisclosure(DisclosureChallenges),
                    Hidden = Hidden(DisclosureChallenges),
                    Weaknesses = Weaknesses,
                    Challenges = Challenges,
                },
                ConfirmedAt = ConfirmedAt,
                PublishedAt = PublishedAt,
                UpdatedAt = UpdatedAt,
                CanEdit = canEdit,
                Version = Version,
            };
        }
    }

    internal sealed class CapabilityRow
    {
        public Guid Id { get; init; }
        public string ProcessCode { get; init; } = "";
        public string[] MaterialCodes { get; init; } = [];
        public decimal? MaxXMm { get; init; }
        public decimal? MaxYMm { get; init; }
        public decimal? MaxZMm { get; init; }
        public decimal? MaxMassKg { get; init; }
        public decimal? BestToleranceUm { get; init; }
        public decimal? RoughnessRaUm { get; init; }
        public int? LotMin { get; init; }
        public int? LotMax { get; init; }
        public int? MonthlyCapacity { get; init; }
        public int? LeadDays { get; init; }
        public Guid[] EquipmentIds { get; init; } = [];
        public string? Note { get; init; }
        public int Version { get; init; }

        public Capability ToDto() => new()
        {
            Id = Id,
            ProcessCode = ProcessCode,
            MaterialCodes = MaterialCodes,
            MaxXMm = MaxXMm,
            MaxYMm = MaxYMm,
            MaxZMm = MaxZMm,
            MaxMassKg = MaxMassKg,
            BestToleranceUm = BestToleranceUm,
            RoughnessRaUm = RoughnessRaUm,
            LotMin = LotMin,
            LotMax = LotMax,
            MonthlyCapacity = MonthlyCapacity,
            LeadDays = LeadDays,
            EquipmentIds = EquipmentIds,
            Note = Note,
            Version = Version,
        };
    }

    internal sealed class EquipmentRow
    {
        public Guid Id { get; init; }
        public string TypeCode { get; init; } = "";
        public string? Maker { get; init; }
        public string? Model { get; init; }
        public int Count { get; init; }
        public decimal? SpecValue { get; init; }
        public int? Year { get; init; }
        public int Version { get; init; }

        public Equipment ToDto(TaxonomyCatalog taxonomy) => new()
        {
            Id = Id,
            TypeCode = TypeCode,
            Maker = Maker,
            Model = Model,
            Count = Count,
            SpecValue = SpecValue,
            SpecUnit = taxonomy.Find(TaxonomyKind.EquipmentTypes, TypeCode)?.KeySpec?.Unit,
            Year = Year,
            Version = Version,
        };
    }

    internal sealed class CertificationRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string? Number { get; init; }
        public DateOnly? ValidUntil { get; init; }
        public int Version { get; init; }

        public Certification ToDto(DateOnly today) => new()
        {
            Id = Id,
            Code = Code,
            Number = Number,
            ValidUntil = ValidUntil,
            Expired = ValidUntil is { } until && until < today,
            Version = Version,
        };
    }

    internal sealed class StaffRow
    {
        public Guid Id { get; init; }
        public string QualificationCode { get; init; } = "";
        public int Headcount { get; init; }
        public int Version { get; init; }

        public StaffQualification ToDto() => new() { Id = Id, QualificationCode = QualificationCode, Headcount = Headcount, Version = Version };
    }
}
