using System.Net;
using System.Net.Sockets;

namespace Registry.Api.Webhooks;

/// <summary>
/// Where webhooks may go (DESIGN §8, SSRF): https to a public address; plain http and loopback only where configured
/// (development and tests). Checked when a subscription is made and again for the address each connection goes to.
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

        var loopbackHost = uri.IsLoopback;
        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && allowLoopback && loopbackHost))
        {
            return IPAddress.TryParse(uri.IdnHost, out var address) && !Allowed(address, allowLoopback)
                ? "The address is private, link-local or otherwise not public."
                : loopbackHost && !allowLoopback ? "Loopback targets are for development and tests." : null;
        }

        return allowLoopback ? "https, or http to a loopback address." : "https only.";
    }

    /// <summary>Whether a connection may go to this address.</summary>
    public static bool Allowed(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC
                || address.Equals(IPAddress.IPv6Any));
        }

        var b = address.GetAddressBytes();
        return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 100 && b[1] >= 64 && b[1] < 128) || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] >= 16 && b[1] < 32) || (b[0] == 192 && b[1] == 168) || (b[0] == 192 && b[1] == 0 && b[2] == 0)
            || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) || b[0] >= 224);
    }
}
