using System.Text;
using Registry.Api.Orders;
using Registry.Api.Text;
using Registry.Contracts.Orders;

namespace Registry.Tests.Orders;

/// <summary>
/// The order exchange's CSV (docs/orders.md): the Japanese header of the common EDI's core items, RFC 4180 quoting,
/// UTF-8 with BOM or Shift_JIS (cp932) — what it holds and what it refuses — and the acknowledgements read back.
/// </summary>
public sealed class OrderExchangeCsvTests
{
    private static OrderDocument Document(string itemName, OrderDocumentKind kind = OrderDocumentKind.Order) => new()
    {
        Kind = kind,
        OrderId = Guid.Empty,
        Status = OrderStatus.Accepted,
        Lines =
        [
            new OrderDocumentRow
            {
                OrderNumber = "PO-1", OrderedOn = new DateOnly(2026, 4, 1), ItemName = itemName, PartNumber = "-A1", Quantity = 3, Unit = "個",
                UnitPrice = 1200, Amount = 3600, TaxRate = 10, DueDate = new DateOnly(2026, 5, 15), DeliveryPlace = "豊田工場 愛知県豊田市1-1",
                Buyer = "トヨダ精機", Supplier = "山田製作所",
                Answer = kind == OrderDocumentKind.Acknowledgement ? OrderAnswer.Accept : null,
                AnsweredOn = kind == OrderDocumentKind.Acknowledgement ? new DateOnly(2026, 4, 2) : null,
                AnswerDueDate = kind == OrderDocumentKind.Acknowledgement ? new DateOnly(2026, 5, 15) : null,
                AnswerQuantity = kind == OrderDocumentKind.Acknowledgement ? 3 : null,
            },
        ],
        Taxes = [new TaxSummary { TaxRate = 10, Taxable = 3600, Tax = 360 }],
        Subtotal = 3600,
        Tax = 360,
        Total = 3960,
    };

    [Fact]
    public void AnOrderIsOneRowPerLineUnderTheCoreItemsQuotedAsRfc4180WithCrlf()
    {
        var text = OrderExchangeCsv.Write(Document("ブラケット, \"L\"形\n2枚組"));
        var lines = text.Split("\r\n");
        Assert.Equal("注文番号,発注日,品名,品番,数量,単位,単価,金額,税率,納期,納入場所,発注者,受注者", lines[0]);
        // A comma, quote or line break is quoted with quotes doubled; text Excel would take for a formula gets an apostrophe.
        Assert.StartsWith("PO-1,2026-04-01,\"ブラケット, \"\"L\"\"形\n2枚組\",'-A1,3,個,1200,3600,10,2026-05-15,", text.Split("\r\n", 2)[1], StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Single(Csv.Records(text).Skip(1), r => r.Count > 1);
    }

    [Fact]
    public void AnAcknowledgementAddsTheAnswerColumns()
    {
        var lines = OrderExchangeCsv.Write(Document("軸", OrderDocumentKind.Acknowledgement)).Split("\r\n");
        Assert.EndsWith(",受注者,回答区分,回答日,回答納期,回答数量", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",山田製作所,受注,2026-04-02,2026-05-15,3", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8StartsWithTheBomAndReadsBack()
    {
        var (bytes, unencodable) = Csv.Encode(OrderExchangeCsv.Write(Document("①ｶﾅ髙")), shiftJis: false);
        Assert.Null(unencodable);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes![..3]);
        var (text, charset, _) = Csv.Decode(bytes, null);
        Assert.Equal("utf-8", charset);
        Assert.Equal("①ｶﾅ髙", Csv.Records(text!).ElementAt(1)[2]);
    }

    [Fact]
    public void ShiftJisHoldsCircledDigitsHalfWidthKanaAndTheIbmKanjiAndIsDetectedOnTheWayBack()
    {
        // ① is an NEC special character (0x8740), ｶﾅ are single bytes (0xB6 0xC5), 髙 an IBM extension (0xFBFC): all in cp932.
        var (bytes, unencodable) = Csv.Encode(OrderExchangeCsv.Write(Document("①ｶﾅ髙")), shiftJis: true);
        Assert.Null(unencodable);
        Assert.NotEqual(0xEF, bytes![0]);
        var name = Encoding.GetEncoding(932).GetBytes("①ｶﾅ髙");
        Assert.Equal([0x87, 0x40, 0xB6, 0xC5, 0xFB, 0xFC], name);
        var (text, charset, problem) = Csv.Decode(bytes, null);
        Assert.Null(problem);
        Assert.Equal("shift_jis", charset);
        Assert.Equal("①ｶﾅ髙", Csv.Records(text!).ElementAt(1)[2]);
        Assert.Equal("注文番号", Csv.Records(text!).First()[0]);
    }

    [Theory]
    [InlineData("latin1", "charset 'latin1' is not one of utf-8, shift_jis.")]
    [InlineData("utf-8", "The file is not valid utf-8.")]
    public void ANamedCharsetIsTakenAsNamed(string charset, string problem) =>
        Assert.Equal(problem, Csv.Decode(Encoding.GetEncoding(932).GetBytes("注文番号"), charset).Problem);

    [Theory]
    [InlineData("𠮷野家の治具", "𠮷")]   // outside the BMP: not in cp932
    [InlineData("納品 🙂", "🙂")]         // emoji
    [InlineData("Ω形 ŝ", "ŝ")]           // Latin with a circumflex: not in JIS X 0208
    public void ShiftJisRefusesWhatCp932CannotHoldAndNamesIt(string itemName, string named)
    {
        var (bytes, unencodable) = Csv.Encode(OrderExchangeCsv.Write(Document(itemName)), shiftJis: true);
        Assert.Null(bytes);
        Assert.Equal(named, unencodable);
    }

    [Fact]
    public void TheWaveDashAndMinusTakeTheirCp932FormsInsteadOfBeingRefused()
    {
        var (bytes, unencodable) = Csv.Encode("5〜10−2", shiftJis: true);
        Assert.Null(unencodable);
        Assert.Equal("5～10－2", Encoding.GetEncoding(932).GetString(bytes!));
    }

    [Fact]
    public void AcknowledgementsAreReadByTheirJapaneseColumnsAndTheDocumentsOtherColumnsAreIgnored()
    {
        var text = "\uFEFF注文番号,品名,回答区分,回答納期,回答数量,理由\r\n"
            + "PO-1,軸,受注,,,\r\n"
            + "PO-2,軸,辞退,,,\"材料が手配できません, 申し訳ありません\"\r\n"
            + "PO-3,軸,変更提案,2026/6/1,\"1,000\",\r\n"
            + "'-PO-4,軸,propose,20260601,,\r\n"
            + "\r\n";
        var (rows, problem) = OrderExchangeCsv.ReadAcknowledgements(text);
        Assert.Null(problem);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Empty(r.Errors));
        Assert.Equal([OrderAnswer.Accept, OrderAnswer.Reject, OrderAnswer.Propose, OrderAnswer.Propose], rows.Select(r => r.Values.Answer!.Value));
        Assert.Equal("材料が手配できません, 申し訳ありません", rows[1].Values.Note);
        Assert.Equal((new DateOnly(2026, 6, 1), 1000), (rows[2].Values.DueDate!.Value, rows[2].Values.Quantity!.Value));
        Assert.Equal("-PO-4", rows[3].Values.OrderNumber);
    }

    [Fact]
    public void BadRowsNameTheirRowAndColumn()
    {
        var (rows, _) = OrderExchangeCsv.ReadAcknowledgements("注文番号,回答区分,回答納期,回答数量,理由/備考\n,受注,,,\nPO-2,辞退,,,\nPO-3,変更提案,6月1日,0,\nPO-4,保留,,,\nPO-5,変更提案,,,\n");
        Assert.Equal(
            [(1, "注文番号"), (2, "理由/備考"), (3, "回答納期"), (3, "回答数量"), (4, "回答区分"), (5, "回答納期")],
            rows.SelectMany(r => r.Errors.Select(e => (r.Row, e.Column))));
    }

    [Theory]
    [InlineData("", "The file is empty: a header row of column names comes first.")]
    [InlineData("注文番号,回答区分,担当者\r\n", "Unknown column '担当者'. The columns are: 注文番号, 発注者, 受注者, 回答区分, 回答納期, 回答数量, 理由/備考.")]
    [InlineData("注文番号,回答納期\r\n", "The column '回答区分' is missing.")]
    public void AFileWithoutTheColumnsIsRefusedWhole(string text, string problem) =>
        Assert.Equal(problem, OrderExchangeCsv.ReadAcknowledgements(text).Problem);

    [Fact]
    public void TheAttachmentNamesTheFileInAsciiAndInUtf8()
    {
        Assert.Equal("attachment; filename=\"acknowledgement-PO_1_.csv\"; filename*=UTF-8''%E6%B3%A8%E6%96%87%E8%AB%8B%E6%9B%B8_PO%2F1%E5%8F%B7.csv",
            OrderExchangeApi.ContentDisposition("PO/1号", acknowledgement: true, "csv"));
    }
}
