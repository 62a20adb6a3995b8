using System.Text.Json;
using Registry.Api.Http;

namespace Registry.Tests.Http;

public sealed class ControlCharactersTests
{
    [Theory]
    [InlineData("a\0b")]
    [InlineData("\u0001")]
    [InlineData("bell\a")]
    [InlineData("escape\u001b[0m")]
    [InlineData("\u001f")]
    public void ControlCharactersAreRefused(string value) => Assert.True(ControlCharacters.In(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("精密加工 株式会社")]
    [InlineData("tab\there")]
    [InlineData("line one\r\nline two\n")]
    [InlineData("emoji 🏭 and space\u3000")]
    public void TextWithTabsAndLineBreaksPasses(string? value) => Assert.False(ControlCharacters.In(value));

    private sealed record Contact(string Name, IReadOnlyList<string>? Tags = null, Dictionary<string, string>? Labels = null);

    private sealed record Body(string Email, Contact? Contact = null);

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web) { Converters = { new RefusingJsonStrings() } };

    [Theory]
    [InlineData("""{"email":"a\u0000b"}""", "$.email")]
    [InlineData("""{"email":"a","contact":{"name":"x\u0007"}}""", "$.contact.name")]
    [InlineData("""{"email":"a","contact":{"name":"x","tags":["ok","n\u0000"]}}""", "$.contact.tags[1]")]
    [InlineData("""{"email":"a","contact":{"name":"x","labels":{"k\u0000":"v"}}}""", "$.contact.labels")]
    public void AJsonStringWithAControlCharacterFailsNamingItsPath(string json, string path)
    {
        var refused = Assert.Throws<ControlCharacterException>(() => JsonSerializer.Deserialize<Body>(json, s_options));

        Assert.StartsWith(path, refused.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonStringsWithoutControlCharactersReadAndWriteAsBefore()
    {
        const string Json = """{"email":"a\tb","contact":{"name":"山田\n太郎","tags":["x"],"labels":{"k":"v"}}}""";

        var body = JsonSerializer.Deserialize<Body>(Json, s_options)!;

        Assert.Equal("山田\n太郎", body.Contact!.Name);
        Assert.Equal(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), JsonSerializer.Serialize(body, s_options));
    }
}
