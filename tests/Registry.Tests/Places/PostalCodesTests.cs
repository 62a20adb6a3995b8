using Registry.Api.Places;

namespace Registry.Tests.Places;

public sealed class PostalCodesTests
{
    [Theory]
    [InlineData("4710025")]
    [InlineData("471-0025")]
    [InlineData("４７１－００２５")]
    [InlineData("４７１００２５")]
    [InlineData("〒471-0025")]
    [InlineData("〒 471-0025")]
    [InlineData(" 471 0025 ")]
    [InlineData("471ー0025")]
    public void TheWaysPeopleWriteAPostalCodeAreRead(string typed) => Assert.Equal("4710025", PostalCodes.Digits(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("471-002")]
    [InlineData("47100255")]
    [InlineData("4710-025")]
    [InlineData("471--0025")]
    [InlineData("471-0025-")]
    [InlineData("豊田市")]
    [InlineData("232114")]
    public void WhatIsNotAPostalCodeIsNull(string? typed) => Assert.Null(PostalCodes.Digits(typed));

    [Fact]
    public void SevenDigitsAreWrittenWithAHyphen() => Assert.Equal("471-0025", PostalCodes.Written("4710025"));
}
