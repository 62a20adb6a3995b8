using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Data;
using Registry.Api.Disclosure;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.Places;
using Registry.Api.Search.Index;
using Registry.Contracts.Search;
using Registry.Contracts.Suppliers;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.Search;

public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/suppliers").WithTags("Suppliers").RejectUnknownQueryParameters()
            .MapGet("", SearchSuppliers).AllowAnonymous()
            .WithName("searchSuppliers").WithSummary("Search published supplier sites")
            .WithDescription("""
                Filters combine (AND). A filter on a section the caller may not see never matches a site that hides
                that section, so hidden data cannot be inferred. Keyset pagination with limit and cursor; facets=true
                adds counts for the whole filtered set. `near` measures from a place (a municipality, a postal code) instead of lat and lon.
                """)
            .ProducesProblemDocument(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Results<Ok<SupplierSearchResult>, ProblemHttpResult>> SearchSuppliers(
        [AsParameters] SupplierQuery query, ClaimsPrincipal user, ReadDatabase reads, SupplierSearch search, TimeProvider clock,
        SearchIndex index, SearchIndexFollower follower, PlaceCentres centres, HttpContext http, CancellationToken ct)
    {
        if (Validation.Errors(query) is { Count: > 0 } invalid)
        {
            return Problems.Validation(invalid);
        }

        var (near, nearProblem) = await PlacesApi.NearAsync(query.Near, centres, user, http, ct);
        if (nearProblem is not null)
        {
            return nearProblem;
        }

        if (near is not null)
        {
            query = query with { Lat = near.Lat, Lon = near.Lon };
        }

        var level = Viewer.Level(user);
        var today = clock.Today();
        var built = search.Build(query, level, today);
        if (built.Problem is not null)
        {
            return Problems.Validation(built.ProblemField!, built.Problem);
        }

        // A cursor holds a sort value (a name, a distance, a relevance): it is bound to the sort it was given for.
        var sort = built.Sort.ToString();
        var (take, after, pageProblem) = Paging.Read(http, query.Limit, query.Cursor, sort);
        if (pageProblem is not null)
        {
            return pageProblem;
        }

        if (follower.Enabled && follower.IsLoaded && SearchIndex.CanAnswer(query))
        {
            return await FromIndexAsync(query, built, after, take, level, today, index, reads, user, http, search, ct);
        }

        var order = Order.For(built.Sort, built.Relevance);
        var args = built.Args;
        args.Add("take", take + 1);
        var keyset = "";
        if (after is not null)
        {
            if (Key.Parse(after) is not { } key || SortValue(built.Sort, key.Value) is not { } value)
            {
                return Paging.InvalidCursor(http);
            }

            keyset = " AND " + order.After;
            args.Add("kValue", value);
            args.Add("kId", key.Id);
        }

        var sql = $"""
            SELECT {Projection}, {order.Value} AS sort_value
            FROM suppliers s
            WHERE {built.Where}{keyset}
            ORDER BY {order.By}
            LIMIT @take
            """;
        var (rows, facets) = await reads.ReadAsync(user, async (connection, token) =>
        {
            var hits = (await connection.QueryAsync<HitRow>(new CommandDefinition(sql, args, cancellationToken: token))).ToList();
            return (hits, query.Facets == true ? await FacetsAsync(connection, built, token) : null);
        }, ct);
        var page = rows.ToPage(take, r => new Key(r.SortValueText, r.Id).ToString(), http, sort);
        return TypedResults.Ok(new SupplierSearchResult
        {
            Items = [.. page.Items.Select(r => r.ToDto(built.Keywords))],
            NextCursor = page.NextCursor,
            Facets = facets,
            Suggestions = page.Items.Count == 0 && after is null ? search.Suggestions(built.Keywords) : null,
        });
    }

    /// <summary>
    /// The index finds and orders the page's sites (and counts the facets); PostgreSQL then projects those few rows
    /// with the same masking as the SQL path.
    /// </summary>
    private static async Task<Results<Ok<SupplierSearchResult>, ProblemHttpResult>> FromIndexAsync(
        SupplierQuery query, SupplierSearch.Built built, string? after, int take, short level, DateOnly today, SearchIndex index,
        ReadDatabase reads, ClaimsPrincipal user, HttpContext http, SupplierSearch search, CancellationToken ct)
    {
        (string, Guid)? afterKey = null;
        if (after is not null)
        {
            if (Key.Parse(after) is not { } key)
            {
                return Paging.InvalidCursor(http);
            }

            afterKey = (key.Value, key.Id);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var page = index.Query(query, built.Sort, level, today, afterKey, take, query.Facets == true, built.Expansions);
        var indexed = System.Diagnostics.Stopwatch.GetTimestamp();
        var args = built.Args;
        args.Add("ids", page.Hits.Select(h => h.Id).ToArray());
        var rows = await reads.ReadAsync(user, async (connection, token) => (await connection.QueryAsync<HitRow>(new CommandDefinition(
            $"SELECT {Projection}, NULL AS sort_value FROM suppliers s WHERE s.id = ANY(@ids)", args, cancellationToken: token)))
            .ToDictionary(r => r.Id), ct);
        var next = page.HasMore ? Paging.Cursor(http, new Key(page.Hits[^1].SortValue, page.Hits[^1].Id).ToString(), built.Sort.ToString()) : null;
        Paging.LinkNext(http, next);
        // Where the time went (W3C Server-Timing): finding and ordering in the index, projecting the page in SQL.
        http.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture,
            $"index;dur={System.Diagnostics.Stopwatch.GetElapsedTime(started, indexed).TotalMilliseconds:0.00}, db;dur={System.Diagnostics.Stopwatch.GetElapsedTime(indexed).TotalMilliseconds:0.00}");
        return TypedResults.Ok(new SupplierSearchResult
        {
            Items = [.. page.Hits.Where(h => rows.ContainsKey(h.Id)).Select(h => rows[h.Id].ToDto(built.Keywords))],
            NextCursor = next,
            Suggestions = page.Hits.Count == 0 && after is null ? search.Suggestions(built.Keywords) : null,
            Facets = page.Facets is { } f ? new SearchFacets
            {
                Total = f.Total,
                ProcessFamilies = Ranked(f.ProcessFamilies),
                Prefectures = Ranked(f.Prefectures),
                Certifications = Ranked(f.Certifications),
            } : null,
        });
    }

    private static IReadOnlyList<FacetCount> Ranked(IReadOnlyDictionary<string, int> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetCount { Code = c.Key, Count = c.Value })];

    // What a search result shows of a site, masked at the caller's level exactly as the profile is.
    private const string Projection = $"""
        s.id, s.name_ja, s.name_en, s.prefecture_code, s.municipality_code,
        ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lon, s.process_codes,
        {Sections.Certifications.ValidOnToday} AS certifications,
        {Sections.Capabilities.Materials} AS material_codes,
        {Sections.Equipment.Types} AS equipment_type_codes,
        s.verification = 'verified' AS verified,
        {Sections.Capacity.ContractAcceptance} AS contract_acceptance,
        {Sections.Capacity.SpareNow} AS spare_capacity_pct,
        {Order.Distance} AS distance_m,
        s.confirmed_at
        """;

    private static async Task<SearchFacets> FacetsAsync(NpgsqlConnection connection, SupplierSearch.Built built, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<(string Kind, string Code, int Count)>(new CommandDefinition($"""
            WITH hits AS (
                SELECT s.process_codes, s.prefecture_code,
                       coalesce({Sections.Certifications.Codes}, ARRAY[]::text[]) AS certifications
                FROM suppliers s WHERE {built.Where}
            )
            SELECT 'total', '', count(*)::int FROM hits
            UNION ALL SELECT 'process', code, count(*)::int FROM hits, unnest(process_codes) code WHERE strpos(code, '.') = 0 GROUP BY code
            UNION ALL SELECT 'prefecture', prefecture_code, count(*)::int FROM hits GROUP BY prefecture_code
            UNION ALL SELECT 'certification', code, count(*)::int FROM hits, unnest(certifications) code GROUP BY code
            """, built.Args, cancellationToken: ct))).ToList();

        IReadOnlyList<FacetCount> Of(string kind) => [.. rows.Where(r => r.Kind == kind)
            .OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new FacetCount { Code = r.Code, Count = r.Count })];

        return new SearchFacets
        {
            Total = rows.Single(r => r.Kind == "total").Count,
            ProcessFamilies = Of("process"),
            Prefectures = Of("prefecture"),
            Certifications = Of("certification"),
        };
    }

    /// <summary>The ORDER BY of each sort, its sort value, and the keyset condition that continues after a cursor.</summary>
    private sealed record Order(string Value, string By, string After)
    {
        public const string Distance = "CASE WHEN @lat::float8 IS NULL THEN NULL ELSE ST_Distance(s.location, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, false) END";

        // relevance: the query's expression (SupplierSearch) — names holding the words first, verified sites ahead.
        public static Order For(SupplierSort sort, string relevance) => sort switch
        {
            SupplierSort.Distance => new(Distance, "distance_m, s.id", $"({Distance}, s.id) > (@kValue::float8, @kId)"),
            SupplierSort.Relevance => new(relevance, "sort_value DESC, s.id", $"({relevance} < @kValue::float8 OR ({relevance} = @kValue::float8 AND s.id > @kId))"),
            _ => new("s.name_ja", "s.name_ja, s.id", "(s.name_ja, s.id) > (@kValue::text, @kId)"),
        };
    }

    /// <summary>A cursor's sort value as the keyset condition compares it: text for names, a number otherwise.</summary>
    private static object? SortValue(SupplierSort sort, string text) =>
        sort == SupplierSort.Name ? text
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private sealed record Key(string Value, Guid Id)
    {
        // Japanese names as they are (three bytes a character), not \uXXXX (six): the cursor stays within its limit.
        private static readonly JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static Key? Parse(string text)
        {
            try
            {
                return JsonSerializer.Deserialize<Key>(text, s_json) is { Value: not null } key ? key : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        public override string ToString() => JsonSerializer.Serialize(this, s_json);
    }

    private sealed class HitRow
    {
        public Guid Id { get; init; }
        public string NameJa { get; init; } = "";
        public string? NameEn { get; init; }
        public string PrefectureCode { get; init; } = "";
        public string? MunicipalityCode { get; init; }
        public double? Lat { get; init; }
        public double? Lon { get; init; }
        public string[] ProcessCodes { get; init; } = [];
        public string[]? Certifications { get; init; }
        public string[]? MaterialCodes { get; init; }
        public string[]? EquipmentTypeCodes { get; init; }
        public bool Verified { get; init; }
        public string? ContractAcceptance { get; init; }
        public int? SpareCapacityPct { get; init; }
        public double? DistanceM { get; init; }
        public object? SortValue { get; init; }
        public DateTimeOffset ConfirmedAt { get; init; }

        public string SortValueText => SortValue switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            null => "",
            var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
        };

        public SupplierSummary ToDto(IReadOnlyList<SupplierSearch.Keyword> keywords) => new()
        {
            Id = Id,
            NameJa = NameJa,
            NameEn = NameEn,
            PrefectureCode = PrefectureCode,
            MunicipalityCode = MunicipalityCode,
            Location = Lat is { } lat && Lon is { } lon ? new GeoLocation { Lat = lat, Lon = lon } : null,
            // Headlines: the most specific codes (the stored ancestors are for filtering).
            Processes = [.. ProcessCodes.Where(c => !ProcessCodes.Any(o => o.StartsWith(c + ".", StringComparison.Ordinal)))],
            Certifications = Certifications,
            Verified = Verified,
            ContractAcceptance = ContractAcceptance is null ? null : Enum.Parse<ContractAcceptance>(ContractAcceptance, ignoreCase: true),
            SpareCapacityPct = SpareCapacityPct,
            DistanceKm = DistanceM is { } m ? Math.Round(m / 1000, 2) : null,
            ConfirmedAt = ConfirmedAt,
            KeywordHits = KeywordHits(keywords) is { Count: > 0 } hits ? hits : null,
        };

        /// <summary>Which named terms this site has, per word, in what the caller may see of it (the projection is masked).</summary>
        private List<KeywordHit> KeywordHits(IReadOnlyList<SupplierSearch.Keyword> keywords) =>
            [.. keywords.SelectMany(k => k.Terms.Where(Has).Select(t => new KeywordHit { Word = k.Word, Kind = t.Kind, Code = t.Code })).Take(24)];

        private bool Has((TaxonomyKind Kind, string Code) term) => term.Kind switch
        {
            TaxonomyKind.Processes => ProcessCodes.Contains(term.Code),
            TaxonomyKind.Materials => MaterialCodes?.Contains(term.Code) == true,
            TaxonomyKind.EquipmentTypes => EquipmentTypeCodes?.Contains(term.Code) == true,
            TaxonomyKind.Certifications => Certifications?.Contains(term.Code) == true,
            _ => false,
        };
    }
}
