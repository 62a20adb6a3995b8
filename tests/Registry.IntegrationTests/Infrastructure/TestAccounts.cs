using System.Net.Http.Json;
using Dapper;
using Npgsql;
using Registry.Api.Auth;
using Registry.Contracts.Auth;

namespace Registry.IntegrationTests.Infrastructure;

/// <summary>Accounts made straight in the database, then signed in through the real login endpoint.</summary>
public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    public sealed record SignedIn(Guid Id, string Email, TokenPair Tokens, HttpClient Client) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    public static async Task<(Guid Id, string Email)> CreateAsync(RegistryApiFactory api, string role, Guid[]? supplierIds = null)
    {
        var id = Guid.CreateVersion7();
        var email = $"{role}-{id:N}@test.example";
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.ExecuteAsync("""
            INSERT INTO accounts (id, email, display_name, role, organisation, password_hash)
            VALUES (@id, @email, @name, @role, 'テスト株式会社', @hash);
            INSERT INTO account_suppliers (account_id, supplier_id) SELECT @id, unnest(@supplierIds);
            """,
            new { id, email, name = "Test " + role, role, hash = new Passwords().Hash(Password), supplierIds = supplierIds ?? [] });
        return (id, email);
    }

    public static async Task<SignedIn> SignInAsync(RegistryApiFactory api, string role, Guid[]? supplierIds = null)
    {
        var (id, email) = await CreateAsync(api, role, supplierIds);
        var tokens = await LoginAsync(api, email, Password);
        return new SignedIn(id, email, tokens, api.CreateClientWithToken(tokens.AccessToken));
    }

    public static async Task<TokenPair> LoginAsync(RegistryApiFactory api, string email, string password)
    {
        using var anonymous = api.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync<TokenPair>())!;
    }

    /// <summary>An HTTP client for a new integrator API client with these scopes (made by an admin, token by client credentials).</summary>
    public static async Task<HttpClient> IntegratorAsync(RegistryApiFactory api, string name, params string[] scopes)
    {
        using var admin = await SignInAsync(api, "admin");
        using var response = await admin.Client.PostAsJsonAsync("/api/v1/api-clients", new { name, scopes });
        var client = (await response.ReadJsonAsync<Registry.Contracts.Accounts.ApiClientWithSecret>())!;
        using var anonymous = api.CreateClient();
        using var token = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = client.Client.Id.ToString(),
                ["client_secret"] = client.ClientSecret,
            }),
        });
        return api.CreateClientWithToken((await token.ReadJsonAsync<ClientTokenResponse>())!.AccessToken);
    }
}
