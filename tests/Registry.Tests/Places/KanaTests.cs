using Registry.Api.Places;

namespace Registry.Tests.Places;

public sealed class KanaTests
{
    [Theory]
    [InlineData("とよた", "toyota")]
    [InlineData("なごや", "nagoya")]
    [InlineData("ちゅうおう", "chuo")]
    [InlineData("おおさか", "osaka")]
    [InlineData("おおいた", "oita")]
    [InlineData("とうかい", "tokai")]
    [InlineData("ちりゅう", "chiryu")]
    [InlineData("しずおか", "shizuoka")]
    [InlineData("とよおか", "toyooka")]
    [InlineData("こおりやま", "koriyama")]
    [InlineData("がまごおり", "gamagori")]
    [InlineData("かんおんじ", "kan'onji")]
    [InlineData("しんよこはま", "shin'yokohama")]
    [InlineData("ぐんま", "gunma")]
    [InlineData("ほっかいどう", "hokkaido")]
    [InlineData("はっちょう", "hatcho")]
    [InlineData("じょうそう", "joso")]
    [InlineData("いいやま", "iiyama")]
    [InlineData("トヨタ", "toyota")]
    [InlineData("ﾅｺﾞﾔ", "nagoya")]
    public void ReadingsBecomeModifiedHepburn(string kana, string romaji) => Assert.Equal(romaji, Kana.Romaji(kana));

    [Theory]
    [InlineData("豊田市", "とよたし", "Toyota-shi")]
    [InlineData("千種区", "ちくさく", "Chikusa-ku")]
    [InlineData("中央区", "ちゅうおうく", "Chuo-ku")]
    [InlineData("北群馬郡", "きたぐんまぐん", "Kitagunma-gun")]
    [InlineData("榛東村", "しんとうむら", "Shinto-mura")]
    [InlineData("東浦町", "ひがしうらちょう", "Higashiura-cho")]
    [InlineData("一色町", "いっしきまち", "Isshiki-machi")]
    [InlineData("蒲郡市", "がまごおりし", "Gamagori-shi")]
    [InlineData("愛知県", "あいちけん", "Aichi-ken")]
    public void NamesKeepTheirSuffixAfterAHyphen(string name, string reading, string romaji) =>
        Assert.Equal(romaji, Kana.PlaceRomaji(name, reading));

    [Fact]
    public void HalfWidthAndKatakanaReadAsHiragana()
    {
        Assert.Equal("なごやしちくさく", Kana.ToHiragana("ﾅｺﾞﾔｼﾁｸｻｸ"));
        Assert.Equal("とよたし", Kana.ToHiragana("トヨタシ"));
        Assert.Equal("トヨタシ", Kana.ToKatakana("とよたし"));
    }

    [Theory]
    [InlineData("Toyota-shi", "toyotashi")]
    [InlineData("toukyou", "tokyo")]
    [InlineData("Gumma", "gunma")]
    [InlineData("Ōsaka", "osaka")]
    public void RomajiComparesWithoutLongVowelsOrCase(string typed, string key) => Assert.Equal(key, Kana.RomajiKey(typed));
}
