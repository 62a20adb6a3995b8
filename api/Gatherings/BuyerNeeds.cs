using System.Text.Json;
using Dapper;
using Npgsql;
using Registry.Api.Http;
using Registry.Contracts.Matching;

namespace Registry.Api.Gatherings;

/// <summary>
/// What a buyer brought to a gathering, each as a request the matching engine can score: its matching requests as
/// they are now, and the steps it gave at registration as one more. Those steps have no region of their own, so their
/// distance counts from the mean place of the gathering's approved supplier sites (where the gathering's firms are),
/// with even weights for quality, cost and delivery.
/// </summary>
internal static class BuyerNeeds
{
    internal sealed record Need(Guid? RequestId, string? Title, MatchingRequestInput Request);

    private static readonly QcdWeights s_even = new() { Quality = 0.34, Cost = 0.33, Delivery = 0.33 };

    internal static async Task<IReadOnlyList<Need>> OfAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, ParticipantsApi.Row buyer, CancellationToken ct)
    {
        var needs = new List<Need>();
        var requests = await connection.QueryAsync<(Guid Id, string Title, string Body)>(new CommandDefinition(
            "SELECT id, title, body::text FROM matching_requests WHERE id = ANY(@ids) ORDER BY id", new { ids = buyer.RequestIds }, tx, cancellationToken: ct));
        foreach (var (id, title, body) in requests)
        {
            needs.Add(new Need(id, title, JsonSerializer.Deserialize<MatchingRequestInput>(body, StoredJson.Options)!));
        }

        if (buyer.Needs is { } stepsJson && JsonSerializer.Deserialize<List<MatchingStepInput>>(stepsJson, StoredJson.Options) is { Count: > 0 } steps)
        {
            var centre = await connection.QuerySingleAsync<(double? Lat, double? Lon)>(new CommandDefinition("""
                SELECT avg(ST_Y(s.location::geometry)) AS lat, avg(ST_X(s.location::geometry)) AS lon
                FROM gathering_participants p JOIN suppliers s ON s.id = p.supplier_id
                WHERE p.gathering_id = @gathering AND p.status = 'approved' AND s.location IS NOT NULL
                """, new { gathering = buyer.GatheringId }, tx, cancellationToken: ct));
            needs.Add(new Need(null, null, new MatchingRequestInput
            {
                Title = buyer.Name,
                Steps = steps,
                Weights = s_even,
                Region = new MatchingRegion
                {
                    Centre = centre is { Lat: { } lat, Lon: { } lon } ? new Contracts.Suppliers.GeoLocation { Lat = lat, Lon = lon } : null,
                },
            }));
        }

        return needs;
    }
}
