using System.Net;

namespace Registry.Api.Webhooks;

/// <summary>
/// Where webhooks may go (DESIGN §8, SSRF): https to a public address; plain http and loopback only where configured
/// (development and tests). Checked when a subscription is made and again for the address each connection goes to,
/// both through <see cref="AddressClass"/>.
/// </summary>
public static class WebhookTargets
{
    /// <summary>What is wrong with the URL as a target, or null.</summary>
    public static string? Problem(string url, bool allowLoopback)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "An absolute http(s) URL without user information or fragment.";
        }

        // An address in the URL is judged before the scheme, so that http://[::a9fe:a9fe]/ is refused for what it is.
        // Uri has already turned 0x7f.1, 2130706433 and the like into dotted quads; DnsSafeHost drops IPv6 brackets.
        AddressClass.Kind? literal = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.DnsSafeHost, out var address)
            ? AddressClass.Of(address)
            : null;
        if (literal == AddressClass.Kind.NotPublic)
        {
            return "The address is private, link-local or otherwise not public.";
        }

        var loopbackHost = literal is null ? uri.IsLoopback : literal == AddressClass.Kind.Loopback;
        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && allowLoopback && loopbackHost))
        {
            return loopbackHost && !allowLoopback ? "Loopback targets are for development and tests." : null;
        }

        return allowLoopback ? "https, or http to a loopback address." : "https only.";
    }

    /// <summary>Whether a connection may go to this address.</summary>
    public static bool Allowed(IPAddress address, bool allowLoopback) => AddressClass.Of(address) switch
    {
        AddressClass.Kind.Public => true,
        AddressClass.Kind.Loopback => allowLoopback,
        _ => false,
    };
}
