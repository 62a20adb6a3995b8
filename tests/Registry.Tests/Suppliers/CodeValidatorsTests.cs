using Registry.Api.Suppliers;

namespace Registry.Tests.Suppliers;

public sealed class CodeValidatorsTests
{
    // Published corporate numbers (法人番号公表サイト): the National Tax Agency, Toyota Motor Corporation, and the
    // cities of Nagoya and Toyota (a local government's number is its check digit, 000020 and its 団体コード).
    [Theory]
    [InlineData("7000012050002")]
    [InlineData("1180301018771")]
    [InlineData("3000020231002")]
    [InlineData("5000020232114")]
    public void RealCorporateNumbersPass(string number) => Assert.Null(CodeValidators.CorporateNumber(number));

    [Theory]
    [InlineData("8000012050002", "check digit")]   // one off in the check digit
    [InlineData("7000012050003", "check digit")]   // a typo in the body
    [InlineData("1180301018717", "check digit")]   // two digits swapped
    [InlineData("700001205000", "13 digits")]
    [InlineData("70000120500021", "13 digits")]
    [InlineData("70000l2050002", "13 digits")]
    [InlineData("７０００012050002", "13 digits")] // full-width digits are not accepted silently
    public void WrongCorporateNumbersSayWhy(string number, string reason) =>
        Assert.Contains(reason, CodeValidators.CorporateNumber(number)!, StringComparison.Ordinal);

    // Published local government codes (総務省): Chiyoda-ku, Nagoya, Toyota, Okazaki, Kariya, Anjo, Sapporo, Naha.
    [Theory]
    [InlineData("131016", "13")]
    [InlineData("231002", "23")]
    [InlineData("232114", "23")]
    [InlineData("232025", "23")]
    [InlineData("232106", "23")]
    [InlineData("232122", "23")]
    [InlineData("011002", "01")]
    [InlineData("472018", "47")]
    public void RealMunicipalityCodesPass(string code, string prefecture) =>
        Assert.Null(CodeValidators.MunicipalityCode(code, prefecture));

    [Fact]
    public void MunicipalityCodeMustLieInTheSitesPrefecture() =>
        Assert.Contains("lies in prefecture 23, not 22", CodeValidators.MunicipalityCode("232114", "22")!, StringComparison.Ordinal);

    [Theory]
    [InlineData("232115", "check digit")]
    [InlineData("232141", "check digit")]
    [InlineData("23211", "6 digits")]
    [InlineData("2321140", "6 digits")]
    [InlineData("482013", "prefecture")]   // a valid check digit, but there is no prefecture 48
    public void WrongMunicipalityCodesSayWhy(string code, string reason) =>
        Assert.Contains(reason, CodeValidators.MunicipalityCode(code, null)!, StringComparison.Ordinal);

    [Theory]
    [InlineData("13101", 6)]
    [InlineData("23100", 2)]
    [InlineData("23211", 4)]
    [InlineData("01100", 2)]
    public void MunicipalityCheckDigitMatchesPublishedCodes(string firstFive, int check) =>
        Assert.Equal(check, CodeValidators.MunicipalityCheckDigit(firstFive));

    [Theory]
    [InlineData("471-8571", true)]
    [InlineData("100-0001", true)]
    [InlineData("4718571", false)]
    [InlineData("471-857", false)]
    [InlineData("４７１-８５７１", false)]
    public void PostalCodesAreNnnDashNnnn(string code, bool valid) =>
        Assert.Equal(valid, CodeValidators.PostalCode(code) is null);

    [Theory]
    [InlineData("01", true)]
    [InlineData("23", true)]
    [InlineData("47", true)]
    [InlineData("00", false)]
    [InlineData("48", false)]
    [InlineData("1", false)]
    public void PrefectureCodesAreJisX0401(string code, bool valid) =>
        Assert.Equal(valid, CodeValidators.PrefectureCode(code) is null);

    [Theory]
    [InlineData(35.0826, 137.1560, true)]  // Toyota
    [InlineData(26.2124, 127.6809, true)]  // Naha
    [InlineData(43.0621, 141.3544, true)]  // Sapporo
    [InlineData(24.4676, 123.0042, true)]  // Yonaguni, the western end
    [InlineData(31.2304, 121.4737, false)] // Shanghai
    [InlineData(13.4443, 144.7937, false)] // Guam
    [InlineData(0, 0, false)]
    public void LocationsMustLieInJapansBoundingBox(double lat, double lon, bool valid) =>
        Assert.Equal(valid, CodeValidators.Location(lat, lon) is null);

    [Theory]
    [InlineData("09", true)]
    [InlineData("24", true)]
    [InlineData("32", true)]
    [InlineData("08", false)]
    [InlineData("33", false)]
    public void IndustriesAreJsicManufacturing(string code, bool valid) =>
        Assert.Equal(valid, CodeValidators.ManufacturingIndustry(code) is null);
}
