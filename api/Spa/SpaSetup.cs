using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.FileProviders;
using Registry.Api.Errors;

namespace Registry.Api.Spa;

/// <summary>
/// Serves the built SPA (client/dist) at "/" with a fallback to index.html for client-side routes. Paths under
/// /api never fall back: an unknown API route is a 404 problem, not a page.
/// </summary>
public static class SpaSetup
{
    public static WebApplication UseRegistrySpa(this WebApplication app)
    {
        var root = Path.GetFullPath(app.Configuration["Spa:Root"] ?? Path.Combine("..", "client", "dist"), app.Environment.ContentRootPath);

        // This fallback takes every method and content type, so routing no longer answers 405 or 415 by itself: it
        // says which one applies (a path that exists with other methods, or a body of a type it does not take).
        var routes = new Lazy<IReadOnlyList<(Func<PathString, bool> Matches, RouteEndpoint Endpoint)>>(() => ApiRoutes(app));
        app.MapFallback("/api/{**rest}", (HttpContext http) =>
        {
            var matching = routes.Value.Where(r => r.Matches(http.Request.Path)).Select(r => r.Endpoint).ToList();
            if (matching.Count == 0)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "No such API route",
                    detail: "Nothing is served at this path. The API's routes are listed at /swagger.");
            }

            var methods = matching.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (!methods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                http.Response.Headers.Allow = string.Join(", ", methods);
                return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, type: ProblemTypes.MethodNotAllowed, title: "Method not allowed",
                    detail: $"{http.Request.Path} answers {string.Join(", ", methods)}.");
            }

            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, type: ProblemTypes.UnsupportedMediaType,
                title: "Unsupported media type", detail: $"{http.Request.Method} {http.Request.Path} does not take a body of type '{http.Request.ContentType}'; see /swagger.");
        })
            .ExcludeFromDescription();

        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("No SPA build at {Root}: only the API is served (build it with npm run build in client/)", root);
            return app;
        }

        var files = new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            // Vite fingerprints everything under /assets, so those never change under the same name; index.html
            // names the current fingerprints and must be revalidated, or a deploy leaves browsers on the old SPA.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        };
        app.UseStaticFiles(files);
        app.MapFallbackToFile("index.html", files).ExcludeFromDescription();
        return app;
    }

    private static List<(Func<PathString, bool>, RouteEndpoint)> ApiRoutes(WebApplication app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } text && text.StartsWith("/api/", StringComparison.Ordinal) && !text.Contains("{**", StringComparison.Ordinal))
            .Select(e => (Matcher(TemplateParser.Parse(e.RoutePattern.RawText!)), e))];

    /// <summary>Whether a path fits a route template, its ids included (the API's only route constraint is guid).</summary>
    private static Func<PathString, bool> Matcher(RouteTemplate template)
    {
        var matcher = new TemplateMatcher(template, []);
        var guids = template.Parameters.Where(p => p.InlineConstraints.Any(c => c.Constraint == "guid")).Select(p => p.Name!).ToList();
        return path =>
        {
            var values = new RouteValueDictionary();
            return matcher.TryMatch(path, values) && guids.TrueForAll(name => Guid.TryParse(values[name]?.ToString(), out _));
        };
    }
}
