using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace Registry.Api.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddRegistryOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Regional Manufacturing Registry API",
                Version = "1.0.0",
                Description = """
                    The open, municipality-run registry of the region's real manufacturing capability: supplier sites
                    and what they can do (under the disclosure levels each site controls), matching requests with
                    ranked local suppliers and region-complete chains, industry clusters, bulk import, a change feed,
                    exports and signed webhooks. Errors are RFC 9457 problem documents. Within /api/v1 changes are
                    additive only.
                    """,
                License = new OpenApiLicense { Name = "CC BY 4.0 (published data)", Url = new Uri("https://creativecommons.org/licenses/by/4.0/") },
            });

            // The contract names the deployment behind TLS; Swagger UI is served the document with the caller's own
            // origin instead (see UseRegistryOpenApi), so it also works against http://127.0.0.1:8080 from scripts/run.
            options.AddServer(new OpenApiServer
            {
                Url = "https://{registryHost}",
                Description = "Production: the municipality's deployment behind its TLS-terminating proxy",
                Variables = new Dictionary<string, OpenApiServerVariable>
                {
                    ["registryHost"] = new() { Default = "127.0.0.1:8443", Description = "Host name and port of the municipality's deployment." },
                },
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            });

            options.AddSecurityDefinition(SecuritySchemes.Bearer, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = """
                    A JWT access token (RFC 7519) in the Authorization header, issued by this service's
                    /api/v1/auth endpoints or by the configured OIDC provider. Validated per the JWT best current
                    practices of RFC 8725 (RFC8725): an explicit algorithm allow-list (no `none`), issuer, audience, lifetime
                    with small clock skew, and signature against the published keys.
                    """,
            });

            options.AddSecurityDefinition(SecuritySchemes.OrderLink, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Order-Link",
                Description = """
                    An order's response link token (DESIGN §11): at least 128 bits, shown once to the buyer who made
                    it, kept only as a hash, scoped to that one order, expiring after 30 days and revocable. Whoever
                    holds it acts for the order's supplier on that order only.
                    """,
            });

            options.SupportNonNullableReferenceTypes();
            options.OperationFilter<ContractConventions>();
            options.DocumentFilter<ContractConventions>();
            options.SchemaFilter<ContractConventions>();
            options.ParameterFilter<ContractConventions>();
            options.CustomOperationIds(api => api.ActionDescriptor.EndpointMetadata
                .OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName);
        });
        return services;
    }

    public static WebApplication UseRegistryOpenApi(this WebApplication app)
    {
        app.UseSwagger(options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.PreSerializeFilters.Add((document, request) => document.Servers =
            [
                new OpenApiServer { Url = $"{request.Scheme}://{request.Host.Value}", Description = "This deployment" },
            ]);
        });
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "Registry API v1");
            options.DocumentTitle = "Regional Manufacturing Registry API";
        });
        return app;
    }

    /// <summary>The committed contract: the generated document as OpenAPI 3.0 YAML, LF line endings.</summary>
    public static string ToYaml(ISwaggerProvider provider)
    {
        var document = provider.GetSwagger(DocumentName);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV3(new OpenApiYamlWriter(text));
        return text.ToString().ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
    }

    /// <summary>With <c>--write-openapi &lt;path&gt;</c>: writes the contract there and answers true (the process then exits).</summary>
    public static async Task<bool> WriteContractIfAskedAsync(this WebApplication app)
    {
        if (app.Configuration["write-openapi"] is not { Length: > 0 } path)
        {
            return false;
        }

        await app.WriteContractAsync(path);
        return true;
    }

    /// <summary>
    /// scripts/openapi: the endpoint table is only complete once the host has started, so this starts it on an
    /// ephemeral loopback port with start-up migrations off (no database needed), writes the YAML and stops.
    /// </summary>
    public static async Task WriteContractAsync(this WebApplication app, string path)
    {
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            await File.WriteAllTextAsync(path, ToYaml(app.Services.GetRequiredService<ISwaggerProvider>()));
        }
        finally
        {
            await app.StopAsync();
        }
    }
}

public static class SecuritySchemes
{
    public const string Bearer = "bearer";

    public const string OrderLink = "orderLink";
}

/// <summary>Marks an endpoint authorised by an order's response link (the Order-Link header) instead of a token.</summary>
public sealed record OrderLinkEndpoint;
