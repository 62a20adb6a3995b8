using Registry.Api.Accounts;
using Registry.Api.Analytics;
using Registry.Api.Audit;
using Registry.Api.Auth;
using Registry.Api.BulkImports;
using Registry.Api.Calendar;
using Registry.Api.Clusters;
using Registry.Api.Data;
using Registry.Api.Demo;
using Registry.Api.Errors;
using Registry.Api.Exports;
using Registry.Api.Feed;
using Registry.Api.Gatherings;
using Registry.Api.Health;
using Registry.Api.Http;
using Registry.Api.Matching;
using Registry.Api.OpenApi;
using Registry.Api.Orders;
using Registry.Api.Places;
using Registry.Api.RateLimits;
using Registry.Api.Search;
using Registry.Api.Spa;
using Registry.Api.Suppliers;
using Registry.Api.Taxonomy;
using Registry.Api.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRegistryJson();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRegistryProblems();
builder.Services.AddRegistryDatabase(builder.Configuration);
builder.Services.AddRegistryAuth(builder.Configuration);
builder.Services.AddRegistryPaging(builder.Configuration);
builder.Services.AddRegistryCors(builder.Configuration);
builder.Services.AddRegistryRateLimiting(builder.Configuration);
builder.Services.AddRegistryOpenApi();
builder.Services.AddTaxonomy();
builder.Services.AddPlaces();
builder.Services.AddCalendar();
builder.Services.AddSuppliers();
builder.Services.AddSearch();
builder.Services.AddMatching();
builder.Services.AddOrders();
builder.Services.AddWebhooks(builder.Configuration, builder.Environment);
builder.Services.AddImports();
builder.Services.AddFeed();
builder.Services.AddDemo();

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
api.MapAudit();
api.MapTaxonomy();
api.MapPlaces();
api.MapCalendar();
api.MapSearch();
api.MapSuppliers();
api.MapMatching();
api.MapOrders();
api.MapClusters();
api.MapGatherings();
api.MapAnalytics();
api.MapFeed();
api.MapExports();
api.MapWebhooks();
api.MapImports();

app.UseRegistrySpa();

// scripts/openapi: --write-openapi <path> writes the contract and exits (no database needed); otherwise serve.
return await app.WriteContractIfAskedAsync() ? 0 : await StartupRefusal.RunAsync(app);

public partial class Program;
