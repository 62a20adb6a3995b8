using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using Npgsql;
using Registry.Contracts.Calendar;
using Registry.IntegrationTests.Infrastructure;

namespace Registry.IntegrationTests;

/// <summary>
/// A site's own closed days (issue 17): its owners and coordinators set them with If-Match, anyone reads them once the
/// site is published, every change is audited and outboxed; and the public holidays they are counted with.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class SiteCalendarTests(RegistryApiFactory api)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    private static readonly SupplierCalendarInput s_obonAndNewYear = new()
    {
        WeeklyClosed = [DayOfWeek.Sunday],
        Closed =
        [
            new SupplierClosedPeriod { From = new DateOnly(2026, 8, 13), To = new DateOnly(2026, 8, 16), EveryYear = true, Label = "お盆休み" },
            new SupplierClosedPeriod { From = new DateOnly(2026, 12, 29), To = new DateOnly(2027, 1, 3), EveryYear = true, Label = "年末年始" },
        ],
    };

    [Fact]
    public async Task TheOwnerSetsTheCalendarWithIfMatchAndAnyoneReadsItOnceTheSiteIsPublished()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = await Sites.PublishedAsync(coordinator.Client, Sites.Input($"休業日 {_tag}"));
        var other = await Sites.CreateAsync(coordinator.Client, Sites.Input($"休業日 他 {_tag}"));
        using var owner = await TestAccounts.SignInAsync(api, "supplier", [site.Id]);
        using var stranger = await TestAccounts.SignInAsync(api, "supplier", [other.Id]);
        var anonymous = api.CreateClient();
        var path = $"/api/v1/suppliers/{site.Id}/calendar";

        // Never set: Saturdays and Sundays closed, no periods, version 0.
        using (var first = await anonymous.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var unset = (await first.ReadJsonAsync<SupplierCalendar>())!;
            Assert.Equal((0, 0), (unset.Version, unset.Closed.Count));
            Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Saturday], unset.WeeklyClosed);
            Assert.StartsWith("\"0-", first.Headers.ETag!.Tag, StringComparison.Ordinal);
        }

        // Another site's account may not; nobody may without If-Match; the owner may.
        using (var refused = await Sites.PutAsync(stranger.Client, path, s_obonAndNewYear, 0))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var unconditional = await Sites.PutAsync(owner.Client, path, s_obonAndNewYear, null))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, unconditional.StatusCode);
        }

        using (var set = await Sites.PutAsync(owner.Client, path, s_obonAndNewYear, 0))
        {
            Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
            Assert.Equal("\"1\"", set.Headers.ETag!.Tag);
        }

        // A second write from the same stale read changes nothing.
        using (var stale = await Sites.PutAsync(owner.Client, path, new SupplierCalendarInput { WeeklyClosed = [], Closed = [] }, 0))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }

        var read = (await (await anonymous.GetAsync(path)).ReadJsonAsync<SupplierCalendar>())!;
        Assert.Equal((site.Id, 1), (read.SupplierId, read.Version));
        Assert.Equal([DayOfWeek.Sunday], read.WeeklyClosed);
        Assert.Equal(s_obonAndNewYear.Closed, read.Closed);

        // A coordinator edits any site's calendar too.
        using (var corrected = await Sites.PutAsync(coordinator.Client, path, s_obonAndNewYear with { WeeklyClosed = [DayOfWeek.Saturday, DayOfWeek.Sunday] }, 1))
        {
            Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        }

        // Both writes are in the audit log and the outbox: public events, since the site is published.
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM audit_log WHERE action = 'supplier.calendar_changed' AND resource = 'supplier' AND resource_id = @id",
            new { id = site.Id.ToString() }));
        var events = (await Outboxed.OfAsync(api, site.Id)).Where(e => e.Type == "supplier.calendar_changed").ToList();
        Assert.Equal([(1, "public"), (2, "public")], events.Select(e => (e.Version ?? 0, e.Visibility)));
        Assert.All(events, e => Assert.Equal(site.Id, e.SupplierId));
        Assert.Contains("weeklyClosed", events[1].Changed);
        using var payload = JsonDocument.Parse(events[0].Payload!);
        Assert.Equal("年末年始", payload.RootElement.GetProperty("closed")[1].GetProperty("label").GetString());
    }

    [Fact]
    public async Task ADraftsCalendarIsItsOwnersAndCoordinatorsOnly()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var draft = await Sites.CreateAsync(coordinator.Client, Sites.Input($"休業日 下書き {_tag}"));
        using var owner = await TestAccounts.SignInAsync(api, "supplier", [draft.Id]);
        using var member = await TestAccounts.SignInAsync(api, "member");
        var path = $"/api/v1/suppliers/{draft.Id}/calendar";

        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.GetAsync(path)).StatusCode);
        using (var set = await Sites.PutAsync(owner.Client, path, s_obonAndNewYear, 0))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        // The draft is not public, so neither is the event about it.
        Assert.Equal("coordinators", Assert.Single(await Outboxed.OfAsync(api, draft.Id), e => e.Type == "supplier.calendar_changed").Visibility);
        using var missing = await Sites.PutAsync(coordinator.Client, $"/api/v1/suppliers/{Guid.NewGuid()}/calendar", s_obonAndNewYear, 0);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task BadPeriodsAreRefusedInTheCallersLanguageAndNothingIsWritten()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = await Sites.CreateAsync(coordinator.Client, Sites.Input($"休業日 誤り {_tag}"));
        coordinator.Client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ja"));
        var path = $"/api/v1/suppliers/{site.Id}/calendar";
        var bad = new SupplierCalendarInput
        {
            WeeklyClosed = Enum.GetValues<DayOfWeek>(),
            Closed =
            [
                new SupplierClosedPeriod { From = new DateOnly(2026, 8, 16), To = new DateOnly(2026, 8, 13), Label = "お盆休み" },
                new SupplierClosedPeriod { From = new DateOnly(2026, 7, 1), To = new DateOnly(2026, 8, 9), Label = "長期休業" },
                new SupplierClosedPeriod { From = new DateOnly(2026, 5, 1), To = new DateOnly(2026, 5, 2), Label = new string('休', 41) },
            ],
        };

        using var refused = await Sites.PutAsync(coordinator.Client, path, bad, 0);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal("定休日にできるのは 6 曜日までです。少なくとも 1 曜日は営業日にしてください。", errors.GetProperty("weeklyClosed")[0].GetString());
        Assert.Equal("休業期間の終了日は開始日以降にしてください。", errors.GetProperty("closed[0].to")[0].GetString());
        Assert.Equal("休業期間は 1 件あたり 31 日以内にしてください。", errors.GetProperty("closed[1].to")[0].GetString());
        Assert.Equal("休業の名称は 40 文字以内で入力してください。", errors.GetProperty("closed[2].label")[0].GetString());

        var tooMany = new SupplierCalendarInput
        {
            WeeklyClosed = [DayOfWeek.Sunday],
            Closed = [.. Enumerable.Range(0, 31).Select(i => new SupplierClosedPeriod { From = new DateOnly(2026, 1, 5).AddDays(i * 7), To = new DateOnly(2026, 1, 5).AddDays(i * 7), Label = "棚卸" })],
        };
        using var many = await Sites.PutAsync(coordinator.Client, path, tooMany, 0);
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        using var manyProblem = JsonDocument.Parse(await many.Content.ReadAsStringAsync());
        Assert.Equal("休業期間は 30 件までです。", manyProblem.RootElement.GetProperty("errors").GetProperty("closed")[0].GetString());

        using var nullPeriod = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = new StringContent("{\"weeklyClosed\":[],\"closed\":[null]}", System.Text.Encoding.UTF8, "application/json"),
        };
        nullPeriod.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.Client.SendAsync(nullPeriod)).StatusCode);

        Assert.Equal(0, (await (await coordinator.Client.GetAsync(path)).ReadJsonAsync<SupplierCalendar>())!.Version);
    }

    [Fact]
    public async Task TheHolidaysOfAYearAreNamedInTheCallersLanguage()
    {
        var client = api.CreateClient();

        var japanese = (await (await client.GetAsync("/api/v1/calendar/holidays?year=2026")).ReadJsonAsync<PublicHolidayYear>())!;
        Assert.Equal((2026, true, 18), (japanese.Year, japanese.Known, japanese.Holidays.Count));
        Assert.Equal(new PublicHolidayItem { Date = new DateOnly(2026, 1, 1), Name = "元日" }, japanese.Holidays[0]);
        Assert.Contains(new PublicHolidayItem { Date = new DateOnly(2026, 9, 22), Name = "休日" }, japanese.Holidays);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/calendar/holidays?year=2027");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var english = (await (await client.SendAsync(request)).ReadJsonAsync<PublicHolidayYear>())!;
        Assert.Equal(17, english.Holidays.Count);
        Assert.Equal("Vernal Equinox Day", english.Holidays.Single(h => h.Date == new DateOnly(2027, 3, 21)).Name);

        var unknown = (await (await client.GetAsync($"/api/v1/calendar/holidays?year={english.LastKnownYear + 1}")).ReadJsonAsync<PublicHolidayYear>())!;
        Assert.Equal((false, 0), (unknown.Known, unknown.Holidays.Count));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/calendar/holidays")).StatusCode);
    }
}
