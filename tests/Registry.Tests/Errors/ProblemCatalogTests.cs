using Registry.Api.Errors;
using Registry.Api.Http;
using Registry.Contracts.Suppliers;

namespace Registry.Tests.Errors;

/// <summary>What a caller reads in a problem: the service's messages in Japanese or English, with the field's label.</summary>
public sealed class ProblemCatalogTests
{
    private static readonly FieldLabels.Label? s_foundedYear = FieldLabels.Find("foundedYear");

    [Fact]
    public void AFieldMessageTakesTheFieldsLabelInBothLanguages()
    {
        Assert.Equal("創業年は 1600〜2100 の範囲で入力してください。", ProblemCatalog.Say("Must be between 1600 and 2100.", english: false, s_foundedYear));
        Assert.Equal("Founded year must be between 1600 and 2100.", ProblemCatalog.Say("Must be between 1600 and 2100.", english: true, s_foundedYear));
        Assert.Equal("メールアドレスは 254 文字以内で入力してください。",
            ProblemCatalog.Say("At most 254 characters.", english: false, FieldLabels.Find("contact.email")));
        Assert.Equal("E-mail address is required.", ProblemCatalog.Say("Required.", english: true, FieldLabels.Find("contact.email")));
    }

    [Fact]
    public void AFieldWithoutALabelIsNamedAsOnTheWire()
    {
        Assert.Equal("Mystery must be a finite number.", ProblemCatalog.Say("Must be a finite number.", english: true, null, "mystery"));
        Assert.Equal("mysteryは有限の数値で入力してください。", ProblemCatalog.Say("Must be a finite number.", english: false, null, "mystery"));
    }

    [Fact]
    public void MessagesWithValuesKeepTheValuesAndTranslateTheWordsAround()
    {
        Assert.Equal("分類コードにありません（/api/v1/taxonomy を参照）: x.y, z。", ProblemCatalog.Say("Not a known code (see /api/v1/taxonomy): x.y, z.", english: false));
        Assert.Equal("Not a known code (see /api/v1/taxonomy): x.y, z.", ProblemCatalog.Say("Not a known code (see /api/v1/taxonomy): x.y, z.", english: true));
    }

    [Fact]
    public void AnAcceptedMeetingOrInvitationIsNotCalledAnAcceptedOrder()
    {
        Assert.Equal("この商談はすでに成立しています。", ProblemCatalog.Say("The meeting is accepted.", english: false));
        Assert.Equal("この二者の商談はすでに成立しています。", ProblemCatalog.Say("A meeting of these two is already accepted.", english: false));
        Assert.Equal("この招待は承諾済みです。", ProblemCatalog.Say("The invitation is accepted.", english: false));
        Assert.Equal("この商談は「辞退」です。", ProblemCatalog.Say("The meeting is declined.", english: false));
    }

    [Fact]
    public void StatesThingsAndActionsPutIntoAMessageAreInJapaneseToo()
    {
        Assert.Equal("この事業所は「下書き」です。「公開停止」できるのは「公開中」のときです。",
            ProblemCatalog.Say("The site is draft; 'unpublish' needs it published.", english: false));
        Assert.Equal("この依頼は「締切」です。「募集開始」できるのは「下書き」のときです。",
            ProblemCatalog.Say("The request is closed; 'open' needs it draft.", english: false));
        Assert.Equal("この ID のマッチング依頼はありません（または閲覧する権限がありません）。",
            ProblemCatalog.Say("No matching request with this id exists, or the caller may not see it.", english: false));
        Assert.Equal("「x9」は工程の分類コードにありません（/api/v1/taxonomy を参照）。",
            ProblemCatalog.Say("'x9' is not a known code for process (see /api/v1/taxonomy).", english: false));
    }

    [Fact]
    public void AMessageMadeOfKnownSentencesIsTranslatedSentenceBySentence()
    {
        Assert.Equal("データベースが応答しません。検索インデックスを読み込んでいます。",
            ProblemCatalog.Say("The database does not answer. The search index is still loading.", english: false));
    }

    [Fact]
    public void JapaneseAndUnknownTextIsLeftAsItIs()
    {
        Assert.Equal("すでに日本語です。", ProblemCatalog.Say("すでに日本語です。", english: false));
        Assert.Equal("Nobody wrote this sentence down.", ProblemCatalog.Say("Nobody wrote this sentence down.", english: false));
        Assert.False(ProblemCatalog.Knows("Nobody wrote this sentence down."));
    }

    [Fact]
    public void ValidationWritesTheServicesOwnMessagesNamingNoField()
    {
        var input = new SupplierInput { NameJa = "", PrefectureCode = "23", FoundedYear = 1500, Website = "example.com", IndustryCodes = ["123"] };

        var errors = Validation.Errors(input);

        Assert.Equal(["Required."], errors["nameJa"]);
        Assert.Equal(["Must be between 1600 and 2100."], errors["foundedYear"]);
        Assert.Equal(["Must be an http or https URL."], errors["website"]);
        Assert.Equal(["Each value at most 2 characters."], errors["industryCodes"]);
        Assert.Equal(["Must be a finite number."], Validation.Errors(new GeoLocation { Lat = double.NaN, Lon = 137 })["lat"]);
        Assert.All(errors.Values.SelectMany(m => m), m => Assert.True(ProblemCatalog.Knows(m), m));
    }

    [Fact]
    public void TheDetailOfAValidationProblemNamesTheFieldsByTheirLabels()
    {
        Assert.Equal("創業年、メールアドレスを確認してください。", ProblemLanguage.FieldsToCheck(["foundedYear", "contact.email"], english: false, "suppliers"));
        Assert.Equal("Check these fields: founded year, e-mail address.", ProblemLanguage.FieldsToCheck(["foundedYear", "contact.email"], english: true, "suppliers"));
        Assert.Equal("Check this field: tolerance.", ProblemLanguage.FieldsToCheck(["steps[1].toleranceUm"], english: true, "matching"));
    }
}
