using Registry.Api.Places;
using Registry.Api.Taxonomy;
using Registry.Contracts.Places;

namespace Registry.Tests.Places;

/// <summary>The municipality taxonomy and postal codes as loaded from the shipped data set (docs/places.md).</summary>
public sealed class PlaceCatalogTests
{
    private static readonly PlaceCatalog s_places = PlaceCatalog.LoadEmbedded(TaxonomyCatalog.LoadEmbedded());

    [Fact]
    public void EveryMunicipalityWardAndDesignatedCityIsThereOnce()
    {
        Assert.InRange(s_places.All.Count, 1900, 1930);
        Assert.Equal(20, s_places.All.Count(p => p.Dto.Kind == MunicipalityKind.DesignatedCity));
        Assert.Equal(s_places.All.Count, s_places.All.Select(p => p.Code).Distinct().Count());
        Assert.Equal(47, s_places.Prefectures.Count);
        Assert.All(s_places.All, p =>
        {
            Assert.Matches("^[0-9]{6}$", p.Code);
            Assert.StartsWith(p.Dto.Code5, p.Code, StringComparison.Ordinal);
            Assert.Matches("^[ァ-ヶー]+$", p.Dto.NameKana);
            Assert.Matches("^[A-Z][A-Za-z' -]+$", p.Dto.NameEn);
        });
    }

    [Theory]
    [InlineData("232114", "豊田市", "トヨタシ", "Toyota-shi", MunicipalityKind.Municipality, null)]
    [InlineData("23211", "豊田市", "トヨタシ", "Toyota-shi", MunicipalityKind.Municipality, null)]
    [InlineData("231002", "名古屋市", "ナゴヤシ", "Nagoya-shi", MunicipalityKind.DesignatedCity, null)]
    [InlineData("231011", "名古屋市千種区", "ナゴヤシチクサク", "Nagoya-shi Chikusa-ku", MunicipalityKind.Ward, "231002")]
    [InlineData("221384", "浜松市中央区", "ハママツシチュウオウク", "Hamamatsu-shi Chuo-ku", MunicipalityKind.Ward, "221309")]
    [InlineData("103446", "北群馬郡榛東村", "キタグンマグンシントウムラ", "Kitagunma-gun Shinto-mura", MunicipalityKind.Municipality, null)]
    [InlineData("131016", "千代田区", "チヨダク", "Chiyoda-ku", MunicipalityKind.Municipality, null)]
    public void AMunicipalityHasItsNamesKindAndCity(string code, string ja, string kana, string en, MunicipalityKind kind, string? parent)
    {
        var place = s_places.Find(code)!.Dto;

        Assert.Equal((ja, kana, en, kind, parent), (place.NameJa, place.NameKana, place.NameEn, place.Kind, place.ParentCode));
        Assert.Equal(code[..2], place.Prefecture.Code);
    }

    [Fact]
    public void TheCodeCarriesItsCheckDigitAndTheWardsTheirPrefecture()
    {
        var toyota = s_places.Find("23211")!.Dto;

        Assert.Equal(("232114", "23211", "愛知県", "Aichi"), (toyota.Code, toyota.Code5, toyota.Prefecture.NameJa, toyota.Prefecture.NameEn));
        Assert.Null(s_places.Find("232115"));
        Assert.Null(s_places.Find("99999"));
        Assert.Equal(16, s_places.WardsOf(s_places.Find("231002")!).Count());
    }

    [Theory]
    [InlineData("豊田")]
    [InlineData("とよた")]
    [InlineData("トヨタ")]
    [InlineData("ﾄﾖﾀ")]
    [InlineData("toyota")]
    [InlineData("Toyota-shi")]
    [InlineData("愛知県豊田")]
    public void ToyotaIsFoundFirstHoweverItIsTyped(string typed) =>
        Assert.Equal("232114", s_places.Suggest(typed, null, 5)[0].Code);

    [Fact]
    public void ACityComesBeforeItsWardsAndAPrefectureNarrows()
    {
        var nagoya = s_places.Suggest("なごや", null, 20);
        var chikusa = s_places.Suggest("ちくさ", null, 5);
        var fuchu = s_places.Suggest("府中", "13", 5);

        Assert.Equal("231002", nagoya[0].Code);
        Assert.Contains(nagoya, p => p.Code == "231011");
        Assert.Equal("231011", chikusa[0].Code);
        Assert.All(fuchu, p => Assert.Equal("13", p.PrefectureCode));
        Assert.NotEmpty(fuchu);
    }

    [Fact]
    public void APostalCodeHasItsTownAndMunicipality()
    {
        var towns = s_places.Towns("4710025");
        var ward = s_places.Towns("4650025");

        Assert.Equal(("232114", "西町"), (towns.Single().Place.Code, towns.Single().Name));
        Assert.Equal(("231151", "上社"), (ward.Single().Place.Code, ward.Single().Name));
        Assert.Empty(s_places.Towns("4718571"));
        Assert.Empty(s_places.Towns("9999999"));
    }

    [Theory]
    [InlineData("232114", "232114")]
    [InlineData("23211", "232114")]
    [InlineData("豊田市", "232114")]
    [InlineData("toyota", "232114")]
    [InlineData("愛知県豊田市元城町3-17", "232114")]
    [InlineData("名古屋市千種区不老町1", "231011")]
    [InlineData("名古屋市", "231002")]
    [InlineData("471-0025", "471-0025")]
    [InlineData("４７１００２５", "471-0025")]
    public void APlaceIsReadFromACodeANameAnAddressOrAPostalCode(string typed, string place) =>
        Assert.Equal(place, s_places.Resolve(typed).Normal);

    [Theory]
    [InlineData("府中市", "府中市")]
    [InlineData("232115", "232115")]
    [InlineData("どこでもない町", "どこでもない町")]
    [InlineData("999-9999", "999-9999")]
    public void WhatIsNotOnePlaceIsRefusedSayingWhy(string typed, string named)
    {
        var refusal = s_places.Resolve(typed).Refusal!;

        Assert.Contains(named, refusal.Ja, StringComparison.Ordinal);
        Assert.Contains(named, refusal.En, StringComparison.Ordinal);
    }

    [Fact]
    public void APostalCodeMustBeTheMunicipalitys()
    {
        Assert.Empty(SitePlaceRules.Check(s_places, "471-0025", "23", "232114"));
        Assert.Empty(SitePlaceRules.Check(s_places, "465-0025", "23", "231002"));   // a ward's code for its designated city
        Assert.Empty(SitePlaceRules.Check(s_places, "471-8571", "23", "232114"));   // a business's own code, in Toyota's range
        Assert.Empty(SitePlaceRules.Check(s_places, "471-0025", "23", null));

        var elsewhere = SitePlaceRules.Check(s_places, "100-0001", "23", "232114")["postalCode"];
        var unknown = SitePlaceRules.Check(s_places, "999-9999", "23", "232114")["postalCode"];
        var otherPrefecture = SitePlaceRules.Check(s_places, "100-0001", "23", null)["postalCode"];
        var noSuchTown = SitePlaceRules.Check(s_places, null, "23", "232998")["municipalityCode"];

        Assert.Equal("郵便番号 100-0001 は東京都千代田区千代田の郵便番号で、愛知県豊田市のものではありません。郵便番号か市区町村を確かめてください。", elsewhere.Ja);
        Assert.Contains("not in Toyota-shi (Aichi)", elsewhere.En, StringComparison.Ordinal);
        Assert.Contains("471", unknown.Ja, StringComparison.Ordinal);
        Assert.Contains("愛知県", otherPrefecture.Ja, StringComparison.Ordinal);
        Assert.Contains("232998", noSuchTown.Ja, StringComparison.Ordinal);
    }
}
