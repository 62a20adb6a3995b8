using System.Buffers;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.IO.Pipelines;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Registry.Api.Disclosure;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.Places;
using Registry.Api.Search;
using Registry.Api.Text;
using Registry.Contracts.Exports;

namespace Registry.Api.Exports;

/// <summary>
/// Exports of published sites (DESIGN §8) as NDJSON, CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting, so that Excel in
/// Japan opens it) or GeoJSON (RFC 7946), with the search filters and the caller's disclosure level. Rows are written
/// as the database streams them — one snapshot, nothing held in memory — and the Feed-Cursor header says where the
/// change feed continues after that snapshot.
/// </summary>
public static class ExportsApi
{
    public const string FeedCursorHeader = "Feed-Cursor";

    private enum Kind { Text, FreeText, Number, Integer, Codes, Flag, Id, Time }

    private sealed record Column(string Name, string Sql, Kind Kind);

    // One list for the SQL, the JSON members and the CSV columns, in this order (SupplierExportRow).
    private static readonly Column[] s_columns =
    [
        new("id", "s.id", Kind.Id),
        new("nameJa", "s.name_ja", Kind.FreeText),
        new("nameEn", "s.name_en", Kind.FreeText),
        new("nameKana", "s.name_kana", Kind.FreeText),
        new("corporateNumber", "s.corporate_number", Kind.Text),
        new("prefectureCode", "s.prefecture_code", Kind.Text),
        new("municipalityCode", "s.municipality_code", Kind.Text),
        new("address", "s.address", Kind.FreeText),
        new("lat", "ST_Y(s.location::geometry)", Kind.Number),
        new("lon", "ST_X(s.location::geometry)", Kind.Number),
        new("employees", "s.employees", Kind.Integer),
        new("foundedYear", "s.founded_year", Kind.Integer),
        new("website", "s.website", Kind.FreeText),
        new("processes", "s.process_codes", Kind.Codes),
        new("materials", Sections.Capabilities.Materials, Kind.Codes),
        new("equipmentTypes", Sections.Equipment.Types, Kind.Codes),
        new("certifications", Sections.Certifications.Codes, Kind.Codes),
        new("qualifications", Sections.Staff.Qualifications, Kind.Codes),
        new("contractAcceptance", Sections.Capacity.ContractAcceptance, Kind.Text),
        new("spareCapacityPct", Sections.Capacity.SpareNow, Kind.Integer),
        new("contactName", Sections.Contact.Name, Kind.FreeText),
        new("contactEmail", Sections.Contact.Email, Kind.FreeText),
        new("contactPhone", Sections.Contact.Phone, Kind.FreeText),
        new("edi", "s.edi", Kind.Flag),
        new("onlineOrdering", "s.online_ordering", Kind.Flag),
        new("faxOnly", "s.fax_only", Kind.Flag),
        new("verified", "s.verification = 'verified'", Kind.Flag),
        new("version", Viewer.VersionSql, Kind.Integer),
        new("updatedAt", Viewer.UpdatedAtSql, Kind.Time),
    ];

    /// <summary>The export row as one jsonb_build_object over suppliers <c>s</c>, at @level and @today: what import events carry.</summary>
    public static string JsonObjectSql() =>
        "jsonb_build_object(" + string.Join(", ", s_columns.Select(c => $"'{c.Name}', {c.Sql}")) + ")";

    private static readonly Dictionary<string, string> s_formats = new(StringComparer.Ordinal)
    {
        ["ndjson"] = "application/x-ndjson",
        ["csv"] = "text/csv",
        ["geojson"] = "application/geo+json",
    };

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/exports/suppliers", ExportAsync).WithTags("Integration").RejectUnknownQueryParameters()
            .WithName("exportSuppliers")
            .WithSummary("All published sites matching the search filters, streamed as NDJSON, CSV or GeoJSON")
            .Produces<SupplierExportRow>(StatusCodes.Status200OK, "application/x-ndjson", "text/csv", "application/geo+json")
            .WithMediaTypeSchema<SupplierGeoJson>(StatusCodes.Status200OK, "application/geo+json")
            .ProducesProblemDocument(StatusCodes.Status406NotAcceptable)
            .ProducesProblemDocument(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync(
        [AsParameters] SupplierFilter filter,
        [Description("ndjson, csv or geojson; without it the Accept header decides (NDJSON by default).")]
        [FromQuery(Name = "format"), MaxLength(10)] string? format,
        ClaimsPrincipal user, NpgsqlDataSource db, SupplierSearch search, PlaceCentres centres, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (Validation.Errors(filter) is { Count: > 0 } invalid)
        {
            return Problems.Validation(invalid);
        }

        var (near, nearProblem) = await PlacesApi.NearAsync(filter.Near, centres, user, http, ct);
        if (nearProblem is not null)
        {
            return nearProblem;
        }

        if (near is not null)
        {
            filter = filter with { Lat = near.Lat, Lon = near.Lon };
        }

        string? contentType;
        if (format is not null)
        {
            if (!s_formats.TryGetValue(format, out contentType))
            {
                return Problems.Validation("format", "format is ndjson, csv or geojson.");
            }
        }
        else if ((contentType = Negotiate(http.Request)) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, type: ProblemTypes.NotAcceptable, title: "Not acceptable",
                detail: "Exports are application/x-ndjson, text/csv or application/geo+json.");
        }

        var built = search.Build(filter, Viewer.Level(user), clock.Today());
        if (built.Problem is not null)
        {
            return Problems.Validation(built.ProblemField!, built.Problem);
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        // One snapshot for the rows and the feed position: whatever commits later has a transaction id at or above the
        // snapshot's xmin, so the feed after this cursor brings it (and maybe again a change already exported).
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var cursor = await connection.ExecuteScalarAsync<string>(new CommandDefinition("""
            SELECT coalesce((SELECT txid::text || '.' || id FROM events WHERE txid < pg_snapshot_xmin(pg_current_snapshot())
                             ORDER BY events.txid DESC, events.id DESC LIMIT 1), '0.0')
            """, transaction: tx, cancellationToken: ct));
        var sql = $"SELECT {string.Join(", ", s_columns.Select(c => c.Sql))} FROM suppliers s WHERE {built.Where} ORDER BY s.id";
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, built.Args, tx, cancellationToken: ct), CommandBehavior.SequentialAccess);

        var response = http.Response;
        response.ContentType = contentType == "text/csv" ? "text/csv; charset=utf-8; header=present" : contentType;
        response.Headers[FeedCursorHeader] = cursor;
        response.Headers.ContentDisposition = $"attachment; filename=\"suppliers.{s_formats.Single(f => f.Value == contentType).Key}\"";
        var body = response.BodyWriter;
        switch (contentType)
        {
            case "text/csv":
                await WriteCsvAsync(reader, body, ct);
                break;
            case "application/geo+json":
                await WriteGeoJsonAsync(reader, body, ct);
                break;
            default:
                await WriteNdjsonAsync(reader, body, ct);
                break;
        }

        await body.FlushAsync(ct);
        return TypedResults.Empty;
    }

    /// <summary>The first export type the Accept header takes (any, or none given: NDJSON); null when it takes none.</summary>
    private static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return s_formats["ndjson"];
        }

        foreach (var type in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            var name = type.MediaType.Value ?? "";
            if (name is "*/*" or "application/*")
            {
                return s_formats["ndjson"];
            }

            if (s_formats.Values.FirstOrDefault(f => f.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                return known;
            }
        }

        return null;
    }

    // Rows are flushed to the client in batches: memory stays at one batch whatever the number of rows.
    private const int FlushEvery = 256;

    private static readonly JsonWriterOptions s_json = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task WriteNdjsonAsync(DbDataReader reader, PipeWriter body, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body, s_json);
        for (var n = 1; await reader.ReadAsync(ct); n++)
        {
            json.Reset(body);
            WriteObject(json, ReadValues(reader));
            json.Flush();
            body.Write("\n"u8);
            if (n % FlushEvery == 0)
            {
                await body.FlushAsync(ct);
            }
        }
    }

    private static async Task WriteGeoJsonAsync(DbDataReader reader, PipeWriter body, CancellationToken ct)
    {
        var (lat, lon) = (Array.FindIndex(s_columns, c => c.Name == "lat"), Array.FindIndex(s_columns, c => c.Name == "lon"));
        await using var json = new Utf8JsonWriter(body, s_json);
        body.Write("""{"type":"FeatureCollection","features":["""u8);
        for (var n = 1; await reader.ReadAsync(ct); n++)
        {
            if (n > 1)
            {
                body.Write(","u8);
            }

            // Sequential access reads each column once, in order: take the properties first, then build the feature.
            var properties = ReadValues(reader);
            json.Reset(body);
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", (Guid)properties[0]!);
            if (properties[lat] is double y && properties[lon] is double x)
            {
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(x);
                json.WriteNumberValue(y);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("geometry");
            }

            json.WritePropertyName("properties");
            WriteObject(json, properties);
            json.WriteEndObject();
            json.Flush();
            if (n % FlushEvery == 0)
            {
                await body.FlushAsync(ct);
            }
        }

        body.Write("]}"u8);
    }

    private static async Task WriteCsvAsync(DbDataReader reader, PipeWriter body, CancellationToken ct)
    {
        var line = new StringBuilder();
        line.Append('\uFEFF').AppendJoin(',', s_columns.Select(c => c.Name)).Append("\r\n");
        for (var n = 1; await reader.ReadAsync(ct); n++)
        {
            var values = ReadValues(reader);
            for (var i = 0; i < s_columns.Length; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                line.Append(CsvCell(s_columns[i].Kind, values[i]));
            }

            line.Append("\r\n");
            if (n % FlushEvery == 0)
            {
                Write(body, line);
                await body.FlushAsync(ct);
            }
        }

        Write(body, line);
    }

    private static void Write(PipeWriter body, StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            Encoding.UTF8.GetBytes(chunk.Span, body);
        }

        text.Clear();
    }

    private static string CsvCell(Kind kind, object? value) => value switch
    {
        null => "",
        string[] codes => string.Join(' ', codes),
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        Guid id => id.ToString(),
        _ => Csv.Cell(Convert.ToString(value, CultureInfo.InvariantCulture), kind == Kind.FreeText),
    };

    private static object?[] ReadValues(DbDataReader reader)
    {
        var values = new object?[s_columns.Length];
        for (var i = 0; i < s_columns.Length; i++)
        {
            values[i] = reader.IsDBNull(i) ? null : s_columns[i].Kind switch
            {
                Kind.Id => reader.GetGuid(i),
                Kind.Number => reader.GetDouble(i),
                Kind.Integer => reader.GetInt32(i),
                Kind.Flag => reader.GetBoolean(i),
                Kind.Codes => reader.GetFieldValue<string[]>(i),
                Kind.Time => reader.GetDateTime(i),
                _ => reader.GetString(i),
            };
        }

        return values;
    }

    private static void WriteObject(Utf8JsonWriter json, object?[] values)
    {
        json.WriteStartObject();
        for (var i = 0; i < s_columns.Length; i++)
        {
            var name = s_columns[i].Name;
            switch (values[i])
            {
                case null:
                    json.WriteNull(name);
                    break;
                case string[] codes:
                    json.WriteStartArray(name);
                    foreach (var code in codes)
                    {
                        json.WriteStringValue(code);
                    }

                    json.WriteEndArray();
                    break;
                case bool flag:
                    json.WriteBoolean(name, flag);
                    break;
                case double number:
                    json.WriteNumber(name, number);
                    break;
                case int number:
                    json.WriteNumber(name, number);
                    break;
                case DateTime time:
                    json.WriteString(name, new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero));
                    break;
                case Guid id:
                    json.WriteString(name, id);
                    break;
                default:
                    json.WriteString(name, (string)values[i]!);
                    break;
            }
        }

        json.WriteEndObject();
    }
}
