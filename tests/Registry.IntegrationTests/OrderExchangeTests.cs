using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using Registry.Contracts.Orders;
using Registry.IntegrationTests.Infrastructure;
using static Registry.IntegrationTests.OrderTests;

namespace Registry.IntegrationTests;

/// <summary>
/// The order exchange (DESIGN §11, docs/orders.md): an order and its acknowledgement as JSON and CSV for the order's
/// parties only, in UTF-8 with BOM or Shift_JIS; acknowledgements imported from a CSV through the same rules as the API,
/// all rows or none, recorded as answered by import, never reaching another firm's order.
/// </summary>
[Collection(SharedApi.Name)]
public sealed class OrderExchangeTests(RegistryApiFactory api)
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];

    static OrderExchangeTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task TheOrderAndItsAcknowledgementAreDocumentsForItsPartiesOnly()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"書類 {_tag}"))).Id;
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var supplier = await TestAccounts.SignInAsync(api, "supplier", [site]);
        using var stranger = await TestAccounts.SignInAsync(api, "supplier", [(await Sites.PublishedAsync(coordinator.Client, Sites.Input($"他社 {_tag}"))).Id]);
        var order = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(site, $"EX-{_tag}",
            new OrderLineInput { ItemName = "①ｶﾅ髙, \"特注\"", PartNumber = "BR-1", Quantity = 3, Unit = "個", UnitPrice = 333, TaxRate = 10 },
            new OrderLineInput { ItemName = "梱包材", Quantity = 7, Unit = "枚", UnitPrice = 15, TaxRate = 8 }))).Orders), "send");
        var path = $"/api/v1/orders/{order.Id}/document";

        // Only the buyer and the supplier: a stranger and a coordinator get 404, as for the order itself.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(path + "?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Client.GetAsync(path)).StatusCode);

        // JSON by default: one flat row per line, amounts and totals computed by the service.
        var json = (await (await buyer.Client.GetAsync(path)).ReadJsonAsync<OrderDocument>())!;
        Assert.Equal((OrderDocumentKind.Order, 2, 1211L), (json.Kind, json.Lines.Count, json.Total));
        Assert.Equal((999L, 105L), (json.Lines[0].Amount, json.Lines[1].Amount));
        Assert.All(json.Lines, l => Assert.Null(l.Answer));

        // CSV: UTF-8 with BOM, the Japanese header, RFC 4180 quoting, an attachment with an ASCII and a UTF-8 name.
        using (var csv = await supplier.Client.GetAsync(path + "?format=csv"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal(("text/csv", "utf-8"), (csv.Content.Headers.ContentType!.MediaType, csv.Content.Headers.ContentType.CharSet));
            var disposition = csv.Content.Headers.ContentDisposition!.ToString();
            Assert.Contains($"filename=\"order-EX-{_tag}.csv\"", disposition, StringComparison.Ordinal);
            Assert.Contains($"filename*=UTF-8''%E6%B3%A8%E6%96%87%E6%9B%B8_EX-{_tag}.csv", disposition, StringComparison.Ordinal);
            var bytes = await csv.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
            Assert.Equal("注文番号,発注日,品名,品番,数量,単位,単価,金額,税率,納期,納入場所,発注者,受注者", lines[0]);
            Assert.StartsWith($"EX-{_tag},{order.OrderedOn:yyyy-MM-dd},\"①ｶﾅ髙, \"\"特注\"\"\",BR-1,3,個,333,999,10,{order.DueDate:yyyy-MM-dd},", lines[1], StringComparison.Ordinal);
            Assert.Contains(",梱包材,,7,枚,15,105,8,", lines[2], StringComparison.Ordinal);
        }

        // Shift_JIS on request, by the query or by Accept: it decodes back to the same characters.
        using (var sjis = await supplier.Client.GetAsync(path + "?format=csv&charset=shift_jis"))
        {
            Assert.Equal("shift_jis", sjis.Content.Headers.ContentType!.CharSet);
            var text = Encoding.GetEncoding(932).GetString(await sjis.Content.ReadAsByteArrayAsync());
            Assert.StartsWith("注文番号,発注日,品名", text, StringComparison.Ordinal);
            Assert.Contains("\"①ｶﾅ髙, \"\"特注\"\"\"", text, StringComparison.Ordinal);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, path))
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("text/csv; charset=shift_jis"));
            using var negotiated = await buyer.Client.SendAsync(request);
            Assert.Equal(("text/csv", "shift_jis"), (negotiated.Content.Headers.ContentType!.MediaType, negotiated.Content.Headers.ContentType.CharSet));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.Client.GetAsync(path + "?format=xml")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.Client.GetAsync(path + "?format=json&charset=shift_jis")).StatusCode);

        // The acknowledgement (注文請書) is the order as accepted: not before.
        using (var early = await buyer.Client.GetAsync(path + "?kind=acknowledgement"))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains("送付済み", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        order = await ActAsync(supplier.Client, order, "accept");
        using (var acknowledgement = await buyer.Client.GetAsync(path + "?kind=acknowledgement&format=csv"))
        {
            Assert.Contains("filename*=UTF-8''%E6%B3%A8%E6%96%87%E8%AB%8B%E6%9B%B8_", acknowledgement.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
            var lines = Encoding.UTF8.GetString((await acknowledgement.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
            Assert.EndsWith(",受注者,回答区分,回答日,回答納期,回答数量", lines[0], StringComparison.Ordinal);
            Assert.EndsWith($",受注,{order.AnsweredAt!.Value.ToOffset(TimeSpan.FromHours(9)):yyyy-MM-dd},{order.DueDate:yyyy-MM-dd},3", lines[1], StringComparison.Ordinal);
        }

        // A character Shift_JIS cannot hold is never turned into '?': the caller is told to take UTF-8.
        var odd = await ActAsync(buyer.Client, Assert.Single((await CreateAsync(buyer.Client, Direct(site, $"EY-{_tag}",
            new OrderLineInput { ItemName = "𠮷野型の治具", Quantity = 1, Unit = "個", UnitPrice = 100, TaxRate = 10 }))).Orders), "send");
        using (var refused = await supplier.Client.GetAsync($"/api/v1/orders/{odd.Id}/document?format=csv&charset=shift_jis"))
        {
            Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);
            Assert.Contains("𠮷", (await refused.ReadJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AcknowledgementsImportedFromCsvAnswerTheOrdersAllRowsOrNone()
    {
        using var coordinator = await TestAccounts.SignInAsync(api, "coordinator");
        var site = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"請書 {_tag}"))).Id;
        var otherSite = (await Sites.PublishedAsync(coordinator.Client, Sites.Input($"別会社 {_tag}"))).Id;
        using var buyer = await TestAccounts.SignInAsync(api, "member");
        using var secondBuyer = await TestAccounts.SignInAsync(api, "member");
        using var supplier = await TestAccounts.SignInAsync(api, "supplier", [site]);
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.ExecuteAsync("UPDATE accounts SET organisation = @name WHERE id = @id", new { id = buyer.Id, name = $"発注一 {_tag}" });
            await connection.ExecuteAsync("UPDATE accounts SET organisation = @name WHERE id = @id", new { id = secondBuyer.Id, name = $"発注二 {_tag}" });
        }

        async Task<Order> SentAsync(HttpClient client, Guid to, string number) =>
            await ActAsync(client, Assert.Single((await CreateAsync(client, Direct(to, number))).Orders), "send");
        var accepted = await SentAsync(buyer.Client, site, $"A-{_tag}");
        var rejected = await SentAsync(buyer.Client, site, $"R-{_tag}");
        var proposed = await SentAsync(buyer.Client, site, $"P-{_tag}");
        var shared = await SentAsync(buyer.Client, site, $"S-{_tag}");
        var sharedToo = await SentAsync(secondBuyer.Client, site, $"S-{_tag}");
        var elsewhere = await SentAsync(buyer.Client, otherSite, $"X-{_tag}");
        var due = accepted.DueDate.AddDays(10);
        string Rows(params string[] rows) => "注文番号,発注者,回答区分,回答納期,回答数量,理由/備考\r\n" + string.Join("\r\n", rows) + "\r\n";
        var good = Rows($"A-{_tag},,受注,,,", $"R-{_tag},,辞退,,,材料が手配できません", $"P-{_tag},,変更提案,{due:yyyy/M/d},8,設備の都合", $"S-{_tag},発注二 {_tag},受注,,,");

        // One bad row refuses the whole file: another firm's order is not found, a rejection needs its reason, a shared
        // number needs its buyer. Nothing changes, not even the good rows before them.
        using (var refused = await PostAsync(supplier.Client, "", Encoding.UTF8.GetBytes(Rows(
            $"A-{_tag},,受注,,,", $"X-{_tag},,受注,,,", $"R-{_tag},,辞退,,,", $"S-{_tag},,受注,,,"))))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains($"注文番号 X-{_tag} の注文は、自社の事業所に届いていません。", body, StringComparison.Ordinal);
            Assert.Contains("辞退の理由を入力してください。", body, StringComparison.Ordinal);
            Assert.Contains("2 社の発注者", body, StringComparison.Ordinal);
            Assert.Contains("\"row\":2", body, StringComparison.Ordinal);
        }

        await AssertUnchangedAsync(supplier.Client, accepted, rejected, proposed, shared, sharedToo);
        Assert.Equal(OrderStatus.Sent, (await GetAsync(buyer.Client, elsewhere)).Status);

        // A dry run reports every row as it would end, in the caller's language, and writes nothing.
        using (var dry = await PostAsync(supplier.Client, "?dryRun=true", Encoding.UTF8.GetBytes(good), language: "en"))
        {
            Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
            var check = (await dry.ReadJsonAsync<OrderAcknowledgementImport>())!;
            Assert.Equal((true, 4, 4, "utf-8"), (check.DryRun, check.Rows, check.Valid, check.Charset));
            Assert.Equal([OrderStatus.Accepted, OrderStatus.Rejected, OrderStatus.Proposed, OrderStatus.Accepted], check.Results.Select(r => r.Status!.Value));
            Assert.Equal(sharedToo.Id, check.Results[3].OrderId);
        }

        await AssertUnchangedAsync(supplier.Client, accepted, rejected, proposed, shared, sharedToo);

        // The real import, in Shift_JIS as Japanese Excel saves it: detected, applied, and answered "by import".
        using (var real = await PostAsync(supplier.Client, "", Encoding.GetEncoding(932).GetBytes(good)))
        {
            Assert.Equal(HttpStatusCode.OK, real.StatusCode);
            var done = (await real.ReadJsonAsync<OrderAcknowledgementImport>())!;
            Assert.Equal((false, 4, "shift_jis"), (done.DryRun, done.Valid, done.Charset));
        }

        var nowAccepted = await GetAsync(supplier.Client, accepted);
        var nowRejected = await GetAsync(supplier.Client, rejected);
        var nowProposed = await GetAsync(supplier.Client, proposed);
        Assert.Equal((OrderStatus.Accepted, AnswerChannel.Import), (nowAccepted.Status, nowAccepted.AnsweredVia));
        Assert.Equal((OrderStatus.Rejected, "材料が手配できません"), (nowRejected.Status, nowRejected.Reason));
        Assert.Equal((OrderStatus.Proposed, due, 8, "設備の都合"), (nowProposed.Status, nowProposed.Proposal!.DueDate!.Value, nowProposed.Proposal.Quantities![0], nowProposed.Proposal.Note));
        Assert.Equal(OrderStatus.Accepted, (await GetAsync(supplier.Client, sharedToo)).Status);
        Assert.Equal(OrderStatus.Sent, (await GetAsync(supplier.Client, shared)).Status);
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            Assert.Equal(4, await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM orders WHERE id = ANY(@ids) AND first_answer_via = 'import'",
                new { ids = new[] { accepted.Id, rejected.Id, proposed.Id, sharedToo.Id } }));
        }

        // Each answer went out as the API's would: an event for the parties.
        Assert.Contains(await Outboxed.OfAsync(api, accepted.Id), e => e.Type == "order.accepted");

        // The same file again: the orders are answered already, each row says so and nothing changes.
        using (var again = await PostAsync(supplier.Client, "", Encoding.UTF8.GetBytes(Rows($"A-{_tag},,受注,,,"))))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
            Assert.Contains("受注", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // JSON rows are checked the same way; their problems name the JSON fields.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders/acknowledgements?dryRun=true")
        {
            Content = new StringContent($"[{{\"orderNumber\":\"S-{_tag}\",\"buyer\":\"発注一 {_tag}\",\"answer\":\"reject\"}}]", Encoding.UTF8, "application/json"),
        })
        {
            using var checkedJson = await supplier.Client.SendAsync(request);
            var result = Assert.Single((await checkedJson.ReadJsonAsync<OrderAcknowledgementImport>())!.Results);
            Assert.Equal(("note", "辞退の理由を入力してください。"), (Assert.Single(result.Errors).Column, result.Errors[0].Message));
        }

        // A buyer without sites imports nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(buyer.Client, "", Encoding.UTF8.GetBytes(good))).StatusCode);
    }

    private static async Task<Order> GetAsync(HttpClient client, Order order) =>
        (await (await client.GetAsync($"/api/v1/orders/{order.Id}")).ReadJsonAsync<Order>())!;

    private static async Task AssertUnchangedAsync(HttpClient client, params Order[] orders)
    {
        foreach (var order in orders)
        {
            var now = await GetAsync(client, order);
            Assert.Equal((OrderStatus.Sent, order.Version, (AnswerChannel?)null), (now.Status, now.Version, now.AnsweredVia));
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string query, byte[] body, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders/acknowledgements" + query) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return await client.SendAsync(request);
    }
}
