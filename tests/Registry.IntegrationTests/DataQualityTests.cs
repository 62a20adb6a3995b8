using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using Registry.Contracts;
using Registry.Contracts.Problems;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// Facts that contradict each other are refused when typed and listed for coordinators when stored (issue 16): more
/// qualified people than employees, spare capacity while closed to contract work.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class DataQualityTests(RegistryApiFactory api)
{
    private readonly string _tag = "q" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task SpareCapacityWhileClosedIsRefusedAndNothingIsWritten()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var input = Sites.Input($"閉鎖 {_tag}") with
        {
            Capacity = new CapacityInput { ContractAcceptance = ContractAcceptance.Closed, SpareCapacityPct = 30 },
        };

        using var refused = await supplier.Client.PostAsJsonAsync("/api/v1/suppliers", input, Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["capacity.spareCapacityPct"], (await refused.ReadJsonAsync<Problem>())!.Errors!.Keys);
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM suppliers WHERE name_ja = @name", new { name = input.NameJa }));
        }

        // Closed with no spare capacity, or limited with some, is consistent.
        await Sites.CreateAsync(supplier.Client, input with { Capacity = new CapacityInput { ContractAcceptance = ContractAcceptance.Closed } });
        await Sites.CreateAsync(supplier.Client, input with { Capacity = new CapacityInput { ContractAcceptance = ContractAcceptance.Limited, SpareCapacityPct = 30 } });
    }

    [Fact]
    public async Task MoreQualifiedPeopleThanEmployeesIsRefusedFromEitherSide()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.CreateAsync(supplier.Client, Sites.Input($"三人 {_tag}") with { Employees = 3 });

        using var tooMany = await supplier.Client.PostAsJsonAsync($"/api/v1/suppliers/{site.Id}/staff", new StaffInput { QualificationCode = "ginou.lathe", Headcount = 20 }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["headcount"], (await tooMany.ReadJsonAsync<Problem>())!.Errors!.Keys);
        Assert.Empty((await supplier.Client.GetFromJsonAsync<List<StaffQualification>>($"/api/v1/suppliers/{site.Id}/staff", Json.Options))!);

        await Sites.AddAsync<StaffQualification>(supplier.Client, site.Id, "staff", new StaffInput { QualificationCode = "ginou.lathe", Headcount = 3 });
        var current = (await supplier.Client.GetFromJsonAsync<SupplierProfile>($"/api/v1/suppliers/{site.Id}", Json.Options))!;
        using var fewer = await Sites.PutAsync(supplier.Client, $"/api/v1/suppliers/{site.Id}", Sites.Input($"三人 {_tag}") with { Employees = 2 }, current.Version);

        Assert.Equal(HttpStatusCode.BadRequest, fewer.StatusCode);
        Assert.Equal(["employees"], (await fewer.ReadJsonAsync<Problem>())!.Errors!.Keys);
        var after = (await supplier.Client.GetFromJsonAsync<SupplierProfile>($"/api/v1/suppliers/{site.Id}", Json.Options))!;
        Assert.Equal((current.Version, 3), (after.Version, after.Employees));
    }

    [Fact]
    public async Task CoordinatorsSeeStoredContradictionsAndFindSitesByName()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var contradictory = await Sites.PublishedAsync(supplier.Client, Sites.Input($"矛盾 {_tag}") with { Employees = 3, NameKana = "ムジュン" });
        var consistent = await Sites.PublishedAsync(supplier.Client, Sites.Input($"整合 {_tag}") with { NameKana = "セイゴウ" });
        using (var verify = await coordinator.Client.PostAsync($"/api/v1/suppliers/{contradictory.Id}/verify", null))
        {
            Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        }

        // Written before the rule (or imported): straight into the tables.
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.ExecuteAsync("""
                INSERT INTO supplier_staff (id, supplier_id, qualification_code, headcount) VALUES (@staff, @id, 'ginou.lathe', 20);
                UPDATE suppliers SET contract_acceptance = 'closed', spare_capacity_pct = 30, spare_capacity_valid_until = current_date + 30 WHERE id = @id;
                """, new { staff = Guid.CreateVersion7(), id = contradictory.Id });
        }

        var issues = await QueueAsync(coordinator.Client, $"issues=true&q={Uri.EscapeDataString(_tag)}");
        var listed = Assert.Single(issues.Items);
        Assert.Equal(contradictory.Id, listed.Id);
        Assert.Equal([DataQualityIssue.StaffAboveEmployees, DataQualityIssue.SpareCapacityWhileClosed], listed.Issues);

        // The queue finds a site by its name as typed: in kana of any width, and the verified one only among issues.
        var byKana = await QueueAsync(coordinator.Client, $"q={Uri.EscapeDataString("ｾｲｺﾞｳ")}&limit=200");
        Assert.Contains(byKana.Items, i => i.Id == consistent.Id && i.Issues.Count == 0);
        Assert.DoesNotContain((await QueueAsync(coordinator.Client, $"q={Uri.EscapeDataString(_tag)}")).Items, i => i.Id == contradictory.Id);

        using var forbidden = await supplier.Client.GetAsync("/api/v1/suppliers/verification-queue?issues=true");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static async Task<Page<VerificationQueueItem>> QueueAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/suppliers/verification-queue?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<Page<VerificationQueueItem>>())!;
    }
}
