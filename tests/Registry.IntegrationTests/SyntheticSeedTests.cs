using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Registry.Api.Data;
using Registry.Api.Suppliers;
using Registry.Api.Taxonomy;
using Registry.IntegrationTests.Infrastructure;
using Registry.Seed;

namespace Registry.IntegrationTests;

/// <summary>
/// The benchmark generator (bench/Seed) writes with COPY what the service otherwise derives on every write: its rows
/// must be the ones the service would have made — valid codes, and derived search columns equal to SupplierStore's.
/// </summary>
public sealed class SyntheticSeedTests
{
    private static readonly DateOnly s_today = new(2026, 11, 29);

    [Fact]
    public async Task CopiedSitesCarryValidCodesAndTheServicesDerivedColumns()
    {
        var test = Environment.GetEnvironmentVariable(RegistryApiFactory.DatabaseVariable);
        Assert.False(string.IsNullOrEmpty(test), $"{RegistryApiFactory.DatabaseVariable} is not set: run scripts/test");
        await using var scratch = await ScratchDatabase.CreateAsync(test);
        await using var db = DatabaseSetup.CreateDataSource(scratch.ConnectionString);
        await new MigrationRunner(db, new RegistryConnectionString(scratch.ConnectionString), NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        var taxonomy = TaxonomyCatalog.LoadEmbedded();
        var generator = new SiteGenerator(7, taxonomy, s_today);
        var sites = Enumerable.Range(0, 60).Select(generator.Next).ToList();

        await new BulkLoader(db, TextWriter.Null).LoadAsync(sites, sites.Count, CancellationToken.None);

        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(sites.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM suppliers"));
        Assert.Equal(sites.Sum(s => s.Parts.Capabilities.Count), await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM supplier_capabilities"));
        foreach (var site in sites)
        {
            Assert.Null(CodeValidators.MunicipalityCode(site.MunicipalityCode, site.PrefectureCode));
            Assert.Null(CodeValidators.PostalCode(site.PostalCode));
        }

        // What the service derives, computed by the service for each copied site, must be what the copy holds.
        var before = await DerivedAsync(connection);
        var store = new SupplierStore(taxonomy, new FixedClock(s_today));
        foreach (var site in sites)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await store.TouchAsync(connection, tx, site.Id, factsChanged: false, CancellationToken.None);
            await tx.CommitAsync();
        }

        Assert.Equal(before, await DerivedAsync(connection));
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT bool_and(ST_Y(location::geometry) BETWEEN 24 AND 46) FROM suppliers"));
    }

    [Fact]
    public async Task SeededOrdersFormRoutesWithTheServicesAmountsAndStatesThatFitTogether()
    {
        var test = Environment.GetEnvironmentVariable(RegistryApiFactory.DatabaseVariable);
        Assert.False(string.IsNullOrEmpty(test), $"{RegistryApiFactory.DatabaseVariable} is not set: run scripts/test");
        await using var scratch = await ScratchDatabase.CreateAsync(test);
        await using var db = DatabaseSetup.CreateDataSource(scratch.ConnectionString);
        await new MigrationRunner(db, new RegistryConnectionString(scratch.ConnectionString), NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        var generator = new SiteGenerator(11, TaxonomyCatalog.LoadEmbedded(), s_today);
        var sites = Enumerable.Range(0, 80).Select(generator.Next).ToList();
        await new BulkLoader(db, TextWriter.Null).LoadAsync(sites, sites.Count, CancellationToken.None);

        await new OrderSeeder(db, TextWriter.Null).SeedAsync(600, CancellationToken.None);

        await using var connection = await db.OpenConnectionAsync();
        Assert.InRange(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM orders"), 400, 800);
        // Amounts as OrderAmounts computes them; legs 1..n with each shipping to the next leg's site; shipped legs have
        // their final shipment; a route is never further along after a leg than before it.
        foreach (var (subtotal, tax, total) in await connection.QueryAsync<(long, long, long)>("SELECT subtotal, tax, total FROM orders"))
        {
            Assert.Equal((subtotal, Registry.Api.Orders.OrderAmounts.TaxOf(subtotal, 10)), (total - tax, tax));
        }

        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            SELECT count(*) FROM order_routes r
            WHERE r.legs <> (SELECT count(*) FROM orders o WHERE o.route_id = r.id)
               OR EXISTS (SELECT 1 FROM orders o JOIN orders n ON n.route_id = o.route_id AND n.leg = o.leg + 1
                          WHERE o.route_id = r.id AND o.ship_to_supplier_id IS DISTINCT FROM n.supplier_id)
            """));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            SELECT count(*) FROM orders o
            WHERE o.fully_shipped <> EXISTS (SELECT 1 FROM order_shipments s WHERE s.order_id = o.id AND s.final)
               OR (o.status IN ('closed', 'received', 'shipped') AND EXISTS (
                   SELECT 1 FROM orders p WHERE p.route_id = o.route_id AND p.leg < o.leg AND NOT p.fully_shipped))
            """));
        var states = (await connection.QueryAsync<string>("SELECT DISTINCT status FROM orders")).ToHashSet();
        Assert.Superset(new HashSet<string> { "closed", "in_progress", "accepted" }, states);
    }

    [Fact]
    public async Task SeededGatheringsPlaceNobodyTwiceInASlotAndRecordOutcomesOnlyOnceHeld()
    {
        var test = Environment.GetEnvironmentVariable(RegistryApiFactory.DatabaseVariable);
        Assert.False(string.IsNullOrEmpty(test), $"{RegistryApiFactory.DatabaseVariable} is not set: run scripts/test");
        await using var scratch = await ScratchDatabase.CreateAsync(test);
        await using var db = DatabaseSetup.CreateDataSource(scratch.ConnectionString);
        await new MigrationRunner(db, new RegistryConnectionString(scratch.ConnectionString), NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        var generator = new SiteGenerator(12, TaxonomyCatalog.LoadEmbedded(), s_today);
        var sites = Enumerable.Range(0, 200).Select(generator.Next).ToList();
        await new BulkLoader(db, TextWriter.Null).LoadAsync(sites, sites.Count, CancellationToken.None);

        await new GatheringSeeder(db, TextWriter.Null).SeedAsync(30, CancellationToken.None);

        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(30, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM gatherings"));
        Assert.Equal(30 * (GatheringSeeder.Buyers + GatheringSeeder.Suppliers), await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM gathering_participants"));
        // Nobody in two meetings of one slot; a meeting only between approved participants; outcomes only once held.
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            SELECT count(*) FROM (
                SELECT gathering_id, slot, p FROM gathering_meetings, LATERAL (VALUES (buyer_id), (supplier_id)) v(p)
                WHERE slot IS NOT NULL GROUP BY 1, 2, 3 HAVING count(*) > 1) twice
            """));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("""
            SELECT count(*) FROM gathering_meetings m JOIN gathering_participants b ON b.id = m.buyer_id JOIN gathering_participants s ON s.id = m.supplier_id
            JOIN gatherings g ON g.id = m.gathering_id
            WHERE b.status <> 'approved' OR s.status <> 'approved' OR b.role <> 'buyer' OR s.role <> 'supplier'
               OR (m.buyer_outcome IS NOT NULL AND g.status NOT IN ('held', 'closed'))
               OR (m.slot IS NOT NULL AND g.status NOT IN ('scheduled', 'held', 'closed'))
            """));
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM gathering_meetings WHERE buyer_outcome IS NOT NULL") > 0);
    }

    private static async Task<List<string>> DerivedAsync(NpgsqlConnection connection) =>
        [.. await connection.QueryAsync<string>("""
            SELECT concat_ws('|', id, process_codes::text, material_codes::text, equipment_type_codes::text, certification_codes::text,
                   qualification_codes::text, search_text, (SELECT array_agg(g ORDER BY g) FROM unnest(search_bigrams) g)::text)
            FROM suppliers ORDER BY id
            """)];

    private sealed class FixedClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    }
}
