using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;
using Registry.Contracts.Clusters;
using Registry.Contracts.Matching;
using Registry.Contracts.Suppliers;
using Registry.Contracts.Webhooks;
using Registry.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.IntegrationTests;

/// <summary>
/// Property-based fuzzing of the whole contract (issue 14): for every operation of the service's own
/// /swagger/v1/swagger.json, <see cref="InvalidRequests"/> makes requests that are invalid by construction — wrong
/// types, numbers out of range (negative, huge, NaN, Infinity), strings past their maxLength, U+0000 and U+0007,
/// properties and query parameters the contract does not declare, malformed cursors, malformed and unknown path ids,
/// bodies of the wrong content type, empty and non-JSON bodies — and sends a few per operation from each kind of
/// caller (anonymous, member, supplier owning the site, coordinator, admin, integrator with every scope). Properties:
/// no 5xx; every 4xx is an RFC 9457 problem document; every exchange is what the contract declares (the factory's
/// <see cref="ContractCheck"/>); and nothing is written (every table of a database of its own is the same before and
/// after). The seed is fixed, so a run repeats itself; a failure names it, and REGISTRY_FUZZ_SEED=n replays it or
/// tries another.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class FuzzTests(RegistryApiFactory shared, ITestOutputHelper output)
{
    public const string SeedVariable = "REGISTRY_FUZZ_SEED";
    private const int DefaultSeed = 14_09;

    // Requests per operation and caller: about 3,000 in all, 10–20 s on two cores.
    private const int CasesPerCaller = 5;

    // A refused sign-in counts against the address and the account (the login throttle): a write a refusal must make.
    private static readonly HashSet<string> s_mayChange = new(StringComparer.Ordinal) { "login_failures" };

    /// <summary>
    /// Known defects, each to be removed with its fix: cases of this operation ("*": any) whose kind or request text
    /// contains this are generated (so the other cases stay the same) but not sent, and counted in the output.
    /// </summary>
    private static readonly (string Operation, string Contains, string Reason)[] s_skippedKnownDefects =
    [
    ];

    [Fact]
    public async Task InvalidRequestsToEveryOperationFromEveryCallerAreRefusedWithProblemsAndWriteNothing()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } chosen ? int.Parse(chosen, CultureInfo.InvariantCulture) : DefaultSeed;
        output.WriteLine($"Fuzz seed {seed} (replay with {SeedVariable}={seed}).");
        await using var database = await ScratchDatabase.CreateAsync(shared.ConnectionString);
        await using var api = new RegistryApiFactory().With("ConnectionStrings:Registry", database.ConnectionString);
        await api.InitializeAsync();
        var (callers, realValue) = await ArrangeAsync(api);
        using var reader = api.CreateClient();
        var document = JsonNode.Parse(await reader.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
        var requests = new InvalidRequests(document, realValue, new Random(seed));

        var before = await DatabaseState.SettledAsync(api.ConnectionString, TimeSpan.FromSeconds(10));
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        var defects = new List<string>();
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var statuses = new SortedDictionary<int, int>();
        var accepted = new List<string>();
        var sent = 0;
        foreach (var operation in requests.Operations)
        {
            foreach (var (caller, client) in callers)
            {
                for (var i = 0; i < CasesPerCaller; i++)
                {
                    var fuzz = requests.Next(operation);
                    if (KnownDefect(fuzz) is { } reason)
                    {
                        skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
                        continue;
                    }

                    var writes = await DatabaseState.WritesAsync(connection);
                    var (status, defect) = await SendAsync(client, fuzz);
                    sent++;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    if (status is >= 200 and < 300)
                    {
                        accepted.Add($"{status} {operation} as {caller}, {fuzz.Kind}: {fuzz}");
                    }

                    if (await DatabaseState.WritesAsync(connection) != writes)
                    {
                        // Also the writes of background work (an import's) that a case let in, attributed to the next cases.
                        defect = (defect is null ? "" : defect + "; ") + "an audit entry or event was written meanwhile";
                    }

                    if (defect is null)
                    {
                        continue;
                    }

                    defects.Add($"{operation} as {caller}, {fuzz.Kind}: {defect}\n    request: {fuzz}");
                }
            }
        }

        var elapsed = clock.Elapsed;
        callers.ForEach(c => c.Client.Dispose());
        var after = await DatabaseState.SettledAsync(api.ConnectionString, TimeSpan.FromSeconds(10));
        foreach (var (table, state) in after.Where(t => !s_mayChange.Contains(t.Key) && before.GetValueOrDefault(t.Key) != t.Value))
        {
            defects.Add($"table {table} changed: {before.GetValueOrDefault(table) ?? "absent"} → {state}");
        }

        output.WriteLine($"{sent} requests to {requests.Operations.Count} operations in {elapsed.TotalSeconds:F1} s; statuses: "
            + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        // Not a property (the tables say whether anything was written), but worth a look: invalid requests answered with
        // success, such as reads that do not check a parameter's declared bounds. Status 0: the contract check failed.
        accepted.ForEach(a => output.WriteLine("accepted: " + a));
        foreach (var (reason, count) in skipped)
        {
            output.WriteLine($"skipped {count} case(s) of a known defect: {reason}");
        }

        Assert.True(defects.Count == 0,
            $"Fuzz seed {seed} (replay with {SeedVariable}={seed}): {defects.Count} defect(s)\n" + string.Join("\n", defects.Take(60)));
    }

    private static string? KnownDefect(FuzzCase fuzz) =>
        s_skippedKnownDefects.FirstOrDefault(k => (k.Operation == "*" || k.Operation == fuzz.Operation.ToString())
            && $"{fuzz.Kind}: {fuzz}".Contains(k.Contains, StringComparison.Ordinal)).Reason;

    /// <summary>The status, and what in the answer breaks a property (null when none).</summary>
    private static async Task<(int Status, string? Defect)> SendAsync(HttpClient client, FuzzCase fuzz)
    {
        HttpResponseMessage response;
        try
        {
            using var request = fuzz.ToRequest();
            response = await client.SendAsync(request);
        }
        catch (Xunit.Sdk.XunitException contract)
        {
            // ContractCheck fails the exchange: the message says what was not declared.
            return (0, contract.Message.Replace("\n", "\n    ", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
        {
            return (0, $"the request failed: {ex.GetType().Name}: {ex.Message}");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            var shown = body.Length <= 400 ? body : body[..400] + "…";
            if (status >= 500)
            {
                return (status, $"answered {status}: {shown}");
            }

            if (status is >= 400 and < 500 && !IsProblem(response, body, status))
            {
                return (status, $"answered {status} without a problem document ({response.Content.Headers.ContentType}): {shown}");
            }

            return (status, null);
        }
    }

    private static bool IsProblem(HttpResponseMessage response, string body, int status)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("status", out var value) && value.TryGetInt32(out var number) && number == status
                && problem.RootElement.TryGetProperty("title", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Callers of every kind, and real ids for the path parameters, so that requests reach validation.</summary>
    private static async Task<(List<(string Name, HttpClient Client)> Callers, Func<string, string, string?> RealValue)> ArrangeAsync(RegistryApiFactory api)
    {
        var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var member = await TestAccounts.SignInAsync(api, "member");
        var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var admin = await TestAccounts.SignInAsync(api, "admin");
        var integrator = await TestAccounts.IntegratorAsync(api, "ファズ工業会", "suppliers:import", "feed:read", "webhooks:manage");

        var site = await Sites.PublishedAsync(supplier.Client, Sites.Input("ファズ精工"));
        var capability = (await supplier.Client.GetFromJsonAsync<List<Capability>>($"/api/v1/suppliers/{site.Id}/capabilities", Json.Options))![0];
        var equipment = await Sites.AddAsync<Equipment>(supplier.Client, site.Id, "equipment", new EquipmentInput { TypeCode = "machining_centre.5axis", SpecValue = 600 });
        var certification = await Sites.AddAsync<Certification>(supplier.Client, site.Id, "certifications", new CertificationInput { Code = "iso_9001", Number = "ISO-0001" });
        var staff = await Sites.AddAsync<StaffQualification>(supplier.Client, site.Id, "staff", new StaffInput { QualificationCode = "welding.jis_z3801", Headcount = 2 });

        var region = new MatchingRegion { Centre = Sites.Toyota, RadiusKm = 30, Prefectures = ["23"] };
        var cluster = await CreatedAsync<Cluster>(coordinator.Client, "/api/v1/clusters", new ClusterInput
        {
            Code = "fuzz-cluster",
            NameJa = "ファズクラスター",
            Sector = ClusterSector.AutomotiveParts,
            Region = region,
            ValueChain = ["machining.turning"],
        });
        var theme = await CreatedAsync<Theme>(coordinator.Client, $"/api/v1/clusters/{cluster.Id}/themes",
            new ThemeInput { Kind = ThemeKind.JointOrder, Title = "ファズ共同受注", Steps = ["machining.turning"] });
        var request = await CreatedAsync<MatchingRequest>(member.Client, "/api/v1/matching-requests", new MatchingRequestInput
        {
            Title = "ファズ部品",
            Steps = [new MatchingStepInput { ProcessCode = "machining.milling.5axis" }],
            Weights = new QcdWeights { Quality = 0.4, Cost = 0.3, Delivery = 0.3 },
            Region = region,
        });
        // Subscribed to an event nothing here makes, so the dispatcher has nothing to deliver while the fuzz runs.
        var webhook = await CreatedAsync<WebhookWithSecret>(integrator, "/api/v1/webhooks",
            new WebhookInput { Url = "http://127.0.0.1:9/hooks", EventTypes = ["supplier.archived"] });
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        var client = await connection.QuerySingleAsync<Guid>("SELECT id FROM api_clients");

        var byResource = new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            ["/api/v1/accounts/"] = member.Id,
            ["/api/v1/api-clients/"] = client,
            ["/api/v1/clusters/"] = cluster.Id,
            ["/api/v1/matching-requests/"] = request.Id,
            ["/api/v1/suppliers/"] = site.Id,
            ["/api/v1/webhooks/"] = webhook.Webhook.Id,
        };
        var byPart = new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            ["/capabilities/"] = capability.Id,
            ["/equipment/"] = equipment.Id,
            ["/certifications/"] = certification.Id,
            ["/staff/"] = staff.Id,
        };
        string? RealValue(string template, string name) => name switch
        {
            "kind" => "processes",
            "themeId" => theme.Id.ToString(),
            "supplierId" => site.Id.ToString(),
            "clusterId" => cluster.Id.ToString(),
            "client_id" => client.ToString(),
            "partId" => byPart.FirstOrDefault(p => template.Contains(p.Key, StringComparison.Ordinal)).Value.ToString(),
            "id" => byResource.Where(r => template.StartsWith(r.Key, StringComparison.Ordinal)).Select(r => r.Value.ToString()).FirstOrDefault(),
            // Deliveries, imports and duplicates: unknown ids only.
            _ => null,
        };

        List<(string, HttpClient)> callers =
        [
            ("anonymous", api.CreateClient()),
            ("member", member.Client),
            ("supplier", supplier.Client),
            ("coordinator", coordinator.Client),
            ("admin", admin.Client),
            ("integrator", integrator),
        ];
        return (callers, RealValue);
    }

    private static async Task<T> CreatedAsync<T>(HttpClient client, string path, object input)
    {
        using var response = await client.PostAsJsonAsync(path, input, Json.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadJsonAsync<T>())!;
    }
}
