using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Registry.Api.Data;
using Registry.Api.Taxonomy;

namespace Registry.Seed;

// Synthetic national-scale data (DESIGN §10) for benchmarks: scripts/seed wraps this.
//   Registry.Seed --sites N [--seed S] [--today yyyy-MM-dd]    (connection string in REGISTRY_SEED_DATABASE)
//   Registry.Seed --member EMAIL                               (a member account for load tests; password in REGISTRY_SEED_MEMBER_PASSWORD)
//   Registry.Seed ... --orders N | --orders-only               (orders over the sites: default 2 per site; only orders, sites kept)
//   Registry.Seed ... --gatherings N                           (matching meetings, showcases, exchange meetings: default 500)
//   Registry.Seed --order-fixtures BUYER SUPPLIER              (the bench's routes and accepted orders; SUPPLIER's password as above)
// Replaces every supplier site of the target database; refuses one that holds sites it did not generate.
public static class SeedCommand
{
    public static async Task<int> Main(string[] args)
    {
        var sites = 1_000_000;
        var seed = 20261129;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string? member = null;
        int? orders = null;
        var ordersOnly = false;
        var gatherings = 500;
        (string Buyer, string Supplier)? fixtures = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sites" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    sites = n;
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    i++;
                    break;
                case "--orders" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var o) && o >= 0:
                    orders = o;
                    i++;
                    break;
                case "--gatherings" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var gs) && gs >= 0:
                    gatherings = gs;
                    i++;
                    break;
                case "--orders-only":
                    ordersOnly = true;
                    break;
                case "--order-fixtures" when i + 2 < args.Length:
                    fixtures = (args[i + 1], args[i + 2]);
                    i += 2;
                    break;
                case "--member" when i + 1 < args.Length:
                    member = args[i + 1];
                    i++;
                    break;
                case "--today" when i + 1 < args.Length && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                    today = d;
                    i++;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"usage: Registry.Seed --sites N [--seed S] [--today yyyy-MM-dd] (bad argument '{args[i]}')");
                    return 2;
            }
        }

        var connectionString = Environment.GetEnvironmentVariable("REGISTRY_SEED_DATABASE");
        if (string.IsNullOrEmpty(connectionString))
        {
            await Console.Error.WriteLineAsync("REGISTRY_SEED_DATABASE is not set (scripts/seed sets it)");
            return 2;
        }

        await using var db = DatabaseSetup.CreateDataSource(connectionString);
        await new MigrationRunner(db, new RegistryConnectionString(connectionString), NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        if (!await SyntheticOnly.HoldsOnlySyntheticSitesAsync(db))
        {
            await Console.Error.WriteLineAsync("the target database holds supplier sites this generator did not make; refusing to replace them");
            return 1;
        }

        if (member is not null)
        {
            return await BenchAccount.EnsureMemberAsync(db, member, Environment.GetEnvironmentVariable("REGISTRY_SEED_MEMBER_PASSWORD"));
        }

        if (fixtures is { } f)
        {
            return await new OrderSeeder(db, Console.Out).BenchFixturesAsync(f.Buyer, f.Supplier, Environment.GetEnvironmentVariable("REGISTRY_SEED_MEMBER_PASSWORD"),
                fiveLeg: 2_000, accepted: 150_000, CancellationToken.None);
        }

        var orderCount = orders ?? 2 * sites;
        if (ordersOnly)
        {
            Console.WriteLine($"seeding about {orderCount:N0} synthetic orders over the sites there are");
            // Meetings' outcomes may name orders: the order seeder empties the meetings, and the gatherings are written again after.
            await new OrderSeeder(db, Console.Out).SeedAsync(orderCount, CancellationToken.None);
            await new GatheringSeeder(db, Console.Out).SeedAsync(gatherings, CancellationToken.None);
            return 0;
        }

        var clock = Stopwatch.StartNew();
        var generator = new SiteGenerator(seed, TaxonomyCatalog.LoadEmbedded(), today);
        Console.WriteLine($"seeding {sites:N0} synthetic sites (seed {seed}, as of {today:yyyy-MM-dd})");
        await new BulkLoader(db, Console.Out).LoadAsync(Enumerable.Range(0, sites).Select(generator.Next), sites, CancellationToken.None);
        if (orderCount > 0)
        {
            await new OrderSeeder(db, Console.Out).SeedAsync(orderCount, CancellationToken.None);
        }

        await new GatheringSeeder(db, Console.Out).SeedAsync(gatherings, CancellationToken.None);

        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
