using System.Text.Json;
using System.Text.Json.Serialization;
using Registry.Api.Accounts;
using Registry.Api.Audit;
using Registry.Api.Auth;
using Registry.Api.Data;
using Registry.Api.Errors;
using Registry.Api.Health;
using Registry.Api.Http;
using Registry.Api.OpenApi;
using Registry.Api.RateLimits;
using Registry.Api.Spa;

var builder = WebApplication.CreateBuilder(args);

builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRegistryProblems();
builder.Services.AddRegistryDatabase(builder.Configuration);
builder.Services.AddRegistryAuth(builder.Configuration);
builder.Services.AddRegistryCors(builder.Configuration);
builder.Services.AddRegistryRateLimiting(builder.Configuration);
builder.Services.AddRegistryOpenApi();

var app = builder.Build();

app.UseRegistryProblems();
app.UseRegistryOpenApi();
app.UseCors();
app.UseAuthentication();
app.UseRegistryRateLimiting();
app.UseAuthorization();

app.MapHealth();
app.MapAuth();
app.MapAccounts();
app.MapApiClients();
app.MapAudit();

app.UseRegistrySpa();

// scripts/openapi: --write-openapi <path> writes the contract and exits; it needs no database.
if (app.Configuration["write-openapi"] is { Length: > 0 } contractPath)
{
    await app.WriteContractAsync(contractPath);
    return 0;
}

await app.RunAsync();
return app.Services.GetRequiredService<StartupRefusal>().ExitCode;

public partial class Program;
