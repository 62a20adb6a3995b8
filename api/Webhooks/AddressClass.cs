using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Registry.Api.Webhooks;

/// <summary>
/// Sorts an IP address into where a webhook may go (DESIGN §8, SSRF) — the one classifier that both the subscription
/// check and the connection check use. Only global unicast passes. An IPv6 address that carries an IPv4 address is
/// judged by the IPv4 address it leads to, because that is where the packets end up: IPv4-mapped (::ffff:0:0/96, the
/// host's own dual-stack sockets), SIIT (::ffff:0:0:0/96) and NAT64's well-known prefix (64:ff9b::/96). The tunnelling
/// prefixes — 6to4 (2002::/16), Teredo (2001::/32, inside 2001::/23) and ISATAP interface ids — are refused whatever
/// they carry: they are deprecated or client-side NAT traversal, no webhook receiver needs one, and a host with a tunnel
/// interface would send their packets to the embedded IPv4 address, so refusing them is simpler and no weaker than
/// decoding each. IPv4-compatible addresses (::a.b.c.d, deprecated by RFC 4291) are refused the same way.
/// </summary>
public static class AddressClass
{
    public enum Kind
    {
        /// <summary>Global unicast: webhooks may go there.</summary>
        Public,

        /// <summary>This host (127.0.0.0/8, ::1, ::ffff:127.0.0.0/104): only where Webhooks:AllowLoopback is on.</summary>
        Loopback,

        /// <summary>Private, link-local, reserved, multicast, documentation, a tunnel, …: never.</summary>
        NotPublic,
    }

    public static Kind Of(IPAddress address) => address.AddressFamily switch
    {
        AddressFamily.InterNetwork => OfIPv4(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes())),
        AddressFamily.InterNetworkV6 => OfIPv6(address.GetAddressBytes()),
        _ => Kind.NotPublic,
    };

    // IANA's special-purpose IPv4 registry (RFC 6890 and later) minus what is globally reachable, as (network, prefix).
    private static readonly (uint Network, int Prefix)[] s_notPublicIPv4 =
    [
        (0x00000000, 8),   // 0.0.0.0/8 "this network"
        (0x0A000000, 8),   // 10.0.0.0/8 private
        (0x64400000, 10),  // 100.64.0.0/10 carrier-grade NAT
        (0xA9FE0000, 16),  // 169.254.0.0/16 link-local, cloud metadata services
        (0xAC100000, 12),  // 172.16.0.0/12 private
        (0xC0000000, 24),  // 192.0.0.0/24 IETF protocol assignments
        (0xC0000200, 24),  // 192.0.2.0/24 documentation (TEST-NET-1)
        (0xC0586300, 24),  // 192.88.99.0/24 6to4 relay anycast (deprecated)
        (0xC0A80000, 16),  // 192.168.0.0/16 private
        (0xC6120000, 15),  // 198.18.0.0/15 benchmarking
        (0xC6336400, 24),  // 198.51.100.0/24 documentation (TEST-NET-2)
        (0xCB007100, 24),  // 203.0.113.0/24 documentation (TEST-NET-3)
        (0xE0000000, 4),   // 224.0.0.0/4 multicast
        (0xF0000000, 4),   // 240.0.0.0/4 reserved, and 255.255.255.255 broadcast
    ];

    private static Kind OfIPv4(uint address)
    {
        if (address >> 24 == 127)
        {
            return Kind.Loopback;
        }

        return s_notPublicIPv4.Any(range => address >> (32 - range.Prefix) == range.Network >> (32 - range.Prefix))
            ? Kind.NotPublic
            : Kind.Public;
    }

    // Inside 2000::/3, the parts that are not global unicast, as (first 64 bits, prefix).
    private static readonly (ulong Network, int Prefix)[] s_notPublicIPv6 =
    [
        (0x2001_0000_0000_0000, 23), // 2001::/23 IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID, …
        (0x2001_0DB8_0000_0000, 32), // 2001:db8::/32 documentation
        (0x2002_0000_0000_0000, 16), // 2002::/16 6to4
        (0x3FFF_0000_0000_0000, 20), // 3fff::/20 documentation (RFC 9637)
    ];

    private static Kind OfIPv6(byte[] bytes)
    {
        var high = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var low = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(8));
        var embedded = (uint)low;

        if (high == 0)
        {
            return (low >> 32) switch
            {
                // ::1 is loopback; :: and the IPv4-compatible ::a.b.c.d (::127.0.0.1 too) are not public.
                0 => low == 1 ? Kind.Loopback : Kind.NotPublic,
                // IPv4-mapped: the host's dual-stack socket connects to the IPv4 address itself, loopback included.
                0xFFFF => OfIPv4(embedded),
                // SIIT: a translator's loopback is not ours, so only a public address passes.
                0xFFFF_0000 => Translated(embedded),
                _ => Kind.NotPublic,
            };
        }

        // NAT64's well-known prefix, the same way (64:ff9b:1::/48, local-use NAT64, is refused below).
        if (high == 0x0064_FF9B_0000_0000 && low >> 32 == 0)
        {
            return Translated(embedded);
        }

        // Outside 2000::/3 nothing is global unicast: ::/8, 64:ff9b:1::/48, fc00::/7 unique local, fe80::/10
        // link-local, fec0::/10 site-local, ff00::/8 multicast, ….
        if (high >> 61 != 0b001 || s_notPublicIPv6.Any(range => high >> (64 - range.Prefix) == range.Network >> (64 - range.Prefix)))
        {
            return Kind.NotPublic;
        }

        // ISATAP interface ids (RFC 5214): 0000:5efe or 0200:5efe, then the IPv4 address of the tunnel's end.
        return (low >> 32 & ~0x0200_0000UL) == 0x0000_5EFE ? Kind.NotPublic : Kind.Public;
    }

    private static Kind Translated(uint ipv4) => OfIPv4(ipv4) == Kind.Public ? Kind.Public : Kind.NotPublic;
}
