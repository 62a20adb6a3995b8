namespace Registry.Api.Disclosure;

/// <summary>
/// The sections a site's owner discloses at a level of its choosing (DESIGN §7), as SQL over <c>suppliers s</c> with
/// the caller's level bound as <c>@level</c> (<see cref="Viewer.Level"/>). Every reader masks a section through these
/// fragments — never by comparing a <c>disclosure_*</c> column itself — so that a section's rule is written once
/// and a new reader cannot forget it (an architecture test refuses such a comparison anywhere else).
/// </summary>
/// <remarks>
/// Constants, so that readers can keep their SQL constant too. A masked column is NULL when the section is hidden;
/// <c>Shown</c> is the condition itself, for filters, counts and sub-selects of the section's own tables.
/// </remarks>
public static class Sections
{
    /// <summary>Who to contact at the site.</summary>
    public static class Contact
    {
        public const string Shown = "s.disclosure_contact <= @level";
        public const string Name = "CASE WHEN " + Shown + " THEN s.contact_name END";
        public const string Email = "CASE WHEN " + Shown + " THEN s.contact_email END";
        public const string Phone = "CASE WHEN " + Shown + " THEN s.contact_phone END";
    }

    /// <summary>The processes the site performs, with materials and envelopes.</summary>
    public static class Capabilities
    {
        public const string Shown = "s.disclosure_capabilities <= @level";
        public const string Materials = "CASE WHEN " + Shown + " THEN s.material_codes END";
    }

    /// <summary>The machines of the site.</summary>
    public static class Equipment
    {
        public const string Shown = "s.disclosure_equipment <= @level";
        public const string Types = "CASE WHEN " + Shown + " THEN s.equipment_type_codes END";
    }

    /// <summary>The certificates the site holds.</summary>
    public static class Certifications
    {
        public const string Shown = "s.disclosure_certifications <= @level";

        /// <summary>The codes of unexpired certificates (kept current by the store after every write).</summary>
        public const string Codes = "CASE WHEN " + Shown + " THEN s.certification_codes END";

        /// <summary>The codes of certificates still valid on <c>@today</c>, read from the certificates themselves.</summary>
        public const string ValidOnToday = "CASE WHEN " + Shown + """
             THEN ARRAY(
                SELECT DISTINCT c.code FROM supplier_certifications c
                WHERE c.supplier_id = s.id AND (c.valid_until IS NULL OR c.valid_until >= @today) ORDER BY c.code) END
            """;
    }

    /// <summary>The site's qualified staff.</summary>
    public static class Staff
    {
        public const string Shown = "s.disclosure_staff <= @level";
        public const string Qualifications = "CASE WHEN " + Shown + " THEN s.qualification_codes END";
    }

    /// <summary>Whether the site takes contract work, its spare capacity and lead times.</summary>
    public static class Capacity
    {
        public const string Shown = "s.disclosure_capacity <= @level";
        public const string ContractAcceptance = "CASE WHEN " + Shown + " THEN s.contract_acceptance END";

        /// <summary>The spare capacity as stated, with <see cref="SpareValidUntil"/>: what a profile shows.</summary>
        public const string SparePct = "CASE WHEN " + Shown + " THEN s.spare_capacity_pct END";
        public const string SpareValidUntil = "CASE WHEN " + Shown + " THEN s.spare_capacity_valid_until END";

        /// <summary>The spare capacity still valid on <c>@today</c>: what search, matching and analytics count on.</summary>
        public const string SpareNow = "CASE WHEN " + SpareNowShown + " THEN s.spare_capacity_pct END";

        /// <summary>The section is shown and its spare capacity is still valid on <c>@today</c>.</summary>
        public const string SpareNowShown = Shown + " AND s.spare_capacity_valid_until >= @today";

        public const string TypicalLeadDays = "CASE WHEN " + Shown + " THEN s.typical_lead_days END";
        public const string MinLot = "CASE WHEN " + Shown + " THEN s.min_lot END";
    }

    /// <summary>What the site says it is weak at and wants to solve.</summary>
    public static class Challenges
    {
        public const string Shown = "s.disclosure_challenges <= @level";
        public const string Weaknesses = "CASE WHEN " + Shown + " THEN s.weaknesses END";
        public const string Text = "CASE WHEN " + Shown + " THEN s.challenges END";
    }

    /// <summary>
    /// The same rule in memory, for readers that keep the sections' levels themselves (the search index's per-level
    /// sets, a profile's hidden flags): a section is shown to a caller whose level is at least the section's.
    /// </summary>
    public static bool ShownAt(short sectionLevel, short callerLevel) => sectionLevel <= callerLevel;
}
