using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Registry.Contracts.Problems;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// Every problem is in the caller's language (Accept-Language: Japanese by default, English when preferred), title,
/// detail and each field's message, which names the field the way the form does; and says so in Content-Language.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class ProblemLanguageTests(RegistryApiFactory api)
{
    private static readonly string s_longEmail = new string('a', 250) + "@x.example";

    [Theory]
    [InlineData(null)]
    [InlineData("ja")]
    [InlineData("ja-JP,ja;q=0.9,en;q=0.8")]
    public async Task ASiteWithBadFieldsIsRefusedInJapaneseByDefaultNamingTheFields(string? language)
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var input = Sites.Input("言語") with { FoundedYear = 1500, Contact = new ContactInput { Email = s_longEmail } };

        var (response, problem) = await SendAsync(supplier.Client, HttpMethod.Post, "/api/v1/suppliers", language, input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ja", Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Equal("入力内容に誤りがあります", problem.Title);
        Assert.Equal("創業年、メールアドレスを確認してください。", problem.Detail);
        Assert.Equal(["創業年は 1600〜2100 の範囲で入力してください。"], problem.Errors!["foundedYear"]);
        Assert.Equal(["メールアドレスは 254 文字以内で入力してください。"], problem.Errors["contact.email"]);
    }

    [Fact]
    public async Task ASiteWithBadFieldsIsRefusedInEnglishWhenTheCallerPrefersEnglish()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var input = Sites.Input("言語") with { FoundedYear = 1500, Contact = new ContactInput { Email = s_longEmail } };

        var (response, problem) = await SendAsync(supplier.Client, HttpMethod.Post, "/api/v1/suppliers", "en-GB,en;q=0.9,ja;q=0.5", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("en", Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Equal("Validation failed", problem.Title);
        Assert.Equal("Check these fields: founded year, e-mail address.", problem.Detail);
        Assert.Equal(["Founded year must be between 1600 and 2100."], problem.Errors!["foundedYear"]);
        Assert.Equal(["E-mail address must be at most 254 characters."], problem.Errors["contact.email"]);
    }

    [Theory]
    [InlineData(null, "公差は 0.01〜100000 の範囲で入力してください。", "公差を確認してください。")]
    [InlineData("en", "Tolerance must be between 0.01 and 100000.", "Check this field: tolerance.")]
    public async Task ABadSearchParameterIsNamedInTheCallersLanguage(string? language, string message, string detail)
    {
        using var anonymous = api.CreateClient();

        var (response, problem) = await SendAsync(anonymous, HttpMethod.Get, "/api/v1/suppliers?toleranceUm=0", language);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(language ?? "ja", Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Equal([message], problem.Errors!["toleranceUm"]);
        Assert.Equal(detail, problem.Detail);
    }

    [Theory]
    [InlineData(null, "見つかりません", "この ID の事業所はありません（または閲覧する権限がありません）。")]
    [InlineData("en", "Not found", "No supplier with this id exists, or the caller may not see it.")]
    public async Task NotFoundIsInTheCallersLanguage(string? language, string title, string detail)
    {
        using var anonymous = api.CreateClient();

        var (response, problem) = await SendAsync(anonymous, HttpMethod.Get, $"/api/v1/suppliers/{Guid.CreateVersion7()}", language);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal((title, detail), (problem.Title, problem.Detail));
    }

    [Theory]
    [InlineData(null, "現在の状態ではできません", "この事業所は「下書き」です。「公開停止」できるのは「公開中」のときです。")]
    [InlineData("en", "Conflict", "The site is draft; 'unpublish' needs it published.")]
    public async Task AConflictWithTheStateSaysTheStateInTheCallersLanguage(string? language, string title, string detail)
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.CreateAsync(supplier.Client, Sites.Input("言語 競合"));

        var (response, problem) = await SendAsync(supplier.Client, HttpMethod.Post, $"/api/v1/suppliers/{site.Id}/unpublish", language);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal((title, detail), (problem.Title, problem.Detail));
    }

    [Theory]
    [InlineData(null, "読み込んだ後に変更されています", "If-Match で示した版の後に変更されています。読み込み直して、変更をもう一度行ってください。")]
    [InlineData("en", "Changed since you read it", "The resource was changed after the version named in If-Match. Read it again and reapply your change.")]
    public async Task AStaleVersionIsExplainedInTheCallersLanguage(string? language, string title, string detail)
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.CreateAsync(supplier.Client, Sites.Input("言語 版"));

        var (response, problem) = await SendAsync(supplier.Client, HttpMethod.Put, $"/api/v1/suppliers/{site.Id}", language, Sites.Input("言語 版 2"), $"\"{site.Version + 10}\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal((title, detail), (problem.Title, problem.Detail));
    }

    [Fact]
    public async Task AProblemIsInTheCallersLanguageWhateverMediaTypeTheCallerAccepts()
    {
        using var anonymous = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/suppliers?toleranceUm=0");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await anonymous.SendAsync(request);
        var problem = (await response.ReadJsonAsync<Problem>())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ja", Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Equal(["公差は 0.01〜100000 の範囲で入力してください。"], problem.Errors!["toleranceUm"]);
        Assert.NotNull(problem.TraceId);
    }

    [Fact]
    public async Task ABindingFailureNamesTheFieldInTheCallersLanguage()
    {
        using var anonymous = api.CreateClient();

        var (ja, jaProblem) = await SendAsync(anonymous, HttpMethod.Get, "/api/v1/suppliers?limit=many", null);
        var (en, enProblem) = await SendAsync(anonymous, HttpMethod.Get, "/api/v1/suppliers?limit=many", "en");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (ja.StatusCode, en.StatusCode));
        Assert.Equal(["件数は整数で指定してください。"], jaProblem.Errors!["limit"]);
        Assert.Equal(["Limit must be a whole number."], enProblem.Errors!["limit"]);
        Assert.Equal("件数を確認してください。", jaProblem.Detail);
    }

    private static async Task<(HttpResponseMessage Response, Problem Problem)> SendAsync(
        HttpClient client, HttpMethod method, string path, string? language, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json.Options);
        }

        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        var response = await client.SendAsync(request);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response, (await response.ReadJsonAsync<Problem>())!);
    }
}
