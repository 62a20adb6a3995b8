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

        app.MapFallback("/api/{**rest}", () => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            type: ProblemTypes.NotFound,
            title: "No such API route",
            detail: "Nothing is served at this path. The API's routes are listed at /swagger."))
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
}
