using System.Net;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>What a site's changes write to the outbox: public events for what the public sees, tombstones, and the rest for coordinators.</summary>
[Collection(SharedApi.Name)]
public sealed class SupplierEventTests(RegistryApiFactory api)
{
    [Fact]
    public async Task ASitesLifeIsOneEventPerChangeAtTheLevelThatCanSeeIt()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var input = Sites.Input("イベント精工");
        var site = await Sites.CreateAsync(coordinator.Client, input);
        await Sites.AddAsync<Capability>(coordinator.Client, site.Id, "capabilities", new CapabilityInput { ProcessCode = "machining.turning.cnc" });
        var published = await Sites.PublishAsync(coordinator.Client, site.Id);

        // The contact is for members: changing it changes nothing the public sees.
        using var contact = await Sites.PutAsync(coordinator.Client, $"/api/v1/suppliers/{site.Id}",
            input with { Contact = new ContactInput { Name = "佐藤 花子", Email = "sato@test.example" } }, published.Version);
        Assert.Equal(HttpStatusCode.OK, contact.StatusCode);
        var changed = (await contact.ReadJsonAsync<SupplierProfile>())!;
        using var described = await Sites.PutAsync(coordinator.Client, $"/api/v1/suppliers/{site.Id}",
            input with { Contact = new ContactInput { Name = "佐藤 花子", Email = "sato@test.example" }, Strengths = "5軸の短納期試作" }, changed.Version);
        Assert.Equal(HttpStatusCode.OK, described.StatusCode);
        // A refused write leaves nothing.
        using var stale = await Sites.PutAsync(coordinator.Client, $"/api/v1/suppliers/{site.Id}", input, changed.Version);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var archived = await coordinator.Client.PostAsync($"/api/v1/suppliers/{site.Id}/archive", null);
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);

        var events = await Outboxed.OfAsync(api, site.Id);
        Assert.Equal(
            [
                ("supplier.created", "coordinators"), ("supplier.capabilities.added", "coordinators"), ("supplier.published", "public"),
                ("supplier.updated", "coordinators"), ("supplier.updated", "public"), ("supplier.archived", "public"),
            ],
            events.Select(e => (e.Type, e.Visibility)));
        Assert.All(events, e => Assert.Equal(site.Id, e.SupplierId));
        // A coordinators' event names what changed since the coordinators' previous one (here also the publication).
        Assert.Equal(["contact", "publishedAt", "status"], events[3].Changed);
        Assert.Equal(["strengths"], events[4].Changed);
        Assert.DoesNotContain("sato@test.example", events[4].Payload, StringComparison.Ordinal);
        Assert.Null(events[5].Payload);
    }
}
