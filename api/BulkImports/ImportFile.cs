using System.Globalization;
using System.Text.Json;
using Registry.Api.Suppliers;
using Registry.Api.Taxonomy;
using Registry.Api.Text;
using Registry.Contracts.BulkImports;
using Registry.Contracts.Taxonomy;

namespace Registry.Api.BulkImports;

/// <summary>
/// An import file (DESIGN §8): CSV — UTF-8 with or without BOM, or Shift_JIS, which Japanese Excel still writes,
/// detected or named by charset — or a JSON array of objects, with the documented columns (docs/integration.md).
/// Reads it into rows and checks every row, naming the row (1 = the first data row), column and what is wrong. Pure.
/// </summary>
public static class ImportFile
{
    public const int MaxRows = 100_000;

    /// <summary>The columns, in the documented order; the first three are required.</summary>
    public static readonly string[] Columns =
    [
        "externalId", "nameJa", "prefectureCode", "nameEn", "nameKana", "corporateNumber", "postalCode", "municipalityCode", "address",
        "lat", "lon", "employees", "foundedYear", "website", "contactName", "contactEmail", "contactPhone", "contractAcceptance",
        "spareCapacityPct", "processes", "certifications", "publish",
    ];

    /// <summary>CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks) with a header row of column names.</summary>
    public static (List<Dictionary<string, string?>> Rows, string? Problem) ParseCsv(string text)
    {
        var records = Csv.Records(text).ToList();
        if (records.Count == 0)
        {
            return ([], "The file is empty: a header row of column names comes first.");
        }

        var header = records[0].Select(h => h.Trim()).ToList();
        if (header.FirstOrDefault(h => !Columns.Contains(h, StringComparer.Ordinal)) is { } unknown)
        {
            return ([], $"Unknown column '{unknown}'. The columns are: {string.Join(", ", Columns)}.");
        }

        var rows = new List<Dictionary<string, string?>>(records.Count - 1);
        foreach (var record in records.Skip(1).Where(r => !(r.Count == 1 && r[0].Length == 0)))
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < record.Count && record[i].Length > 0 ? record[i] : null;
            }

            rows.Add(row);
        }

        return (rows, null);
    }

    /// <summary>
    /// A JSON array of objects with the same column names, each value a string or null as the contract declares (and
    /// as a CSV cell is): a number, a boolean, a list or an object is refused, never turned into text.
    /// </summary>
    public static (List<Dictionary<string, string?>> Rows, string? Problem) ParseJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return ([], "The JSON is an array of row objects.");
            }

            var rows = new List<Dictionary<string, string?>>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    return ([], $"Row {rows.Count + 1} is not an object.");
                }

                var row = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!Columns.Contains(property.Name, StringComparer.Ordinal))
                    {
                        return ([], $"Unknown column '{property.Name}'. The columns are: {string.Join(", ", Columns)}.");
                    }

                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return ([], $"Row {rows.Count + 1}: '{property.Name}' is a JSON string (or null), as every column is; codes are space-separated.");
                    }

                    row[property.Name] = property.Value.GetString() is { Length: > 0 } s ? s : null;
                }

                rows.Add(row);
            }

            return (rows, null);
        }
        catch (JsonException ex)
        {
            return ([], "The body is not JSON: " + ex.Message);
        }
    }

    /// <summary>Every row checked; the valid ones typed. Row numbers count data rows from 1.</summary>
    public static (List<ImportRow> Rows, List<ImportRowError> Errors) Validate(IReadOnlyList<Dictionary<string, string?>> raw, TaxonomyCatalog taxonomy)
    {
        var rows = new List<ImportRow>(raw.Count);
        var errors = new List<ImportRowError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Count; i++)
        {
            var number = i + 1;
            var values = raw[i];
            var before = errors.Count;
            void Error(string column, string message) => errors.Add(new ImportRowError { Row = number, Column = column, Message = message });
            string? Text(string column, int max)
            {
                var value = values.GetValueOrDefault(column)?.Trim();
                if (value is { Length: > 0 } && value.Length > max)
                {
                    Error(column, $"At most {max} characters.");
                }

                return value is { Length: > 0 } ? value : null;
            }

            double? Number(string column, double min, double max)
            {
                if (Text(column, 40) is not { } text)
                {
                    return null;
                }

                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                {
                    Error(column, $"A number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
                    return null;
                }

                return value;
            }

            string[] Codes(string column, TaxonomyKind kind)
            {
                var codes = (Text(column, 2000) ?? "").Split([' ', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Distinct(StringComparer.Ordinal).ToArray();
                if (codes.FirstOrDefault(c => !taxonomy.Exists(kind, c)) is { } unknown)
                {
                    // Quoted short: the message has a declared length, the code may be a whole cell.
                    Error(column, $"'{(unknown.Length > 60 ? unknown[..60] + "…" : unknown)}' is not a known code (see /api/v1/taxonomy).");
                }

                return codes;
            }

            // The rule of every input (ControlCharacters): PostgreSQL cannot store U+0000, so such a row is refused
            // here, where the dry run reports it, and not by the database halfway through the real run.
            foreach (var column in Columns.Where(c => Http.ControlCharacters.In(values.GetValueOrDefault(c))))
            {
                Error(column, "Contains a control character (such as U+0000); only tab and line breaks are allowed.");
            }

            var externalId = Text("externalId", 100);
            var nameJa = Text("nameJa", 200);
            var prefecture = Text("prefectureCode", 2);
            if (externalId is null)
            {
                Error("externalId", "Required: your own stable id of the site.");
            }
            else if (seen.TryGetValue(externalId, out var first))
            {
                Error("externalId", $"Also in row {first}: each site once per file.");
            }
            else
            {
                seen[externalId] = number;
            }

            if (nameJa is null)
            {
                Error("nameJa", "Required.");
            }

            if (prefecture is null)
            {
                Error("prefectureCode", "Required: 01–47 (JIS X 0401).");
            }
            else if (CodeValidators.PrefectureCode(prefecture) is { } badPrefecture)
            {
                Error("prefectureCode", badPrefecture);
            }

            var corporateNumber = Text("corporateNumber", 13);
            if (corporateNumber is not null && CodeValidators.CorporateNumber(corporateNumber) is { } badNumber)
            {
                Error("corporateNumber", badNumber);
            }

            var postal = Text("postalCode", 8);
            if (postal is not null && CodeValidators.PostalCode(postal) is { } badPostal)
            {
                Error("postalCode", badPostal);
            }

            var municipality = Text("municipalityCode", 6);
            if (municipality is not null && CodeValidators.MunicipalityCode(municipality, prefecture) is { } badMunicipality)
            {
                Error("municipalityCode", badMunicipality);
            }

            var (lat, lon) = (Number("lat", 20, 46), Number("lon", 122, 154));
            if ((lat is null) != (lon is null) && errors.Count == before)
            {
                Error(lat is null ? "lat" : "lon", "lat and lon come together.");
            }

            var acceptance = Text("contractAcceptance", 10);
            if (acceptance is not null && acceptance is not ("open" or "limited" or "closed"))
            {
                Error("contractAcceptance", "open, limited or closed.");
            }

            var publishText = Text("publish", 5)?.ToLowerInvariant();
            if (publishText is not null and not ("true" or "false" or "1" or "0"))
            {
                Error("publish", "true or false.");
            }

            var publish = publishText is "true" or "1";
            var processes = Codes("processes", TaxonomyKind.Processes);
            if (publish && (lat is null || processes.Length == 0))
            {
                Error("publish", "A published site needs lat, lon and at least one process.");
            }

            var row = new ImportRow(number, externalId ?? "", nameJa ?? "", prefecture ?? "", Text("nameEn", 200), Text("nameKana", 200), corporateNumber,
                postal, municipality, Text("address", 300), lat, lon, (int?)Number("employees", 0, 1_000_000), (int?)Number("foundedYear", 1600, 2100),
                Text("website", 300), Text("contactName", 200), Text("contactEmail", 254), Text("contactPhone", 40), acceptance ?? "open",
                (int?)Number("spareCapacityPct", 0, 100), processes, Codes("certifications", TaxonomyKind.Certifications), publish);
            if (errors.Count == before)
            {
                rows.Add(row);
            }
        }

        return (rows, errors);
    }
}

/// <summary>A checked import row.</summary>
public sealed record ImportRow(
    int Row, string ExternalId, string NameJa, string PrefectureCode, string? NameEn, string? NameKana, string? CorporateNumber, string? PostalCode,
    string? MunicipalityCode, string? Address, double? Lat, double? Lon, int? Employees, int? FoundedYear, string? Website, string? ContactName,
    string? ContactEmail, string? ContactPhone, string ContractAcceptance, int? SpareCapacityPct, string[] Processes, string[] Certifications, bool Publish);
