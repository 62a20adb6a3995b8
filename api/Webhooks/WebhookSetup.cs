using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Registry.Api.Auth;

namespace Registry.Api.Webhooks;

public static class WebhookSetup
{
    /// <summary>
    /// The worker, its sender and the Data Protection keys that encrypt webhook secrets — kept beside the signing keys
    /// (Auth:KeyDirectory), so that every process of a deployment can read what another wrote.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(_ => configuration.GetSection("Webhooks").Get<WebhookOptions>() ?? new WebhookOptions { AllowLoopback = environment.IsDevelopment() });
        services.AddDataProtection().SetApplicationName("regional-manufacturing-registry");
        services.AddOptions<KeyManagementOptions>().Configure<AuthOptions, IHostEnvironment, ILoggerFactory>((keys, auth, host, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetFullPath(auth.KeyDirectory, host.ContentRootPath), "data-protection")), logs));
        services.AddSingleton<IWebhookTransport>(sp => new HttpWebhookTransport(sp.GetRequiredService<WebhookOptions>().AllowLoopback));
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
