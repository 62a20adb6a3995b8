using System.Net;
using Registry.Api.Webhooks;
using static Registry.Api.Webhooks.AddressClass.Kind;

namespace Registry.Tests.Webhooks;

/// <summary>Where a webhook may connect (SSRF): one classifier for the subscription check and the connection check.</summary>
public sealed class AddressClassTests
{
    [Theory]
    // Global unicast, on its own and carried by a translation prefix.
    [InlineData("93.184.216.34", Public)]
    [InlineData("8.8.8.8", Public)]
    [InlineData("11.0.0.1", Public)]
    [InlineData("100.63.255.255", Public)]
    [InlineData("100.128.0.1", Public)]
    [InlineData("172.15.255.255", Public)]
    [InlineData("172.32.0.1", Public)]
    [InlineData("192.0.1.1", Public)]
    [InlineData("198.17.255.255", Public)]
    [InlineData("198.20.0.1", Public)]
    [InlineData("223.255.255.254", Public)]
    [InlineData("2001:4860:4860::8888", Public)]
    [InlineData("2001:200::1", Public)]
    [InlineData("2606:4700::1111", Public)]
    [InlineData("::ffff:93.184.216.34", Public)]
    [InlineData("::ffff:0:93.184.216.34", Public)]
    [InlineData("64:ff9b::5db8:d822", Public)]
    // This host.
    [InlineData("127.0.0.1", Loopback)]
    [InlineData("127.255.255.254", Loopback)]
    [InlineData("::1", Loopback)]
    [InlineData("::ffff:127.0.0.1", Loopback)]
    // IPv4 that is not public.
    [InlineData("0.0.0.0", NotPublic)]
    [InlineData("0.1.2.3", NotPublic)]
    [InlineData("10.0.0.1", NotPublic)]
    [InlineData("10.255.255.255", NotPublic)]
    [InlineData("100.64.0.1", NotPublic)]
    [InlineData("100.127.255.254", NotPublic)]
    [InlineData("169.254.169.254", NotPublic)]
    [InlineData("172.16.0.1", NotPublic)]
    [InlineData("172.31.255.255", NotPublic)]
    [InlineData("192.0.0.8", NotPublic)]
    [InlineData("192.0.2.1", NotPublic)]
    [InlineData("192.88.99.1", NotPublic)]
    [InlineData("192.168.1.1", NotPublic)]
    [InlineData("198.18.0.1", NotPublic)]
    [InlineData("198.19.255.255", NotPublic)]
    [InlineData("198.51.100.7", NotPublic)]
    [InlineData("203.0.113.9", NotPublic)]
    [InlineData("224.0.0.1", NotPublic)]
    [InlineData("239.255.255.250", NotPublic)]
    [InlineData("240.0.0.1", NotPublic)]
    [InlineData("255.255.255.255", NotPublic)]
    // IPv4 inside IPv6: compatible (deprecated, refused whatever it carries), mapped, SIIT, NAT64.
    [InlineData("::", NotPublic)]
    [InlineData("::a9fe:a9fe", NotPublic)]
    [InlineData("::127.0.0.1", NotPublic)]
    [InlineData("::10.0.0.1", NotPublic)]
    [InlineData("::93.184.216.34", NotPublic)]
    [InlineData("::ffff:169.254.169.254", NotPublic)]
    [InlineData("::ffff:10.0.0.1", NotPublic)]
    [InlineData("::ffff:0:169.254.169.254", NotPublic)]
    [InlineData("::ffff:0:127.0.0.1", NotPublic)]
    [InlineData("64:ff9b::a9fe:a9fe", NotPublic)]
    [InlineData("64:ff9b::192.168.0.1", NotPublic)]
    [InlineData("64:ff9b::7f00:1", NotPublic)]
    [InlineData("64:ff9b:1::a9fe:a9fe", NotPublic)]
    [InlineData("64:ff9b:1::5db8:d822", NotPublic)]
    // Tunnels, refused whatever they carry: 6to4, Teredo (RFC 4380's example, and one carrying the metadata address), ISATAP.
    [InlineData("2002:a9fe:a9fe::1", NotPublic)]
    [InlineData("2002:5db8:d822::1", NotPublic)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", NotPublic)]
    [InlineData("2001:0:a9fe:a9fe:0:0:5601:5601", NotPublic)]
    [InlineData("2001:4860:1:1:0:5efe:a9fe:a9fe", NotPublic)]
    [InlineData("2001:4860:1:1:200:5efe:a00:1", NotPublic)]
    // IPv6 that is not global unicast.
    [InlineData("2001:2::1", NotPublic)]
    [InlineData("2001:1ff:ffff::1", NotPublic)]
    [InlineData("2001:db8::1", NotPublic)]
    [InlineData("3fff::1", NotPublic)]
    [InlineData("100::1", NotPublic)]
    [InlineData("fc00::1", NotPublic)]
    [InlineData("fd12:3456:789a::1", NotPublic)]
    [InlineData("fe80::1", NotPublic)]
    [InlineData("fe80::1%2", NotPublic)]
    [InlineData("febf::1", NotPublic)]
    [InlineData("fec0::1", NotPublic)]
    [InlineData("ff02::1", NotPublic)]
    [InlineData("ff05::1:3", NotPublic)]
    [InlineData("4000::1", NotPublic)]
    [InlineData("5f00::1", NotPublic)]
    public void EachAddressIsSortedByWhereItsPacketsGo(string address, AddressClass.Kind expected) =>
        Assert.Equal(expected, AddressClass.Of(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", false, false)]
    [InlineData("127.0.0.1", true, true)]
    [InlineData("::ffff:127.0.0.1", true, true)]
    [InlineData("::127.0.0.1", true, false)]
    [InlineData("169.254.169.254", true, false)]
    [InlineData("93.184.216.34", false, true)]
    public void LoopbackIsAllowedOnlyWhereConfigured(string address, bool allowLoopback, bool allowed) =>
        Assert.Equal(allowed, WebhookTargets.Allowed(IPAddress.Parse(address), allowLoopback));

    private const string NotPublicAddress = "The address is private, link-local or otherwise not public.";

    [Theory]
    [InlineData("https://hooks.example/x", false, null)]
    [InlineData("https://[2001:4860:4860::8888]/x", false, null)]
    [InlineData("https://10.0.0.1/hooks", false, NotPublicAddress)]
    [InlineData("https://[::a9fe:a9fe]/x", false, NotPublicAddress)]
    [InlineData("http://[::a9fe:a9fe]/x", true, NotPublicAddress)]
    [InlineData("http://[::127.0.0.1]/x", true, NotPublicAddress)]
    [InlineData("https://[::ffff:a9fe:a9fe]/x", false, NotPublicAddress)]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/x", false, NotPublicAddress)]
    [InlineData("https://[2002:a9fe:a9fe::1]/x", false, NotPublicAddress)]
    [InlineData("https://[fe80::1%25eth0]/x", false, NotPublicAddress)]
    [InlineData("https://2852039166/x", false, NotPublicAddress)]
    [InlineData("https://0xa9.0xfe.0xa9.0xfe/x", false, NotPublicAddress)]
    [InlineData("https://127.0.0.1/x", false, "Loopback targets are for development and tests.")]
    [InlineData("https://[::ffff:127.0.0.1]/x", false, "Loopback targets are for development and tests.")]
    [InlineData("http://127.0.0.1:9/x", false, "https only.")]
    [InlineData("http://127.0.0.1:9/x", true, null)]
    [InlineData("http://[::1]:8080/x", true, null)]
    [InlineData("http://[::ffff:127.0.0.1]/x", true, null)]
    [InlineData("http://localhost:8080/x", true, null)]
    [InlineData("http://hooks.example/x", true, "https, or http to a loopback address.")]
    public void ASubscriptionsUrlIsJudgedByTheSameClassifier(string url, bool allowLoopback, string? problem) =>
        Assert.Equal(problem, WebhookTargets.Problem(url, allowLoopback));
}
