using System.Net;
using System.Net.Http.Json;
using Dapper;
using Npgsql;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class IdempotencyTests(RegistryApiFactory api)
{
    [Fact]
    public async Task ARetryWithTheSameKeyReplaysTheFirstAnswerAndCreatesNothingNew()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var name = "冪等 " + Guid.NewGuid().ToString("N")[..8];
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(supplier.Client, key, Sites.Input(name));
        using var retry = await PostAsync(supplier.Client, key, Sites.Input(name));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal((await first.ReadJsonAsync<SupplierProfile>())!.Id, (await retry.ReadJsonAsync<SupplierProfile>())!.Id);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM suppliers WHERE name_ja = @name", new { name }));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBodyIs422()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(supplier.Client, key, Sites.Input("一つ目"));
        using var other = await PostAsync(supplier.Client, key, Sites.Input("二つ目"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
    }

    [Fact]
    public async Task KeysBelongToTheirCaller()
    {
        using var one = await TestAccounts.SignInAsync(api, "supplier");
        using var two = await TestAccounts.SignInAsync(api, "supplier");
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(one.Client, key, Sites.Input("呼出元一"));
        using var second = await PostAsync(two.Client, key, Sites.Input("呼出元二"));

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, SupplierInput body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/suppliers") { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
