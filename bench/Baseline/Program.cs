using Dapper;
using Npgsql;

// The benchmark's yardstick (DESIGN §10): the barest minimal API + Dapper endpoint that reads one supplier row —
// no middleware, no auth, no problem details, no masking. scripts/bench reports the registry's get-by-id
// throughput as a share of this one's, measured in the same run.
DefaultTypeMap.MatchNamesWithUnderscores = true;
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration.GetConnectionString("Registry") ?? throw new InvalidOperationException("ConnectionStrings:Registry is not set");
builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { MaxAutoPrepare = 64, NoResetOnClose = true } }.Build());
var app = builder.Build();
app.MapGet("/suppliers/{id:guid}", async (Guid id, NpgsqlDataSource db) =>
{
    await using var connection = await db.OpenConnectionAsync();
    var row = await connection.QuerySingleOrDefaultAsync<SupplierRow>(
        "SELECT id, name_ja, name_en, prefecture_code, municipality_code, address, employees, description_ja, strengths, status, version FROM suppliers WHERE id = @id",
        new { id });
    return row is null ? Results.NotFound() : Results.Ok(row);
});
app.Run();

internal sealed class SupplierRow
{
    public Guid Id { get; init; }
    public string NameJa { get; init; } = "";
    public string? NameEn { get; init; }
    public string PrefectureCode { get; init; } = "";
    public string? MunicipalityCode { get; init; }
    public string? Address { get; init; }
    public int? Employees { get; init; }
    public string? DescriptionJa { get; init; }
    public string? Strengths { get; init; }
    public string Status { get; init; } = "";
    public int Version { get; init; }
}
