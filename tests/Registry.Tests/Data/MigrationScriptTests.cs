using System.Text.RegularExpressions;
using Registry.Api.Data;

namespace Registry.Tests.Data;

public sealed partial class MigrationScriptTests
{
    [Fact]
    public void EveryMigrationIsEmbeddedAndNamedNumberVerbNoun()
    {
        var onDisk = Directory.GetFiles(Path.Combine(Repository.Root(), "api", "Data", "Migrations"), "*.sql")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(onDisk);
        Assert.Equal(onDisk.Select(f => "Registry.Api.Data.Migrations." + f), MigrationRunner.ScriptNames);
        Assert.All(onDisk, f => Assert.Matches(ScriptName(), f!));
    }

    [Fact]
    public void MigrationNumbersAreUniqueSoTheOrderIsUnambiguous()
    {
        var numbers = MigrationRunner.ScriptNames.Select(n => n["Registry.Api.Data.Migrations.".Length..][..4]).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
    }

    [GeneratedRegex(@"^\d{4}_[a-z]+(_[a-z0-9]+)+\.sql$")]
    private static partial Regex ScriptName();
}
