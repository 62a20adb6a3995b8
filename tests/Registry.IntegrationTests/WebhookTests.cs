using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Registry.Contracts;
using Registry.Contracts.Problems;
using Registry.Contracts.Suppliers;
using Registry.Contracts.Webhooks;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>Signed webhooks from the outbox to a receiver on loopback that goes down and comes back.</summary>
[Collection(SharedApi.Name)]
public sealed class WebhookTests(RegistryApiFactory api)
{
    [Fact]
    public async Task AReceiverThatWasDownGetsEveryEventOnceSignedAndARedeliveryOnRequest()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var integrator = await IntegratorAsync();
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var input = Sites.Input("ウェブフック精工");
        var site = await Sites.PublishedAsync(coordinator.Client, input);

        using var created = await integrator.PostAsJsonAsync("/api/v1/webhooks",
            new WebhookInput { Url = receiver.Url.ToString(), EventTypes = ["supplier.*"], SupplierIds = [site.Id] }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var subscription = (await created.ReadJsonAsync<WebhookWithSecret>())!;
        Assert.StartsWith("whsec_", subscription.Secret, StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.Secret, await (await integrator.GetAsync($"/api/v1/webhooks/{subscription.Webhook.Id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Three edits while the receiver is down.
        receiver.Down = true;
        var version = site.Version;
        foreach (var strength in new[] { "短納期", "精密研削", "5軸加工" })
        {
            using var edited = await Sites.PutAsync(coordinator.Client, $"/api/v1/suppliers/{site.Id}", input with { Strengths = strength }, version);
            version = (await edited.ReadJsonAsync<SupplierProfile>())!.Version;
        }

        var deliveries = $"/api/v1/webhooks/{subscription.Webhook.Id}/deliveries";
        await Eventually.UntilAsync(async () => (await PageAsync(integrator, deliveries)).Items is { Count: 3 } items && items.All(d => d.Attempts >= 2), "The webhook worker");
        Assert.DoesNotContain(receiver.Requests, r => r.AnsweredWith == 204);

        receiver.Down = false;
        await Eventually.UntilAsync(async () => (await PageAsync(integrator, deliveries)).Items.All(d => d.Status == DeliveryStatus.Delivered), "The webhook worker");
        var delivered = (await PageAsync(integrator, deliveries)).Items;
        var accepted = receiver.Requests.Where(r => r.AnsweredWith == 204).ToList();
        Assert.Equal(delivered.Select(d => d.MessageId).Order(), accepted.Select(r => r.Id).Order());
        Assert.All(delivered, d => Assert.True(d.AttemptLog.Count >= 2 && d.AttemptLog[^1].StatusCode == 204, "the attempts are not all listed"));
        foreach (var request in receiver.Requests)
        {
            Assert.Equal(Sign(subscription.Secret, request.Id, request.Timestamp, request.Body), request.Signature);
            using var body = JsonDocument.Parse(request.Body);
            Assert.Equal("supplier.updated", body.RootElement.GetProperty("type").GetString());
            Assert.Equal(site.Id, body.RootElement.GetProperty("data").GetProperty("resourceId").GetGuid());
        }

        // Redelivery sends the same message again, as a new series.
        var again = delivered[0];
        using var redeliver = await integrator.PostAsync($"{deliveries}/{again.Id}/redeliver", null);
        Assert.Equal(HttpStatusCode.OK, redeliver.StatusCode);
        await Eventually.UntilAsync(() => Task.FromResult(receiver.Requests.Count(r => r.Id == again.MessageId && r.AnsweredWith == 204) == 2), "The webhook worker");
    }

    [Fact]
    public async Task ADeadEndpointIsParkedAfterTheLastAttemptAndBadSubscriptionsAreRefused()
    {
        using var integrator = await IntegratorAsync();
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = await Sites.PublishedAsync(coordinator.Client, Sites.Input("不達テスト工業"));
        // Nothing listens on port 9 (discard) on loopback here.
        using var created = await integrator.PostAsJsonAsync("/api/v1/webhooks",
            new WebhookInput { Url = "http://127.0.0.1:9/hooks", EventTypes = ["supplier.archived"], SupplierIds = [site.Id] }, Json.Options);
        var subscription = (await created.ReadJsonAsync<WebhookWithSecret>())!;
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.PostAsync($"/api/v1/suppliers/{site.Id}/archive", null)).StatusCode);

        var deliveries = $"/api/v1/webhooks/{subscription.Webhook.Id}/deliveries?status=parked";
        await Eventually.UntilAsync(async () => (await PageAsync(integrator, deliveries)).Items.Count == 1, "The webhook worker");
        var parked = (await PageAsync(integrator, deliveries)).Items.Single();
        Assert.Equal((6, "supplier.archived"), (parked.Attempts, parked.EventType));
        Assert.All(parked.AttemptLog, a => Assert.NotNull(a.Error));

        foreach (var (url, types) in new[] { ("https://10.0.0.1/hooks", "supplier.*"), ("https://169.254.169.254/x", "*"), ("https://hooks.example/x", "Supplier!") })
        {
            using var refused = await integrator.PostAsJsonAsync("/api/v1/webhooks", new WebhookInput { Url = url, EventTypes = [types] }, Json.Options);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var member = await TestAccounts.SignInAsync(api, "member");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync("/api/v1/webhooks")).StatusCode);
    }

    [Fact]
    public async Task PrivateAddressesEmbeddedInIPv6AreRefusedLikeThePrivateAddressesThemselves()
    {
        using var integrator = await IntegratorAsync();
        var expected = await RefusalAsync(integrator, "https://169.254.169.254/x");
        Assert.Equal((400, "/problems/validation"), (expected.Status, expected.Type));
        Assert.Equal(["このアドレスはプライベートやリンクローカルなど、公開されていないアドレスです。"], expected.Errors!["url"]);

        // The test host allows http to loopback, so the http forms also check that an embedding is not taken for it.
        foreach (var url in new[]
        {
            "http://[::a9fe:a9fe]/x", "https://[::a9fe:a9fe]/x", "http://[::127.0.0.1]/x", "https://[::ffff:169.254.169.254]/x",
            "https://[::ffff:0:169.254.169.254]/x", "https://[64:ff9b::a9fe:a9fe]/x", "https://[64:ff9b:1::a9fe:a9fe]/x",
            "https://[2002:a9fe:a9fe::1]/x", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x", "https://[fd00::1]/x",
            "https://[fe80::1]/x", "https://[fec0::1]/x", "https://[ff02::1]/x", "https://[2001:db8::1]/x", "https://[::]/x",
            "https://100.64.0.1/x", "https://198.18.0.1/x", "https://240.0.0.1/x", "https://192.0.0.8/x",
        })
        {
            var refused = await RefusalAsync(integrator, url);
            Assert.True((refused.Status, refused.Type, refused.Title) == (expected.Status, expected.Type, expected.Title), url);
            Assert.Equal(expected.Errors["url"], refused.Errors!["url"]);
        }

        using var list = await integrator.GetAsync("/api/v1/webhooks");
        Assert.DoesNotContain("a9fe", await list.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<Problem> RefusalAsync(HttpClient integrator, string url)
    {
        using var response = await integrator.PostAsJsonAsync("/api/v1/webhooks", new WebhookInput { Url = url, EventTypes = ["*"] }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.ReadJsonAsync<Problem>())!;
    }

    [Fact]
    public async Task ASubscriptionWhoseSecretCannotBeDecryptedIsParkedAndTheOthersAreStillDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var integrator = await IntegratorAsync();
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var input = Sites.Input("鍵紛失テスト工業");
        var site = await Sites.PublishedAsync(coordinator.Client, input);
        var subscriptions = new List<WebhookWithSecret>();
        foreach (var _ in new[] { "lost", "kept" })
        {
            using var created = await integrator.PostAsJsonAsync("/api/v1/webhooks",
                new WebhookInput { Url = receiver.Url.ToString(), EventTypes = ["supplier.*"], SupplierIds = [site.Id] }, Json.Options);
            subscriptions.Add((await created.ReadJsonAsync<WebhookWithSecret>())!);
        }

        // As if the service's Data Protection keys had been lost since the first subscription was made.
        var otherKeys = DataProtectionProvider.Create(Path.Combine(Path.GetTempPath(), $"other-keys-{Guid.NewGuid():N}"));
        var foreign = otherKeys.CreateProtector(Registry.Api.Webhooks.WebhookDispatcher.SecretPurpose).Protect(subscriptions[0].Secret);
        await using (var connection = new Npgsql.NpgsqlConnection(api.ConnectionString))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE webhook_subscriptions SET secret_protected = @foreign WHERE id = @id",
                new { foreign, subscriptions[0].Webhook.Id });
        }

        using (var edited = await Sites.PutAsync(coordinator.Client, $"/api/v1/suppliers/{site.Id}", input with { Strengths = "鍵の再発行" }, site.Version))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        var lost = $"/api/v1/webhooks/{subscriptions[0].Webhook.Id}/deliveries";
        var kept = $"/api/v1/webhooks/{subscriptions[1].Webhook.Id}/deliveries?status=delivered";
        // A claimed delivery shows its attempt (pending) before its outcome: wait for the outcome, not the claim.
        await Eventually.UntilAsync(async () => (await PageAsync(integrator, lost)).Items is [{ Status: not DeliveryStatus.Pending }]
            && (await PageAsync(integrator, kept)).Items.Count == 1, "The webhook worker");
        var parked = (await PageAsync(integrator, lost)).Items.Single();
        Assert.Equal((DeliveryStatus.Parked, 1, Registry.Api.Webhooks.WebhookDispatcher.UnreadableSecret),
            (parked.Status, parked.Attempts, parked.AttemptLog.Single().Error));

        // The worker carries on: the next event reaches the subscription that can sign, and is parked for the other.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.PostAsync($"/api/v1/suppliers/{site.Id}/archive", null)).StatusCode);
        await Eventually.UntilAsync(async () => (await PageAsync(integrator, lost)).Items is { Count: 2 } both && both.All(d => d.Status != DeliveryStatus.Pending)
            && (await PageAsync(integrator, kept)).Items.Count == 2, "The webhook worker");
        Assert.All((await PageAsync(integrator, lost)).Items, d => Assert.Equal(DeliveryStatus.Parked, d.Status));
        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal(Sign(subscriptions[1].Secret, r.Id, r.Timestamp, r.Body), r.Signature));
    }

    [Fact]
    public async Task TwoProcessesDeliveringAtOnceSendEachMessageOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // A second service process on the same database: its own webhook worker competes for the same deliveries.
        await using var second = new RegistryApiFactory().With("Auth:KeyDirectory", api.KeyDirectory);
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var integrator = await IntegratorAsync();
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var input = Sites.Input("並行配信精工");
        var site = await Sites.PublishedAsync(coordinator.Client, input);
        using var created = await integrator.PostAsJsonAsync("/api/v1/webhooks",
            new WebhookInput { Url = receiver.Url.ToString(), EventTypes = ["supplier.updated"], SupplierIds = [site.Id] }, Json.Options);
        var subscription = (await created.ReadJsonAsync<WebhookWithSecret>())!;

        var version = site.Version;
        for (var i = 0; i < 30; i++)
        {
            using var edited = await Sites.PutAsync(coordinator.Client, $"/api/v1/suppliers/{site.Id}", input with { Strengths = $"強み {i}" }, version);
            version = (await edited.ReadJsonAsync<SupplierProfile>())!.Version;
        }

        var deliveries = $"/api/v1/webhooks/{subscription.Webhook.Id}/deliveries?limit=200";
        await Eventually.UntilAsync(async () => (await PageAsync(integrator, deliveries)).Items is { Count: 30 } items && items.All(d => d.Status == DeliveryStatus.Delivered), "The webhook worker");
        var received = receiver.Requests.GroupBy(r => r.Id).ToList();
        Assert.Equal(30, received.Count);
        Assert.All(received, message => Assert.Single(message));
    }

    [Fact]
    public async Task ASubscriptionNarrowedToAClusterGetsOnlyItsMembersEvents()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var integrator = await IntegratorAsync();
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var member = await Sites.PublishedAsync(coordinator.Client, Sites.Input("クラスター会員精工"));
        var outsider = await Sites.PublishedAsync(coordinator.Client, Sites.Input("非会員精工"));
        using var cluster = await coordinator.Client.PostAsJsonAsync("/api/v1/clusters", new Registry.Contracts.Clusters.ClusterInput
        {
            Code = "hook-" + Guid.NewGuid().ToString("N")[..8],
            NameJa = "通知テストクラスター",
            Sector = Registry.Contracts.Clusters.ClusterSector.Other,
            Region = new Registry.Contracts.Matching.MatchingRegion { Centre = Sites.Toyota, RadiusKm = 30 },
            ValueChain = ["machining"],
        }, Json.Options);
        var clusterId = (await cluster.ReadJsonAsync<Registry.Contracts.Clusters.Cluster>())!.Id;
        using var added = await coordinator.Client.PostAsJsonAsync($"/api/v1/clusters/{clusterId}/members",
            new Registry.Contracts.Clusters.MembershipInput { SupplierId = member.Id }, Json.Options);
        using var created = await integrator.PostAsJsonAsync("/api/v1/webhooks",
            new WebhookInput { Url = receiver.Url.ToString(), EventTypes = ["supplier.updated"], ClusterId = clusterId }, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        foreach (var site in new[] { outsider, member })
        {
            using var edited = await Sites.PutAsync(coordinator.Client, $"/api/v1/suppliers/{site.Id}", Sites.Input(site.NameJa) with { Strengths = "通知" }, site.Version);
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        await Eventually.UntilAsync(() => Task.FromResult(!receiver.Requests.IsEmpty), "The webhook worker");
        await Task.Delay(500); // the outsider's event, if it were sent, would be as quick
        var ids = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("resourceId").GetGuid()).ToList();
        Assert.Equal([member.Id], ids);
    }

    /// <summary>Standard Webhooks, written out here independently of the service: HMAC-SHA256 over "id.timestamp.body".</summary>
    private static string Sign(string secret, string id, string timestamp, string body)
    {
        using var hmac = new HMACSHA256(Convert.FromBase64String(secret["whsec_".Length..]));
        return "v1," + Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp + "." + body)));
    }

    private Task<HttpClient> IntegratorAsync() => TestAccounts.IntegratorAsync(api, "ウェブフック工業会", "webhooks:manage", "feed:read");

    private static async Task<Page<WebhookDelivery>> PageAsync(HttpClient client, string path) =>
        (await (await client.GetAsync(path)).ReadJsonAsync<Page<WebhookDelivery>>())!;
}
