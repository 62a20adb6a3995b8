using System.Text.Json;
using System.Text.Json.Serialization;
using Registry.Api.Accounts;
using Registry.Api.Audit;
using Registry.Api.Auth;
using Registry.Api.BulkImports;
using Registry.Api.Clusters;
using Registry.Api.Data;
using Registry.Api.Errors;
using Registry.Api.Exports;
using Registry.Api.Feed;
using Registry.Api.Health;
using Registry.Api.Http;
using Registry.Api.Matching;
using Registry.Api.OpenApi;
using Registry.Api.RateLimits;
using Registry.Api.Search;
using Registry.Api.Spa;
using Registry.Api.Suppliers;
using Registry.Api.Taxonomy;
using Registry.Api.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    // Enum values by name only: a number (role 42) would bind to no member and reach the database.
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    options.SerializerOptions.Converters.Add(new RefusingJsonStrings());
    // One rule for every body: a field the request does not have, or one given twice, is refused (400), not ignored.
    options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    options.SerializerOptions.AllowDuplicateProperties = false;
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRegistryProblems();
builder.Services.AddRegistryDatabase(builder.Configuration);
builder.Services.AddRegistryAuth(builder.Configuration);
builder.Services.AddRegistryPaging(builder.Configuration);
builder.Services.AddRegistryCors(builder.Configuration);
builder.Services.AddRegistryRateLimiting(builder.Configuration);
builder.Services.AddRegistryOpenApi();
builder.Services.AddSupplierRegistry();
builder.Services.AddMatching();
builder.Services.AddWebhooks(builder.Configuration, builder.Environment);
builder.Services.AddSingleton<ImportRunner>();
builder.Services.AddHostedService<ImportWorker>();
builder.Services.AddSingleton<FeedRetention>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<FeedRetention>());

var app = builder.Build();

app.UseBrowserHeaders();
app.UseRegistryProblems();
app.UseRegistryOpenApi();
app.UseCors();
app.UseAuthentication();
app.UsePrivateCaching();
app.UseRegistryRateLimiting();
app.UseAuthorization();
app.UseControlCharacterGuard();
app.UseIdempotencyKeys();

// Every feature maps on one group, so that what the contract declares for parameters is enforced for all of them.
var api = app.MapGroup("").ValidateParameters();
api.MapHealth();
api.MapAuth();
api.MapAccounts();
api.MapApiClients();
api.MapAudit();
api.MapTaxonomy();
api.MapSearch();
api.MapSuppliers();
api.MapMatching();
api.MapMatchingRequests();
api.MapMatchingInvitations();
api.MapClusterEndpoints();
api.MapFeed();
api.MapExports();
api.MapWebhooks();
api.MapImports();

app.UseRegistrySpa();

// scripts/openapi: --write-openapi <path> writes the contract and exits; it needs no database.
if (app.Configuration["write-openapi"] is { Length: > 0 } contractPath)
{
    await app.WriteContractAsync(contractPath);
    return 0;
}

// Resolved before running: after RunAsync returns, the container is disposed.
var refusal = app.Services.GetRequiredService<StartupRefusal>();
await app.RunAsync();
return refusal.ExitCode;

public partial class Program;
