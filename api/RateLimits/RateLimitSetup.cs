using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Registry.Api.Errors;

namespace Registry.Api.RateLimits;

public sealed record RateLimitOptions
{
    /// <summary>Requests per window for a signed-in account or API client, counted per account or client.</summary>
    public int PermitsPerCaller { get; init; } = 1200;

    /// <summary>Requests per window for anonymous callers, counted per address.</summary>
    public int PermitsPerAddress { get; init; } = 300;

    public int WindowSeconds { get; init; } = 60;
}

/// <summary>
/// DESIGN §6: rate limits per client, 429 with Retry-After and a problem body, and the RateLimit-Policy / RateLimit
/// headers (draft-ietf-httpapi-ratelimit-headers) on every answer so that clients can pace themselves.
/// </summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddRegistryRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions());
        services.AddSingleton(sp => CreateLimiter(sp.GetRequiredService<RateLimitOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
        });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<PartitionedRateLimiter<HttpContext>>((limiter, global) => limiter.GlobalLimiter = global);
        return services;
    }

    public static WebApplication UseRegistryRateLimiting(this WebApplication app)
    {
        var limiter = app.Services.GetRequiredService<PartitionedRateLimiter<HttpContext>>();
        var options = app.Services.GetRequiredService<RateLimitOptions>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var window = TimeSpan.FromSeconds(options.WindowSeconds);

        // Headers are set before the limiter runs (OnStarting), so that refused requests carry them too.
        app.Use((context, next) =>
        {
            if (!Limited(context))
            {
                return next(context);
            }

            context.Response.OnStarting(() =>
            {
                var (policy, limit) = PolicyFor(context, options);
                var remaining = limiter.GetStatistics(context)?.CurrentAvailablePermits ?? limit;
                var reset = (int)Math.Ceiling(ClockWindowLimiter.UntilReset(clock, window).TotalSeconds);
                context.Response.Headers["RateLimit-Policy"] = $"\"{policy}\";q={limit};w={options.WindowSeconds}";
                context.Response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";r={Math.Max(0, remaining)};t={reset}");
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static PartitionedRateLimiter<HttpContext> CreateLimiter(RateLimitOptions options, TimeProvider clock)
    {
        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        return PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!Limited(context))
            {
                return RateLimitPartition.GetNoLimiter("unlimited");
            }

            var (_, limit) = PolicyFor(context, options);
            return RateLimitPartition.Get(PartitionKey(context), _ => new ClockWindowLimiter(limit, window, clock));
        });
    }

    // The API is what quotas protect; the SPA's files and the health probes are not (a page load alone fetches a dozen).
    private static bool Limited(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    private static (string Policy, int Limit) PolicyFor(HttpContext context, RateLimitOptions options) =>
        CallerId(context.User) is null ? ("per-address", options.PermitsPerAddress) : ("per-caller", options.PermitsPerCaller);

    private static string PartitionKey(HttpContext context) =>
        CallerId(context.User) is { } caller
            ? "caller:" + caller
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>The account or API client behind a validated token (its subject), if any.</summary>
    private static string? CallerId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value : null;

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemTypes.RateLimited,
                Title = "Too many requests",
                Detail = $"This caller used its request quota for the current window. Try again in {seconds} s.",
            },
        });
    }
}
