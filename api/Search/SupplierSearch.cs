using System.Globalization;
using System.Text;
using Dapper;
using Registry.Api.Disclosure;
using Registry.Api.Taxonomy;
using Registry.Contracts.Search;
using Registry.Contracts.Suppliers;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Search;

/// <summary>
/// Turns a <see cref="SupplierQuery"/> into the SQL WHERE clause over published sites, at the caller's disclosure
/// level: a filter on a section the caller may not see does not match a site that hides it (DESIGN §7), so hidden
/// data cannot be inferred by filtering on it.
/// </summary>
public sealed class SupplierSearch(TaxonomyCatalog taxonomy)
{
    /// <summary>
    /// The WHERE clause and its arguments, the sort, the relevance expression, and the taxonomy expansions the
    /// in-process index needs to answer the same query.
    /// </summary>
    public sealed record Built(string Where, DynamicParameters Args, SupplierSort Sort, string? Problem, string? ProblemField)
    {
        public string Relevance { get; init; } = NoText;

        public Index.SearchIndex.Expansions Expansions { get; init; } = new(null, null);

        /// <summary>Per word of the query, the taxonomy terms it names (empty when none): what explains a hit.</summary>
        public IReadOnlyList<Keyword> Keywords { get; init; } = [];
    }

    /// <summary>A word of the query and the terms it names (processes, materials, equipment types, certifications).</summary>
    public sealed record Keyword(string Word, IReadOnlyList<(TaxonomyKind Kind, string Code)> Terms);

    // Relevance without a text: verified sites first. Written so that PostgreSQL and the index compute the same
    // double: (words found in the names) / (words) + 0.001 when verified.
    private const string Verified = "CASE WHEN s.verification = 'verified' THEN 0.001::float8 ELSE 0::float8 END";
    private const string NoText = "(0::float8 + " + Verified + ")";

    public Built Build(SupplierFilter query, short level, DateOnly today)
    {
        var where = new StringBuilder("s.status = 'published'");
        var args = new DynamicParameters(new { level, today });
        // Referenced by the sort expressions whether or not the query sets them.
        args.Add("lat", null, System.Data.DbType.Double);
        args.Add("lon", null, System.Data.DbType.Double);

        foreach (var (code, i) in (query.Process ?? []).Select((c, i) => (c, i)))
        {
            if (!taxonomy.Exists(TaxonomyKind.Processes, code))
            {
                return Unknown("process", code);
            }

            // Process headlines are public; codes are stored with their ancestors, so a family is one containment.
            where.Append(CultureInfo.InvariantCulture, $" AND s.process_codes @> ARRAY[@process{i}]");
            args.Add($"process{i}", code);
        }

        foreach (var (code, i) in (query.Material ?? []).Select((c, i) => (c, i)))
        {
            if (!taxonomy.Exists(TaxonomyKind.Materials, code))
            {
                return Unknown("material", code);
            }

            where.Append(CultureInfo.InvariantCulture, $" AND {Sections.Capabilities.Shown} AND s.material_codes @> ARRAY[@material{i}]");
            args.Add($"material{i}", code);
        }

        string[]? equipmentTypes = null, fitProcesses = null;
        if (query.EquipmentType is { } equipment)
        {
            if (!taxonomy.Exists(TaxonomyKind.EquipmentTypes, equipment))
            {
                return Unknown("equipmentType", equipment);
            }

            where.Append(" AND " + Sections.Equipment.Shown + " AND s.equipment_type_codes @> ARRAY[@equipmentType]");
            args.Add("equipmentType", equipment);
            if (query.EquipmentMinSpec is { } minSpec)
            {
                where.Append(" AND EXISTS (SELECT 1 FROM supplier_equipment e WHERE e.supplier_id = s.id AND e.type_code = ANY(@equipmentTypes) AND e.spec_value >= @equipmentMinSpec)");
                equipmentTypes = [.. taxonomy.SelfAndDescendants(TaxonomyKind.EquipmentTypes, equipment)];
                args.Add("equipmentTypes", equipmentTypes);
                args.Add("equipmentMinSpec", minSpec);
            }
        }
        else if (query.EquipmentMinSpec is not null)
        {
            return new Built("", args, SupplierSort.Name, "equipmentMinSpec needs equipmentType: the spec's meaning depends on the type.", "equipmentMinSpec");
        }

        if (query.FitXMm is not null || query.FitYMm is not null || query.FitZMm is not null || query.ToleranceUm is not null)
        {
            // Any orientation: the workpiece's sorted sides must each fit the envelope's sorted sides.
            double[] sides = [.. new[] { query.FitXMm, query.FitYMm, query.FitZMm }.Select(v => v ?? 0).OrderDescending()];
            var capability = new StringBuilder("""
                EXISTS (SELECT 1 FROM supplier_capabilities c WHERE c.supplier_id = s.id
                """);
            if (query.Process is { Length: > 0 } processes)
            {
                capability.Append(" AND c.process_code = ANY(@fitProcesses)");
                fitProcesses = [.. processes.SelectMany(p => taxonomy.SelfAndDescendants(TaxonomyKind.Processes, p)).Distinct()];
                args.Add("fitProcesses", fitProcesses);
            }

            if (sides[0] > 0)
            {
                capability.Append("""
                     AND greatest(c.max_x_mm, c.max_y_mm, c.max_z_mm) >= @side0
                     AND c.max_x_mm + c.max_y_mm + c.max_z_mm - greatest(c.max_x_mm, c.max_y_mm, c.max_z_mm) - least(c.max_x_mm, c.max_y_mm, c.max_z_mm) >= @side1
                     AND least(c.max_x_mm, c.max_y_mm, c.max_z_mm) >= @side2
                    """);
                args.Add("side0", sides[0]);
                args.Add("side1", sides[1]);
                args.Add("side2", sides[2]);
            }

            if (query.ToleranceUm is { } tolerance)
            {
                capability.Append(" AND c.best_tolerance_um <= @tolerance");
                args.Add("tolerance", tolerance);
            }

            where.Append(" AND " + Sections.Capabilities.Shown + " AND ").Append(capability).Append(')');
        }

        foreach (var (code, i) in (query.Certification ?? []).Select((c, i) => (c, i)))
        {
            if (!taxonomy.Exists(TaxonomyKind.Certifications, code))
            {
                return Unknown("certification", code);
            }

            // The array is the index; the EXISTS re-checks expiry, which passes with time, not with writes.
            where.Append(CultureInfo.InvariantCulture, $"""
                 AND {Sections.Certifications.Shown} AND s.certification_codes @> ARRAY[@certification{i}]
                 AND EXISTS (SELECT 1 FROM supplier_certifications c WHERE c.supplier_id = s.id AND c.code = @certification{i}
                             AND (c.valid_until IS NULL OR c.valid_until >= @today))
                """);
            args.Add($"certification{i}", code);
        }

        foreach (var (code, i) in (query.Qualification ?? []).Select((c, i) => (c, i)))
        {
            if (!taxonomy.Exists(TaxonomyKind.Qualifications, code))
            {
                return Unknown("qualification", code);
            }

            where.Append(CultureInfo.InvariantCulture, $" AND {Sections.Staff.Shown} AND s.qualification_codes @> ARRAY[@qualification{i}]");
            args.Add($"qualification{i}", code);
        }

        if (query.Prefecture is { } prefecture)
        {
            where.Append(" AND s.prefecture_code = @prefecture");
            args.Add("prefecture", prefecture);
        }

        if (query.Municipality is { } municipality)
        {
            where.Append(" AND s.municipality_code = @municipality");
            args.Add("municipality", municipality);
        }

        var hasPoint = query is { Lat: not null, Lon: not null };
        if (query.WithinKm is not null && !hasPoint)
        {
            return new Built("", args, SupplierSort.Name, "withinKm needs lat and lon.", "withinKm");
        }

        if (hasPoint)
        {
            args.Add("lat", query.Lat);
            args.Add("lon", query.Lon);
            if (query.WithinKm is { } km)
            {
                // On the sphere (use_spheroid = false): great-circle distances, the same the in-process index computes.
                where.Append(" AND ST_DWithin(s.location, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, @meters, false)");
                args.Add("meters", km * 1000);
            }
        }

        if (query.EmployeesMin is { } employeesMin)
        {
            where.Append(" AND s.employees >= @employeesMin");
            args.Add("employeesMin", employeesMin);
        }

        if (query.EmployeesMax is { } employeesMax)
        {
            where.Append(" AND s.employees <= @employeesMax");
            args.Add("employeesMax", employeesMax);
        }

        if (query.AcceptsContractWork == true)
        {
            where.Append(" AND " + Sections.Capacity.Shown + " AND s.contract_acceptance IN ('open', 'limited')");
        }

        if (query.VerifiedOnly == true)
        {
            where.Append(" AND s.verification = 'verified'");
        }

        var words = TextQuery.Words(query.Q);
        IReadOnlyList<Keyword> keywords = [.. words.Select(w => new Keyword(w, taxonomy.TermsNamedBy(w)))];
        AppendText(keywords, where, args);

        SupplierSort sort;
        var requested = (query as SupplierQuery)?.Sort;
        if (requested is null)
        {
            sort = !string.IsNullOrWhiteSpace(query.Q) ? SupplierSort.Relevance : hasPoint ? SupplierSort.Distance : SupplierSort.Name;
        }
        else if (!Http.WireNames.TryParse(requested, out sort))
        {
            return new Built("", args, SupplierSort.Name, $"sort is one of {string.Join(", ", Http.WireNames.All<SupplierSort>())}.", "sort");
        }

        if (sort == SupplierSort.Distance && !hasPoint)
        {
            return new Built("", args, sort, "sort=distance needs lat and lon.", "sort");
        }

        return new Built(where.ToString(), args, sort, null, null)
        {
            Relevance = words.Count == 0 ? NoText : Relevance(words.Count),
            Expansions = new(fitProcesses, equipmentTypes) { Keywords = [.. keywords.Select(k => k.Terms)] },
            Keywords = keywords,
        };
    }

    /// <summary>
    /// Every word must occur, in the text or as a term the site has. In the text: words of 1–2 characters go only to
    /// the character/bigram array (exact, and the only index that can serve them); longer words to LIKE over the
    /// trigram index. The short path never uses LIKE, so the planner cannot fall back to the trigram index for a word
    /// it cannot index. A word that names taxonomy terms (板金, めっき) also finds the sites that have one of them,
    /// each section only where the caller may see it, as its filter would.
    /// </summary>
    private static void AppendText(IReadOnlyList<Keyword> keywords, StringBuilder where, DynamicParameters args)
    {
        var grams = keywords.Where(k => k.Terms.Count == 0 && TextQuery.IsGram(k.Word)).Select(k => k.Word).ToArray();
        if (grams.Length > 0)
        {
            where.Append(" AND s.search_bigrams @> @grams");
            args.Add("grams", grams);
        }

        for (var i = 0; i < keywords.Count; i++)
        {
            var (word, terms) = (keywords[i].Word, keywords[i].Terms);
            args.Add($"word{i}", word);
            if (terms.Count == 0 && TextQuery.IsGram(word))
            {
                continue;
            }

            string inText;
            if (TextQuery.IsGram(word))
            {
                inText = $"s.search_bigrams @> ARRAY[@word{i}]";
            }
            else
            {
                inText = $"s.search_text LIKE @like{i}";
                args.Add($"like{i}", "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
            }

            if (terms.Count == 0)
            {
                where.Append(" AND ").Append(inText);
                continue;
            }

            string[] Codes(TaxonomyKind kind) => [.. terms.Where(t => t.Kind == kind).Select(t => t.Code)];
            args.Add($"kp{i}", Codes(TaxonomyKind.Processes));
            args.Add($"km{i}", Codes(TaxonomyKind.Materials));
            args.Add($"ke{i}", Codes(TaxonomyKind.EquipmentTypes));
            args.Add($"kc{i}", Codes(TaxonomyKind.Certifications));
            where.Append(CultureInfo.InvariantCulture, $"""
                 AND ({inText}
                      OR s.process_codes && @kp{i}
                      OR ({Sections.Capabilities.Shown} AND s.material_codes && @km{i})
                      OR ({Sections.Equipment.Shown} AND s.equipment_type_codes && @ke{i})
                      OR ({Sections.Certifications.Shown} AND s.certification_codes && @kc{i}
                          AND EXISTS (SELECT 1 FROM supplier_certifications c WHERE c.supplier_id = s.id AND c.code = ANY(@kc{i})
                                      AND (c.valid_until IS NULL OR c.valid_until >= @today))))
                """);
        }
    }

    /// <summary>
    /// Filters to search by instead of the words, for a search that found nothing: the terms each word names, or else
    /// the terms whose names hold the word (めっき鋼板 for めっき), three a word at most.
    /// </summary>
    public IReadOnlyList<SuggestedFilter>? Suggestions(IReadOnlyList<Keyword> keywords)
    {
        TaxonomyKind[] kinds = [TaxonomyKind.Processes, TaxonomyKind.Materials, TaxonomyKind.EquipmentTypes, TaxonomyKind.Certifications];
        var suggestions = keywords.SelectMany(k =>
            (k.Terms.Count > 0 ? k.Terms : k.Word.Length < 2 ? [] : taxonomy.Suggest(k.Word, kinds, english: false, limit: 3).Select(s => (s.Kind, s.Code)))
            .Take(3)
            .Select(t => new SuggestedFilter { Word = k.Word, Kind = t.Kind, Code = t.Code }))
            .ToList();
        return suggestions.Count > 0 ? suggestions : null;
    }

    /// <summary>The share of the words found in the site's names (ja, en, kana), plus the verified bonus.</summary>
    private static string Relevance(int words) =>
        "((" + string.Join(" + ", Enumerable.Range(0, words).Select(i =>
            $"(strpos(supplier_name_text(s.name_ja, s.name_en, s.name_kana), @word{i}) > 0)::int"))
        + $")::float8 / {words} + {Verified})";

    private static Built Unknown(string field, string code) =>
        new("", new DynamicParameters(), SupplierSort.Name, $"'{code}' is not a known code for {field} (see /api/v1/taxonomy).", field);
}
