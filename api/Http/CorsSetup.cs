namespace Registry.Api.Http;

/// <summary>
/// Browsers on other origins (a regional portal, an association's site) may call the API when the deployment lists
/// their origin in Cors:AllowedOrigins. None is allowed by default: the registry's own SPA is same-origin.
/// </summary>
public static class CorsSetup
{
    public static IServiceCollection AddRegistryCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithExposedHeaders("ETag", "Link", "Location", "RateLimit", "RateLimit-Policy", "Retry-After", "Deprecation", "Sunset")));
        return services;
    }
}
