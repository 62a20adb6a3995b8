using System.Net;
using System.Net.Http.Json;
using Registry.Contracts;
using Registry.Contracts.Audit;
using Registry.Contracts.Problems;
using Registry.Contracts.Suppliers;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

[Collection(SharedApi.Name)]
public sealed class SupplierTests(RegistryApiFactory api)
{
    [Fact]
    public async Task SupplierAccountCreatesADraftItAloneMayEdit()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        using var other = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.CreateAsync(supplier.Client, Sites.Input("豊田精工"));

        using var anonymous = api.CreateClient();
        using var asOther = await Sites.PutAsync(other.Client, $"/api/v1/suppliers/{site.Id}", Sites.Input("乗っ取り"), site.Version);
        using var hidden = await anonymous.GetAsync($"/api/v1/suppliers/{site.Id}");
        var own = (await supplier.Client.GetFromJsonAsync<SupplierProfile>($"/api/v1/suppliers/{site.Id}", Json.Options))!;

        Assert.Equal(SupplierStatus.Draft, site.Status);
        Assert.True(own.CanEdit);
        Assert.Equal("yamada@test.example", own.Contact.Email);
        Assert.Equal(HttpStatusCode.Forbidden, asOther.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task InvalidCodesAreFieldErrors()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var input = Sites.Input("誤り") with
        {
            CorporateNumber = "1180301018772",
            MunicipalityCode = "131016",
            PostalCode = "4710001",
            IndustryCodes = ["45"],
            Location = new GeoLocation { Lat = 31.2304, Lon = 121.4737 },
        };

        using var response = await coordinator.Client.PostAsJsonAsync("/api/v1/suppliers", input, Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync<Problem>())!.Errors!;
        Assert.Contains("corporateNumber", errors.Keys);
        Assert.Contains("都道府県コード 13 の地域にあり、23 ではありません", errors["municipalityCode"][0], StringComparison.Ordinal);
        Assert.Contains("postalCode", errors.Keys);
        Assert.Contains("industryCodes[0]", errors.Keys);
        Assert.Contains("location", errors.Keys);
    }

    [Fact]
    public async Task UpdatesNeedTheCurrentVersion()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.CreateAsync(supplier.Client, Sites.Input("版管理"));
        var path = $"/api/v1/suppliers/{site.Id}";

        using var missing = await Sites.PutAsync(supplier.Client, path, Sites.Input("版管理 2"), version: null);
        using var stale = await Sites.PutAsync(supplier.Client, path, Sites.Input("版管理 2"), site.Version - 1 + 10);
        using var current = await Sites.PutAsync(supplier.Client, path, Sites.Input("版管理 2"), site.Version);

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        var updated = (await current.ReadJsonAsync<SupplierProfile>())!;
        Assert.Equal("版管理 2", updated.NameJa);
        Assert.Equal($"\"{updated.Version}\"", current.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task PublishingNeedsLocationAndACapability()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.CreateAsync(supplier.Client, Sites.Input("未完成") with { Location = null });

        using var refused = await supplier.Client.PostAsync($"/api/v1/suppliers/{site.Id}/publish", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var errors = (await refused.ReadJsonAsync<Problem>())!.Errors!;
        Assert.Contains("location", errors.Keys);
        Assert.Contains("capabilities", errors.Keys);
    }

    [Fact]
    public async Task PublishedSiteIsReadableByAnyoneAndPartsHaveFullCrud()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.PublishedAsync(supplier.Client, Sites.Input("公開工業"));
        var equipment = await Sites.AddAsync<Equipment>(supplier.Client, site.Id, "equipment",
            new EquipmentInput { TypeCode = "press.servo", Maker = "アマダ", Model = "SDE-2025", Count = 2, SpecValue = 200, Year = 2019 });
        var certification = await Sites.AddAsync<Certification>(supplier.Client, site.Id, "certifications",
            new CertificationInput { Code = "iso_9001", Number = "JQA-1234", ValidUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1) });
        await Sites.AddAsync<StaffQualification>(supplier.Client, site.Id, "staff", new StaffInput { QualificationCode = "ginou.machining_centre.1", Headcount = 3 });

        using var replaced = await Sites.PutAsync(supplier.Client, $"/api/v1/suppliers/{site.Id}/equipment/{equipment.Id}",
            new EquipmentInput { TypeCode = "press.servo", Maker = "アマダ", Model = "SDE-3025", Count = 3, SpecValue = 300 }, equipment.Version);
        using var staleReplace = await Sites.PutAsync(supplier.Client, $"/api/v1/suppliers/{site.Id}/equipment/{equipment.Id}",
            new EquipmentInput { TypeCode = "press.servo", Count = 1 }, equipment.Version);
        using var removed = await supplier.Client.DeleteAsync($"/api/v1/suppliers/{site.Id}/certifications/{certification.Id}");
        using var anonymous = api.CreateClient();
        var profile = (await anonymous.GetFromJsonAsync<SupplierProfile>($"/api/v1/suppliers/{site.Id}", Json.Options))!;

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleReplace.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(SupplierStatus.Published, profile.Status);
        var press = Assert.Single(profile.Equipment.Items!);
        Assert.Equal((3, 300m, "tf"), (press.Count, press.SpecValue!.Value, press.SpecUnit!));
        Assert.Empty(profile.Certifications.Items!);
        Assert.Contains("machining.milling.5axis", profile.Processes);
    }

    [Fact]
    public async Task UnknownTaxonomyCodesAreRefused()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.CreateAsync(supplier.Client, Sites.Input("分類"));

        using var response = await supplier.Client.PostAsJsonAsync($"/api/v1/suppliers/{site.Id}/capabilities",
            new CapabilityInput { ProcessCode = "machining.teleportation", MaterialCodes = ["unobtainium"] }, Json.Options);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync<Problem>())!.Errors!;
        Assert.Contains("processCode", errors.Keys);
        Assert.Contains("materialCodes[0]", errors.Keys);
    }

    [Fact]
    public async Task EditingVerifiedFactsSendsTheSiteBackToTheQueue()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = await Sites.PublishedAsync(supplier.Client, Sites.Input("検証済"));

        using var verify = await coordinator.Client.PostAsync($"/api/v1/suppliers/{site.Id}/verify", null);
        var verified = (await verify.ReadJsonAsync<SupplierProfile>())!;
        await Sites.AddAsync<Equipment>(supplier.Client, site.Id, "equipment", new EquipmentInput { TypeCode = "lathe.cnc", SpecValue = 300 });
        var after = (await supplier.Client.GetFromJsonAsync<SupplierProfile>($"/api/v1/suppliers/{site.Id}", Json.Options))!;
        var queue = (await coordinator.Client.GetFromJsonAsync<Page<VerificationQueueItem>>("/api/v1/suppliers/verification-queue?limit=200", Json.Options))!;

        Assert.Equal(VerificationStatus.Verified, verified.Verification.Status);
        Assert.Equal(coordinator.Id.ToString(), verified.Verification.VerifiedBy);
        Assert.Equal(VerificationStatus.Pending, after.Verification.Status);
        Assert.Contains(queue.Items, i => i.Id == site.Id && i.Verification == VerificationStatus.Pending);
    }

    [Fact]
    public async Task HistoryShowsEveryChangeToTheOwnerOnly()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        using var other = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.PublishedAsync(supplier.Client, Sites.Input("履歴"));

        var history = (await supplier.Client.GetFromJsonAsync<Page<AuditEntry>>($"/api/v1/suppliers/{site.Id}/history", Json.Options))!;
        using var refused = await other.Client.GetAsync($"/api/v1/suppliers/{site.Id}/history");

        Assert.Equal(["supplier.published", "supplier.capabilities.added", "supplier.created"], history.Items.Select(e => e.Action));
        Assert.All(history.Items, e => Assert.Equal(supplier.Id.ToString(), e.ActorId));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task ReconfirmingRenewsConfirmationAndSpareCapacity()
    {
        using var supplier = await TestAccounts.SignInAsync(api, "supplier");
        var site = await Sites.CreateAsync(supplier.Client, Sites.Input("再確認") with
        {
            Capacity = new CapacityInput { SpareCapacityPct = 30, SpareCapacityValidUntil = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1) },
        });
        Assert.Null(site.Capacity.SpareCapacityPct);
        Assert.True(site.Capacity.SpareCapacityExpired);

        using var response = await supplier.Client.PostAsync($"/api/v1/suppliers/{site.Id}/reconfirm", null);
        var renewed = (await response.ReadJsonAsync<SupplierProfile>())!;

        Assert.Equal(30, renewed.Capacity.SpareCapacityPct);
        Assert.False(renewed.Capacity.SpareCapacityExpired);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90), renewed.Capacity.SpareCapacityValidUntil);
        Assert.True(renewed.ConfirmedAt >= site.ConfirmedAt);
    }
}
