using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Registry.Api.Auth;

namespace Registry.Api.Audit;

/// <summary>
/// DESIGN §7: every write is recorded — who (account, client or the system), what, on which resource, the state
/// before and after with secrets redacted — in the same transaction as the write itself.
/// </summary>
public static class AuditLog
{
    private static readonly string[] s_secretNames = ["password", "secret", "token", "hash"];

    public static Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, ClaimsPrincipal actor, string action,
        string resource, object resourceId, object? before, object? after, CancellationToken ct)
    {
        var (kind, id) = Actor(actor);
        return RecordAsync(connection, tx, kind, id, action, resource, resourceId, before, after, ct);
    }

    public static Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string actorKind, string actorId, string action,
        string resource, object resourceId, object? before, object? after, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_log (id, actor_kind, actor_id, action, resource, resource_id, before, after, trace_id)
            VALUES (@id, @actorKind, @actorId, @action, @resource, @resourceId, @before::jsonb, @after::jsonb, @traceId)
            """,
            new
            {
                id = Guid.CreateVersion7(),
                actorKind,
                actorId,
                action,
                resource,
                resourceId = Convert.ToString(resourceId, System.Globalization.CultureInfo.InvariantCulture),
                before = Redacted(before),
                after = Redacted(after),
                traceId = Activity.Current?.TraceId.ToString(),
            },
            tx,
            cancellationToken: ct));

    /// <summary>An API client, else an order's response link, else a person (for an external OIDC provider the subject is the provider's), else the system.</summary>
    public static (string Kind, string Id) Actor(ClaimsPrincipal user) =>
        user.ClientId() is { } client ? ("client", client.ToString())
        : user.FindFirst(Claims.OrderLink)?.Value is { } link ? ("link", link)
        : user.Identity?.IsAuthenticated == true && user.FindFirst(Claims.Subject)?.Value is { } subject ? ("account", subject)
        : ("system", "anonymous");

    /// <summary>The JSON of a state with every secret-looking member replaced, so the log never holds a credential.</summary>
    public static string? Redacted(object? state)
    {
        if (state is null)
        {
            return null;
        }

        var node = JsonSerializer.SerializeToNode(state, state.GetType(), Http.StoredJson.Options);
        Redact(node);
        return node?.ToJsonString();
    }

    private static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (s_secretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase)))
                    {
                        obj[name] = "[redacted]";
                    }
                    else
                    {
                        Redact(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Redact(item);
                }

                break;
        }
    }
}
