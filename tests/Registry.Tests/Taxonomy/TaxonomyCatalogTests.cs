using System.Text.RegularExpressions;
using Registry.Api.Taxonomy;
using Registry.Contracts.Taxonomy;

namespace Registry.Tests.Taxonomy;

public sealed partial class TaxonomyCatalogTests
{
    private static readonly TaxonomyCatalog s_taxonomy = TaxonomyCatalog.LoadEmbedded();

    [Fact]
    public void ProcessesCoverEveryFamilyOfTheDesign()
    {
        var families = s_taxonomy.Terms(TaxonomyKind.Processes).Where(t => t.Parent is null).Select(t => t.Code).ToHashSet();

        Assert.True(s_taxonomy.Terms(TaxonomyKind.Processes).Count >= 80);
        Assert.Superset(new HashSet<string> { "machining", "sheet_metal", "joining", "casting", "forging", "moulding", "surface", "heat_treatment", "additive", "assembly", "inspection", "design", "tooling", "food", "packaging", "printing", "compounding", "logistics" }, families);
    }

    [Theory]
    [InlineData(TaxonomyKind.Processes)]
    [InlineData(TaxonomyKind.Materials)]
    [InlineData(TaxonomyKind.EquipmentTypes)]
    [InlineData(TaxonomyKind.Certifications)]
    [InlineData(TaxonomyKind.Qualifications)]
    public void CodesAreStableDottedPathsUnderExistingParents(TaxonomyKind kind)
    {
        var terms = s_taxonomy.Terms(kind);

        Assert.Equal(terms.Count, terms.Select(t => t.Code).Distinct().Count());
        Assert.All(terms, t =>
        {
            Assert.Matches(CodePattern(), t.Code);
            Assert.False(string.IsNullOrWhiteSpace(t.Ja));
            Assert.False(string.IsNullOrWhiteSpace(t.En));
            if (t.Parent is not null)
            {
                Assert.True(s_taxonomy.Exists(kind, t.Parent), $"{t.Code}: parent {t.Parent} missing");
                Assert.StartsWith(t.Parent + ".", t.Code, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void EveryEquipmentTypeDeclaresItsKeySpecAndUnit() =>
        Assert.All(s_taxonomy.Terms(TaxonomyKind.EquipmentTypes), t =>
        {
            Assert.NotNull(t.KeySpec);
            Assert.False(string.IsNullOrWhiteSpace(t.KeySpec!.Unit));
            Assert.True(t.KeySpec.Min < t.KeySpec.Max, t.Code);
        });

    [Fact]
    public void PressesAreSizedInTonnesForceAndLasersInKilowatts()
    {
        Assert.Equal("tf", s_taxonomy.Find(TaxonomyKind.EquipmentTypes, "press")!.KeySpec!.Unit);
        Assert.Equal("kW", s_taxonomy.Find(TaxonomyKind.EquipmentTypes, "laser_cutter")!.KeySpec!.Unit);
        Assert.Equal("tf", s_taxonomy.Find(TaxonomyKind.EquipmentTypes, "injection_moulding_machine")!.KeySpec!.Unit);
    }

    [Fact]
    public void AllPrefecturesAndManufacturingIndustriesArePresent()
    {
        Assert.Equal(Enumerable.Range(1, 47).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)),
            s_taxonomy.Terms(TaxonomyKind.Prefectures).Select(t => t.Code));
        Assert.Equal(Enumerable.Range(9, 24).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)),
            s_taxonomy.Terms(TaxonomyKind.Industries).Select(t => t.Code));
        Assert.Equal("愛知県", s_taxonomy.Find(TaxonomyKind.Prefectures, "23")!.Ja);
    }

    [Fact]
    public void AFamilyIncludesItsDescendants()
    {
        var welding = s_taxonomy.SelfAndDescendants(TaxonomyKind.Processes, "joining.welding");

        Assert.Contains("joining.welding.tig", welding);
        Assert.Contains("joining.welding.spot", welding);
        Assert.DoesNotContain("joining.brazing", welding);
        Assert.Empty(s_taxonomy.SelfAndDescendants(TaxonomyKind.Processes, "no.such.code"));
    }

    [Fact]
    public void AncestorsRunFromTheCodeToItsFamily()
    {
        Assert.Equal(["machining.milling.5axis", "machining.milling", "machining"], s_taxonomy.SelfAndAncestors(TaxonomyKind.Processes, "machining.milling.5axis"));
        Assert.Equal("surface", s_taxonomy.Family(TaxonomyKind.Processes, "surface.plating.electroless_nickel"));
    }

    [Theory]
    [InlineData("溶接", "joining.welding")]
    [InlineData("MC", "machining_centre")]
    [InlineData("マシニング", "machining_centre")]
    [InlineData("5-axis", "5axis")]
    [InlineData("無電解", "electroless_nickel")]
    public void SuggestFindsTermsBySynonymInEitherLanguage(string typed, string codeFragment)
    {
        var suggestions = s_taxonomy.Suggest(typed, Enum.GetValues<TaxonomyKind>(), english: false, limit: 10);

        Assert.Contains(suggestions, s => s.Code.Contains(codeFragment, StringComparison.Ordinal));
    }

    [Fact]
    public void SuggestPutsPrefixMatchesFirstAndSpeaksTheAskedLanguage()
    {
        var suggestions = s_taxonomy.Suggest("溶接", [TaxonomyKind.Processes], english: true, limit: 5);

        Assert.Equal("joining.welding", suggestions[0].Code);
        Assert.Equal("Welding", suggestions[0].Label);
    }

    [GeneratedRegex(@"^[a-z0-9_]+(\.[a-z0-9_]+)*$")]
    private static partial Regex CodePattern();

    [Theory]
    [InlineData("板金", "processes:sheet_metal")]
    [InlineData("ばんきん", "processes:sheet_metal")]
    [InlineData("ようせつ", "processes:joining.welding")]
    [InlineData("ヨウセツ", "processes:joining.welding")]
    [InlineData("研磨", "processes:surface.polishing")]
    [InlineData("めっき", "processes:surface.plating equipment_types:plating_line")]
    [InlineData("ﾒｯｷ", "processes:surface.plating equipment_types:plating_line")]
    [InlineData("旋盤", "processes:machining.turning equipment_types:lathe")]
    [InlineData("qms", "certifications:iso_9001")]
    public void AWordNamesTheTermsWhoseNamesItIsOrBegins(string typed, string expected)
    {
        var word = Registry.Api.Search.TextQuery.Words(typed)[0];

        var named = s_taxonomy.TermsNamedBy(word).Select(t => $"{Registry.Api.Http.WireNames.Of(t.Kind)}:{t.Code}");

        Assert.Equal(expected.Split(' '), named);
    }

    [Fact]
    public void AWordInsideAnotherTermsNameDoesNotNameIt()
    {
        // 電気亜鉛めっき鋼板 is a synonym of steel sheet: a shop that buys sheet does not plate.
        Assert.DoesNotContain(s_taxonomy.TermsNamedBy("めっき"), t => t.Kind == TaxonomyKind.Materials);
        Assert.Empty(s_taxonomy.TermsNamedBy("金"));
        Assert.Empty(s_taxonomy.TermsNamedBy("山田"));
    }

    [Fact]
    public void SuggestionsMatchAsPeopleType()
    {
        var halfWidth = s_taxonomy.Suggest("ﾒｯｷ", [TaxonomyKind.Processes], english: false, limit: 5);
        var katakana = s_taxonomy.Suggest("メッキ", [TaxonomyKind.Processes], english: false, limit: 5);

        Assert.Equal("surface.plating", halfWidth[0].Code);
        Assert.Equal(katakana.Select(s => s.Code), halfWidth.Select(s => s.Code));
    }
}
