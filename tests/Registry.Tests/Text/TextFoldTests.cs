using Registry.Api.Search;
using Registry.Api.Text;

namespace Registry.Tests.Text;

public sealed class TextFoldTests
{
    [Theory]
    [InlineData("ＹＡＭＡＤＡ", "yamada")]                // full-width Latin
    [InlineData("ﾔﾏﾀﾞｾｲｺｳ", "やまだせいこう")]           // half-width katakana with a voiced mark
    [InlineData("ヤマダセイコウ", "やまだせいこう")]       // katakana
    [InlineData("やまだせいこう", "やまだせいこう")]       // hiragana stays
    [InlineData("メッキ", "めっき")]
    [InlineData("ﾒｯｷ", "めっき")]
    [InlineData("ヴァイオリン", "ゔぁいおりん")]
    [InlineData("ケ月", "け月")]
    [InlineData("板金", "板金")]                            // kanji stay
    [InlineData("ＭＣ加工　１号", "mc加工 1号")]            // full-width digits and the ideographic space
    public void FoldsWidthKanaAndCase(string typed, string folded) => Assert.Equal(folded, TextFold.Fold(typed));

    [Fact]
    public void KeepsTheLongVowelMarkAndMiddleDot() => Assert.Equal("すてんれす・でぃーぜる", TextFold.Fold("ステンレス・ディーゼル"));

    [Fact]
    public void QueryWordsAreFoldedSplitOnAnySpaceAndDistinct()
    {
        Assert.Equal(["めっき", "やまだ"], TextQuery.Words("メッキ　ﾔﾏﾀﾞ めっき"));
        Assert.Empty(TextQuery.Words(" 　"));
    }

    [Fact]
    public void AHalfWidthPairIsAGramOnceComposed()
    {
        // ﾀﾞｲ is four UTF-16 units typed, three characters once NFKC composes ダ: still a long word; ﾌﾟﾚ is a gram.
        Assert.True(TextQuery.IsGram(TextQuery.Words("ﾌﾟﾚ")[0]));
        Assert.False(TextQuery.IsGram(TextQuery.Words("ﾀﾞｲｶ")[0]));
    }
}
