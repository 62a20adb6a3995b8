using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using Registry.Api.Http;

namespace Registry.Api.Webhooks;

public sealed class WebhookOptions
{
    /// <summary>Whether this process fans events out and delivers them (any number of processes may).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Plain http to loopback addresses: development and tests only.</summary>
    public bool AllowLoopback { get; init; }

    public int PollMilliseconds { get; init; } = 500;

    /// <summary>The first wait after a failed attempt; it doubles with each one (WebhookSchedule).</summary>
    public double RetryBaseSeconds { get; init; } = 30;

    /// <summary>Attempts in a series before a delivery is parked.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>The first of the quick retries within one attempt (WebhookSender).</summary>
    public int QuickRetryMilliseconds { get; init; } = 1000;

    /// <summary>How long an endpoint's circuit stays open after repeated failures.</summary>
    public double BreakSeconds { get; init; } = 60;
}

/// <summary>
/// The webhook worker (DESIGN §8). Fans committed events out into deliveries — one process at a time, holding the
/// fan-out row — and sends due deliveries, claimed with FOR UPDATE SKIP LOCKED and a lease so that several processes
/// never send the same message at once, and a process that dies leaves it to another when the lease ends. Sending
/// happens outside any transaction: a slow receiver holds nothing the API needs. Payloads are thin (type, time, the
/// resource, the feed cursor): the feed stays the source of truth.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceProvider services, WebhookSender sender, IDataProtectionProvider protection, WebhookOptions options, TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    // Resolved on first use, so that a host that never touches the database (writing openapi.yaml) needs none.
    private NpgsqlDataSource Db => services.GetRequiredService<NpgsqlDataSource>();

    public const string SecretPurpose = "Registry.Webhooks.Secret";

    private readonly IDataProtector _secrets = protection.CreateProtector(SecretPurpose);

    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(60);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Enabled
        ? Data.WorkerRounds.RunAsync(services, "Webhook dispatch", TimeSpan.FromMilliseconds(options.PollMilliseconds),
            async ct => await FanOutAsync(ct) | await DeliverDueAsync(ct), logger, stoppingToken)
        : Task.CompletedTask;

    /// <summary>Turns the next committed events into deliveries for the subscriptions they match; true if there were any.</summary>
    public async Task<bool> FanOutAsync(CancellationToken ct)
    {
        await using var connection = await Db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var position = await connection.QuerySingleOrDefaultAsync<(string Txid, long EventId)?>(new CommandDefinition(
            "SELECT txid::text, event_id FROM webhook_fanout FOR UPDATE SKIP LOCKED", transaction: tx, cancellationToken: ct));
        if (position is not { } at)
        {
            return false; // another process is at it
        }

        var events = (await connection.QueryAsync<(long Id, string Txid)>(new CommandDefinition("""
            SELECT id, txid::text FROM events
            WHERE (txid, id) > (@txid::xid8, @eventId) AND txid < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY events.txid, events.id LIMIT 500
            """, new { txid = at.Txid, eventId = at.EventId }, tx, cancellationToken: ct))).ToList();
        if (events.Count == 0)
        {
            return false;
        }

        // Only events members may read go out, and an order's events to the clients of its site (orders:read, bound to
        // the site: a firm's own system); a subscription gets what it follows from its creation on.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_deliveries (id, subscription_id, event_id, next_attempt_at)
            SELECT uuid_v7(), s.id, e.id, now()
            FROM events e JOIN webhook_subscriptions s ON s.active AND s.created_at <= e.occurred_at
            WHERE e.id = ANY(@ids)
              AND (e.visibility IN ('public', 'members')
                   OR (e.visibility = 'parties' AND EXISTS (
                       SELECT 1 FROM api_clients c JOIN api_client_sites cs ON cs.client_id = c.id
                       WHERE c.id = s.client_id AND c.revoked_at IS NULL AND 'orders:read' = ANY(c.scopes) AND cs.supplier_id = e.supplier_id)))
              AND EXISTS (SELECT 1 FROM unnest(s.event_types) t
                          WHERE t = '*' OR t = e.type OR (t LIKE '%.*' AND e.type LIKE left(t, -1) || '%'))
              AND (cardinality(s.supplier_ids) = 0 OR e.supplier_id = ANY(s.supplier_ids))
              AND (s.cluster_id IS NULL OR e.resource_id = s.cluster_id
                   OR EXISTS (SELECT 1 FROM cluster_members m WHERE m.cluster_id = s.cluster_id AND m.supplier_id = e.supplier_id AND m.status = 'member'))
            ON CONFLICT (subscription_id, event_id) DO NOTHING
            """, new { ids = events.Select(e => e.Id).ToArray() }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_fanout SET txid = @txid::xid8, event_id = @eventId",
            new { txid = events[^1].Txid, eventId = events[^1].Id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Claims the due deliveries (none that another process holds) and sends them at once; true if there were any.</summary>
    public async Task<bool> DeliverDueAsync(CancellationToken ct)
    {
        List<Claimed> claimed;
        await using (var connection = await Db.OpenConnectionAsync(ct))
        {
            claimed = [.. await connection.QueryAsync<Claimed>(new CommandDefinition("""
                UPDATE webhook_deliveries d SET lease_until = now() + @lease, attempts = d.attempts + 1
                FROM webhook_subscriptions s, events e
                WHERE d.id IN (SELECT id FROM webhook_deliveries
                               WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
                               ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED)
                  AND s.id = d.subscription_id AND e.id = d.event_id
                RETURNING d.id, d.attempts, s.url, s.secret_protected, e.type, e.resource, e.resource_id, e.supplier_id, e.version,
                          e.changed, e.occurred_at, e.txid::text AS txid, e.id AS event_id
                """, new { lease = s_lease }, cancellationToken: ct))];
        }

        if (claimed.Count == 0)
        {
            return false;
        }

        await Task.WhenAll(claimed.Select(c => DeliverAsync(c, ct)));
        return true;
    }

    private async Task DeliverAsync(Claimed delivery, CancellationToken ct)
    {
        var (id, body) = Message(delivery);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        WebhookSender.Outcome outcome;
        TimeSpan? wait;
        if (Secret(delivery) is { } secret)
        {
            var headers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["webhook-id"] = id,
                ["webhook-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
                ["webhook-signature"] = WebhookSignature.Sign(secret, id, timestamp, body),
            };
            outcome = await sender.SendAsync(new Uri(delivery.Url), headers, body, ct);
            wait = outcome.Delivered ? null : WebhookSchedule.After(delivery.Attempts, Random.Shared.NextDouble(), options);
        }
        else
        {
            // Nothing can be signed until the keys are back or the subscription is made again: parked, redeliverable.
            outcome = new WebhookSender.Outcome(false, null, UnreadableSecret, TimeSpan.Zero);
            wait = null;
        }

        await using var connection = await Db.OpenConnectionAsync(CancellationToken.None);
        await using var tx = await connection.BeginTransactionAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_attempts (delivery_id, status_code, error, duration_ms) VALUES (@id, @status, @error, @ms)
            """, new { id = delivery.Id, status = outcome.Status, error = outcome.Error, ms = (int)outcome.Duration.TotalMilliseconds }, tx));
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_deliveries SET lease_until = NULL, last_status = @status, last_error = @error,
                status = CASE WHEN @delivered THEN 'delivered' WHEN @wait::interval IS NULL THEN 'parked' ELSE 'pending' END,
                delivered_at = CASE WHEN @delivered THEN now() END,
                next_attempt_at = CASE WHEN @wait::interval IS NULL THEN next_attempt_at ELSE now() + @wait::interval END
            WHERE id = @id
            """, new { id = delivery.Id, status = outcome.Status, error = outcome.Error, delivered = outcome.Delivered, wait }, tx));
        await tx.CommitAsync(CancellationToken.None);
        if (!outcome.Delivered && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Webhook {Delivery} attempt {Attempt} failed: {Status} {Error}", delivery.Id, delivery.Attempts, outcome.Status, outcome.Error);
        }
    }

    public const string UnreadableSecret =
        "the subscription's secret cannot be decrypted with this service's Data Protection keys; restore the keys or create the subscription again";

    /// <summary>The subscription's signing secret, or null when the keys it was protected with are gone.</summary>
    private string? Secret(Claimed delivery)
    {
        try
        {
            return _secrets.Unprotect(delivery.SecretProtected);
        }
        catch (CryptographicException ex)
        {
            logger.LogError(ex, "Webhook delivery {Delivery} parked: {Reason}", delivery.Id, UnreadableSecret);
            return null;
        }
    }

    /// <summary>The message id (the same for every attempt) and the thin JSON body of a delivery.</summary>
    public static (string Id, string Body) Message(Claimed delivery) =>
        ($"msg_{delivery.Id:N}", JsonSerializer.Serialize(new
        {
            type = delivery.Type,
            timestamp = delivery.OccurredAt,
            data = new
            {
                resource = delivery.Resource,
                resourceId = delivery.ResourceId,
                supplierId = delivery.SupplierId,
                version = delivery.Version,
                changed = delivery.Changed,
                cursor = $"{delivery.Txid}.{delivery.EventId}",
            },
        }, StoredJson.Options));

    public sealed class Claimed
    {
        public Guid Id { get; init; }
        public int Attempts { get; init; }
        public string Url { get; init; } = "";
        public string SecretProtected { get; init; } = "";
        public string Type { get; init; } = "";
        public string Resource { get; init; } = "";
        public Guid ResourceId { get; init; }
        public Guid? SupplierId { get; init; }
        public int? Version { get; init; }
        public string[] Changed { get; init; } = [];
        public DateTimeOffset OccurredAt { get; init; }
        public string Txid { get; init; } = "";
        public long EventId { get; init; }
    }
}
