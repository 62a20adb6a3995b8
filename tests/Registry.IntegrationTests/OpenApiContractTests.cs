using Microsoft.Extensions.DependencyInjection;
using Registry.Api.OpenApi;
using Registry.IntegrationTests.Infrastructure;
using Swashbuckle.AspNetCore.Swagger;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class OpenApiContractTests(RegistryApiFactory api)
{
    [Fact]
    public async Task CommittedOpenApiYamlMatchesTheCode()
    {
        var generated = OpenApiSetup.ToYaml(api.Services.GetRequiredService<ISwaggerProvider>());
        var path = Path.Combine(Repository.Root(), "openapi.yaml");
        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";

        Assert.True(generated == committed,
            $"openapi.yaml differs from what the code generates. If the change is intended, run scripts/openapi and commit openapi.yaml and client/src/lib/api/schema.d.ts.\n{FirstDifference(committed, generated)}");
    }

    [Fact]
    public async Task SwaggerUiAndDocumentAreServed()
    {
        using var client = api.CreateClient();

        using var ui = await client.GetAsync("/swagger/index.html");
        using var json = await client.GetAsync("/swagger/v1/swagger.json");

        Assert.True(ui.IsSuccessStatusCode);
        Assert.True(json.IsSuccessStatusCode);
        Assert.Contains("\"getReadiness\"", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string FirstDifference(string committed, string generated)
    {
        var a = committed.Split('\n');
        var b = generated.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end of file)";
            var right = i < b.Length ? b[i] : "(end of file)";
            if (left != right)
            {
                return $"First difference at line {i + 1}:\n  committed: {left}\n  generated: {right}";
            }
        }

        return "";
    }
}
