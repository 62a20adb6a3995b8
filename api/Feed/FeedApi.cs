using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Registry.Api.Auth;
using Registry.Api.Disclosure;
using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Contracts.Feed;
using Registry.Contracts.Suppliers;

namespace Registry.Api.Feed;

/// <summary>
/// The change feed (DESIGN §8): outbox events in commit order, resumable from any cursor. Sequence values commit out
/// of order, so a reader keyed by id alone could pass an event whose transaction commits later; the feed orders by
/// (txid, id) and serves only events of transactions older than every one still running
/// (<c>txid &lt; pg_snapshot_xmin(pg_current_snapshot())</c>), so nothing can commit behind a cursor once given out.
/// Anonymous readers get public events; clients with feed:read and members also those for members; coordinators all.
/// </summary>
public static class FeedApi
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/feed", ReadAsync).WithTags("Integration").RejectUnknownQueryParameters()
            .WithName("readFeed").WithSummary("Committed changes in commit order after a cursor")
            .Produces<FeedPage>()
            .ProducesProblemDocument(StatusCodes.Status410Gone);
        return app;
    }

    public static async Task<Results<IResult, ProblemHttpResult>> ReadAsync(
        [Range(1, MaxLimit)] int? limit, [MaxLength(100)] string? cursor, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Problems.Validation("limit", $"limit must be between 1 and {MaxLimit}.");
        }

        if (Position.Parse(cursor) is not { } parsed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidCursor,
                title: "Invalid cursor", detail: "The cursor is not one this feed gave out. Start again without a cursor.");
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        // Without a cursor a reader starts at the oldest event kept; a cursor from before that has missed events.
        var oldest = await connection.QuerySingleAsync<Position>(new CommandDefinition(
            "SELECT txid, event_id AS id FROM feed_horizon", cancellationToken: ct));
        var after = cursor is null ? oldest : parsed;
        if (after.IsBefore(oldest))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, type: ProblemTypes.FeedExpired, title: "Cursor expired",
                detail: $"Events before this cursor's time are no longer kept (at least {FeedRetention.MinimumDays} days are). Take an export "
                    + "(GET /api/v1/exports/suppliers) and follow the feed from its Feed-Cursor header.");
        }

        // An order's events go to its parties only: the buyer's account, the site's accounts and bound clients.
        var parties = user.Identity?.IsAuthenticated == true ? await PartyKeys.OfAsync(connection, user, ct) : PartyKeys.None;
        await using var command = new NpgsqlCommand($"""
            SELECT id, txid, type, resource, resource_id, supplier_id, version, changed, payload, occurred_at
            FROM events
            WHERE (txid, id) > ($1::xid8, $2) AND txid < pg_snapshot_xmin(pg_current_snapshot())
              AND {(parties.Sites.Length == 0 && parties.Account is null
                  ? "visibility = ANY($3)"
                  : "(visibility = ANY($3) OR (visibility = 'parties' AND (supplier_id = ANY($5) OR party_account_id = $6)))")}
            ORDER BY events.txid, events.id  -- the column, not the text it is selected as: xid8 order is not text order
            LIMIT $4
            """, connection)
        {
            Parameters =
            {
                new() { Value = after.Txid.ToString(CultureInfo.InvariantCulture) },
                new() { Value = after.Id },
                new() { Value = Visible(user) },
                new() { Value = limit ?? 100 },
            },
        };
        if (parties.Sites.Length > 0 || parties.Account is not null)
        {
            command.Parameters.Add(new() { Value = parties.Sites });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)parties.Account ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        }
        var rows = new List<Row>(limit ?? 100);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add(Row.Read(reader));
            }
        }

        return new PageResult(rows, (rows.Count > 0 ? rows[^1].Position : after).ToString());
    }

    /// <summary>Property names encoded once: a page writes each of them a thousand times.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Resource = JsonEncodedText.Encode("resource");
        public static readonly JsonEncodedText ResourceId = JsonEncodedText.Encode("resourceId");
        public static readonly JsonEncodedText SupplierId = JsonEncodedText.Encode("supplierId");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText Changed = JsonEncodedText.Encode("changed");
        public static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
        public static readonly JsonEncodedText OccurredAt = JsonEncodedText.Encode("occurredAt");
        public static readonly JsonEncodedText Cursor = JsonEncodedText.Encode("cursor");
        public static readonly JsonEncodedText NextCursor = JsonEncodedText.Encode("nextCursor");
    }

    /// <summary>
    /// A FeedPage written as the rows come, each event's stored JSON copied as it is: parsing a thousand payloads only
    /// to write them again was most of a page's time.
    /// </summary>
    private sealed class PageResult(List<Row> rows, string nextCursor) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(httpContext.Response.BodyWriter);
            json.WriteStartObject();
            json.WriteStartArray(Names.Items);
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString(Names.Type, row.Type);
                json.WriteString(Names.Resource, row.Resource);
                json.WriteString(Names.ResourceId, row.ResourceId);
                // Absent when null, as everywhere in the API.
                if (row.SupplierId is { } supplier)
                {
                    json.WriteString(Names.SupplierId, supplier);
                }

                if (row.Version is { } version)
                {
                    json.WriteNumber(Names.Version, version);
                }

                json.WriteStartArray(Names.Changed);
                foreach (var field in row.Changed)
                {
                    json.WriteStringValue(field);
                }

                json.WriteEndArray();
                if (row.Payload is not null)
                {
                    json.WritePropertyName(Names.Data);
                    json.WriteRawValue(row.Payload, skipInputValidation: true);
                }

                json.WriteString(Names.OccurredAt, row.OccurredAt);
                json.WriteString(Names.Cursor, row.Position.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString(Names.NextCursor, nextCursor);
            json.WriteEndObject();
            await json.FlushAsync();
        }
    }

    private static string[] Visible(ClaimsPrincipal user)
    {
        var level = user.IsClient()
            ? user.HasScope(Scopes.FeedRead) ? Viewer.Members : Viewer.Public
            : Viewer.Level(user);
        return [.. Enum.GetValues<DisclosureLevel>().Where(l => Viewer.ToLevel(l) <= level).Select(WireNames.Of)];
    }

    /// <summary>Where a reader is: after the event (txid, id); the start is (0, 0). Written as "txid.id".</summary>
    public readonly record struct Position(ulong Txid, long Id)
    {
        public bool IsBefore(Position other) => Txid < other.Txid || (Txid == other.Txid && Id < other.Id);

        public static Position? Parse(string? cursor)
        {
            if (cursor is null)
            {
                return new Position(0, 0);
            }

            var parts = cursor.Split('.');
            return parts.Length == 2
                && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var txid)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new Position(txid, id)
                : null;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Txid}.{Id}");
    }

    /// <summary>An event as read; its payload stays the UTF-8 bytes stored, to be copied into the page as they are.</summary>
    private sealed record Row(
        Position Position, string Type, string Resource, Guid ResourceId, Guid? SupplierId, int? Version, string[] Changed, byte[]? Payload,
        DateTimeOffset OccurredAt)
    {
        // The whole row is buffered once ReadAsync returns (not SequentialAccess), so its fields are read synchronously.
        public static Row Read(NpgsqlDataReader reader) => new(
            new Position(reader.GetFieldValue<ulong>(1), reader.GetInt64(0)), reader.GetString(2), reader.GetString(3), reader.GetGuid(4),
            reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.GetFieldValue<string[]>(7),
            reader.IsDBNull(8) ? null : ReadPayload(reader), reader.GetFieldValue<DateTimeOffset>(9));

        private static byte[] ReadPayload(NpgsqlDataReader reader)
        {
            using var stream = reader.GetStream(8);
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
    }
}
