using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Registry.Api.Auth;

/// <summary>Policy names, in one place (STYLE: policy names are constants in one place).</summary>
public static class Policies
{
    /// <summary>A signed-in person (any role), not an API client.</summary>
    public const string Member = "IsMember";
    public const string Supplier = "IsSupplier";

    /// <summary>Coordinators and admins.</summary>
    public const string Coordinator = "IsCoordinator";
    public const string Admin = "IsAdmin";

    /// <summary>Object-level: the caller may edit the supplier site named by the route's id (see Ownership).</summary>
    public const string CanEditSupplier = "CanEditSupplier";

    public static string Scope(string scope) => "Scope:" + scope;
}

public static class AuthSetup
{
    public static IServiceCollection AddRegistryAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => configuration.GetSection("Auth").Get<AuthOptions>() ?? new AuthOptions());
        services.AddSingleton(sp => new SigningKeyRing(
            sp.GetRequiredService<AuthOptions>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<RefreshTokens>();
        services.AddSingleton<Revocations>();
        services.AddHostedService<RevocationFollower>();
        services.AddScoped<Ownership>();
        services.AddSingleton<IAuthorizationHandler, SupplierOwnershipHandler>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<AuthOptions, IServiceProvider>((jwt, auth, sp) => ConfigureBearer(jwt, auth, sp));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Member, p => p.RequireAuthenticatedUser().RequireAssertion(c => !c.User.IsClient()))
            .AddPolicy(Policies.Supplier, p => p.RequireAuthenticatedUser().RequireRole(Roles.Supplier, Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Coordinator, p => p.RequireAuthenticatedUser().RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.CanEditSupplier, p => p.RequireAuthenticatedUser().AddRequirements(new CanEditSupplierRequirement()))
            .AddPolicy(Policies.Scope(Scopes.SuppliersImport), p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasScope(Scopes.SuppliersImport)))
            .AddPolicy(Policies.Scope(Scopes.FeedRead), p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasScope(Scopes.FeedRead)))
            .AddPolicy(Policies.Scope(Scopes.WebhooksManage), p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.HasScope(Scopes.WebhooksManage)));
        return services;
    }

    private static void ConfigureBearer(JwtBearerOptions jwt, AuthOptions auth, IServiceProvider services)
    {
        // Claim names stay as issued ("sub", "role"), not mapped to long WS-* URIs.
        jwt.MapInboundClaims = false;
        if (auth.IsBuiltIn)
        {
            var keys = services.GetRequiredService<SigningKeyRing>();
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                // RFC 8725 §3.1: an explicit allow-list; "none" and HMAC-with-public-key confusions never verify.
                ValidAlgorithms = [SigningKeyRing.Algorithm],
                IssuerSigningKeyResolver = (_, _, _, _) => keys.Keys,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = Claims.Name,
                RoleClaimType = Claims.Role,
            };
            // A valid signature is not enough: the account or client may have been disabled, demoted or re-keyed, or
            // the sign-in ended, since the token was issued (checked in memory, no database round trip).
            jwt.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    if (context.Principal is { } principal && !context.HttpContext.RequestServices.GetRequiredService<Revocations>().Accepts(principal))
                    {
                        context.Fail("The token was revoked.");
                    }

                    return Task.CompletedTask;
                },
            };
            return;
        }

        jwt.Authority = auth.Oidc.Authority ?? throw new InvalidOperationException("Auth:Mode is oidc but Auth:Oidc:Authority is not set.");
        jwt.Audience = auth.Oidc.Audience ?? throw new InvalidOperationException("Auth:Mode is oidc but Auth:Oidc:Audience is not set.");
        jwt.RequireHttpsMetadata = auth.Oidc.RequireHttpsMetadata;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = auth.Oidc.Audience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSsaPssSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = Claims.Name,
            // The provider's own claim carries the registry role (e.g. "roles" or "registry_role").
            RoleClaimType = auth.Oidc.RoleClaim,
        };
    }
}
