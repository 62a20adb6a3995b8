namespace Registry.Api.Http;

/// <summary>
/// Browser hygiene on every response — SPA files, API answers, Swagger UI, problems and errors alike: no MIME sniffing,
/// no full URLs (search filters, ids) leaked to other sites in Referer, and a Content-Security-Policy that lets a page
/// load only this origin's own files and never be framed (clickjacking). The SPA is built by Vite into plain files under
/// /assets, its map is drawn from a bundled chunk (no tiles, no data: images), so 'self' is all it needs.
/// </summary>
public static class BrowserHeaders
{
    public const string AppPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Swagger UI (Swashbuckle) is the one page that needs more: its stylesheet and the inline styles it renders, and
    /// data: images (the icons in its CSS). Its scripts are still only this origin's files.
    /// </summary>
    public const string SwaggerPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseBrowserHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Set as the response starts, so that the exception handler clearing the headers does not drop them.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase)
                    ? SwaggerPolicy
                    : AppPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
