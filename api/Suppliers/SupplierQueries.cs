using System.ComponentModel.DataAnnotations;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Audit;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.Text;
using Registry.Contracts;
using Registry.Contracts.Audit;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Suppliers;

public static partial class SuppliersApi
{
    /// <summary>
    /// Pending (changed since verified) first, then never verified; oldest change first within each. q finds a site by
    /// name; issues=true lists the sites whose facts contradict each other instead, verified ones too (after the rest).
    /// </summary>
    public static async Task<Results<Ok<Page<VerificationQueueItem>>, ProblemHttpResult>> VerificationQueue(
        NpgsqlDataSource db, HttpContext http, TimeProvider clock, [Range(1, Paging.MaxLimit)] int? limit,
        [MaxLength(Paging.MaxCursorLength)] string? cursor, [MaxLength(100)] string? q, bool? issues, CancellationToken ct)
    {
        var (take, after, problem) = Paging.Read(http, limit, cursor);
        if (problem is not null)
        {
            return problem;
        }

        // The key orders pending before unverified before verified (rank 0/1/2), then by updated_at and id.
        var key = QueueKey.Parse(after);
        if (after is not null && key is null)
        {
            return Paging.InvalidCursor(http);
        }

        // A name typed as people type it (やまだ, ﾔﾏﾀﾞ, ヤマダ), compared folded as search compares it.
        var name = string.IsNullOrWhiteSpace(q) ? null
            : "%" + TextFold.Fold(q.Trim()).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<QueueRow>(new CommandDefinition($"""
            SELECT * FROM (
                SELECT s.id, s.name_ja, s.municipality_code, s.status, s.verification, s.updated_at,
                       CASE s.verification WHEN 'pending' THEN 0 WHEN 'unverified' THEN 1 ELSE 2 END AS rank,
                       {DataQuality.IssuesSql} AS issues
                FROM suppliers s
                WHERE s.status <> 'archived' AND (@issuesOnly OR s.verification <> 'verified')
                  AND (@name::text IS NULL OR supplier_name_text(s.name_ja, s.name_en, s.name_kana) LIKE @name)
            ) queue
            WHERE (NOT @issuesOnly OR cardinality(issues) > 0)
              AND (@hasKey = false OR (rank, updated_at, id) > (@rank, @at, @id))
            ORDER BY rank, updated_at, id
            LIMIT @take
            """,
            new
            {
                issuesOnly = issues == true,
                name,
                today = clock.Today(),
                hasKey = key is not null,
                rank = key?.Rank ?? 0,
                at = key?.At ?? DateTimeOffset.UnixEpoch,
                id = key?.Id ?? Guid.Empty,
                take = take + 1,
            },
            cancellationToken: ct))).ToList();
        var page = rows.ToPage(take, r => new QueueKey(r.Rank, r.UpdatedAt, r.Id).ToString(), http);
        return TypedResults.Ok(new Page<VerificationQueueItem> { Items = [.. page.Items.Select(r => r.ToDto())], NextCursor = page.NextCursor });
    }

    public static async Task<Results<Ok<Page<AuditEntry>>, ProblemHttpResult>> History(
        Guid id, NpgsqlDataSource db, HttpContext http, [Range(1, Paging.MaxLimit)] int? limit, [MaxLength(Paging.MaxCursorLength)] string? cursor, CancellationToken ct)
    {
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM suppliers WHERE id = @id)", new { id }, cancellationToken: ct)))
            {
                return Problems.NotFound("supplier");
            }
        }

        return await AuditApi.ListEntries(db, http, actorId: null, action: null, resource: "supplier", resourceId: id.ToString(), from: null, to: null, limit, cursor, ct);
    }

    private sealed record QueueKey(int Rank, DateTimeOffset At, Guid Id)
    {
        public static QueueKey? Parse(string? text) =>
            text?.Split('|') is [var rank, var at, var id]
            && int.TryParse(rank, System.Globalization.CultureInfo.InvariantCulture, out var r)
            && DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, out var a)
            && Guid.TryParse(id, out var i)
                ? new QueueKey(r, a, i)
                : null;

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Rank}|{At.UtcDateTime:O}|{Id}");
    }

    private sealed class QueueRow
    {
        public Guid Id { get; init; }
        public string NameJa { get; init; } = "";
        public string? MunicipalityCode { get; init; }
        public string Status { get; init; } = "";
        public string Verification { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }
        public int Rank { get; init; }
        public string[] Issues { get; init; } = [];

        public VerificationQueueItem ToDto() => new()
        {
            Id = Id,
            NameJa = NameJa,
            MunicipalityCode = MunicipalityCode,
            Status = Enum.Parse<SupplierStatus>(Status, ignoreCase: true),
            Verification = Enum.Parse<VerificationStatus>(Verification, ignoreCase: true),
            UpdatedAt = UpdatedAt,
            Issues = [.. Issues.Select(code => WireNames.TryParse<DataQualityIssue>(code, out var issue) ? issue : throw new InvalidOperationException($"Unknown data-quality code {code}"))],
        };
    }
}
