namespace Registry.Api.Errors;

/// <summary>
/// Stable problem type URIs (RFC 9457 §3.1.1). Relative references, resolved against the service's own address;
/// docs/problems.md says what each means and what a client should do.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "/problems/";

    public const string Validation = Base + "validation";
    public const string MalformedRequest = Base + "malformed-request";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string NotFound = Base + "not-found";
    public const string NotReady = Base + "not-ready";
    public const string Unavailable = Base + "unavailable";
    public const string RateLimited = Base + "rate-limited";
    public const string UnknownQueryParameter = Base + "unknown-query-parameter";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string InvalidCredentials = Base + "invalid-credentials";
    public const string InvalidRefreshToken = Base + "invalid-refresh-token";
    public const string LoginThrottled = Base + "login-throttled";
    public const string OAuthError = Base + "oauth-error";
    public const string Conflict = Base + "conflict";
    public const string PreconditionFailed = Base + "precondition-failed";
    public const string PreconditionRequired = Base + "precondition-required";
    public const string InvalidCursor = Base + "invalid-cursor";
    public const string IssuerOff = Base + "issuer-off";
    public const string Idempotency = Base + "idempotency";
    public const string Internal = Base + "internal";
    public const string NotAcceptable = Base + "not-acceptable";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string FeedExpired = Base + "feed-expired";
    public const string LinkGone = Base + "link-gone";

    /// <summary>The type for a bare status code that no endpoint described further.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => MalformedRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status500InternalServerError => Internal,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        _ => Base + "http-" + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
