using System.Text.RegularExpressions;

namespace Registry.Api.Errors;

/// <summary>
/// What a field of a body or query is called, in Japanese and English, for the messages and details that name it
/// ("創業年は 1600〜2100 の範囲で入力してください。"). The Japanese words are the SPA's (client/src/lib/i18n/messages/ja.ts),
/// so that a form and its message use the same word. Keys are wire paths without indexes (<c>steps.processCode</c>);
/// a key may be scoped to an area of the API (<c>clusters:nameJa</c>) where one name means two things.
/// </summary>
public static partial class FieldLabels
{
    public sealed record Label(string Ja, string En);

    // English labels are written as they read inside a sentence; a sentence capitalises its first letter.
    private static readonly Dictionary<string, Label> s_labels = new(StringComparer.Ordinal)
    {
        // Anything a request carries as a whole.
        ["body"] = new("本文", "body"),
        ["query"] = new("検索条件", "query"),
        ["id"] = new("ID", "id"),

        // A supplier site (SupplierInput) and its parts.
        ["nameJa"] = new("事業所名", "name"),
        ["nameEn"] = new("事業所名（英語）", "name in English"),
        ["nameKana"] = new("事業所名（よみがな）", "reading of the name"),
        ["corporateNumber"] = new("法人番号", "corporate number"),
        ["postalCode"] = new("郵便番号", "postal code"),
        ["prefectureCode"] = new("都道府県", "prefecture"),
        ["municipalityCode"] = new("市区町村コード", "municipality code"),
        ["address"] = new("住所", "address"),
        ["location"] = new("所在地", "location"),
        ["location.lat"] = new("所在地の緯度", "latitude of the location"),
        ["location.lon"] = new("所在地の経度", "longitude of the location"),
        ["employees"] = new("従業員数", "employees"),
        ["foundedYear"] = new("創業年", "founded year"),
        ["capitalJpy"] = new("資本金", "capital"),
        ["industryCodes"] = new("業種（日本標準産業分類）", "industries (JSIC)"),
        ["website"] = new("ウェブサイト", "website"),
        ["descriptionJa"] = new("紹介文", "description"),
        ["descriptionEn"] = new("紹介文（英語）", "description in English"),
        ["strengths"] = new("得意", "strengths"),
        ["contact"] = new("連絡先", "contact"),
        ["contact.name"] = new("担当者", "contact person"),
        ["email"] = new("メールアドレス", "e-mail address"),
        ["phone"] = new("電話番号", "phone number"),
        ["capacity"] = new("受注余力", "capacity"),
        ["contractAcceptance"] = new("受託加工", "contract work"),
        ["spareCapacityPct"] = new("空き能力", "spare capacity"),
        ["spareCapacityValidUntil"] = new("空き能力の有効期限", "spare capacity valid until"),
        ["typicalLeadDays"] = new("標準リードタイム", "typical lead time"),
        ["minLot"] = new("最小ロット", "minimum lot"),
        ["challenges"] = new("課題", "challenges"),
        ["weaknesses"] = new("不得意", "weaknesses"),
        ["digitalReadiness"] = new("デジタル対応", "digital readiness"),
        ["edi"] = new("EDI 受注", "EDI orders"),
        ["onlineOrdering"] = new("オンライン受注", "online ordering"),
        ["faxOnly"] = new("FAX のみ", "fax only"),
        ["disclosure"] = new("公開範囲", "disclosure"),
        ["disclosure.contact"] = new("連絡先の公開範囲", "disclosure of the contact"),
        ["disclosure.capabilities"] = new("加工能力の公開範囲", "disclosure of the capabilities"),
        ["disclosure.equipment"] = new("設備の公開範囲", "disclosure of the equipment"),
        ["disclosure.certifications"] = new("認証の公開範囲", "disclosure of the certifications"),
        ["disclosure.staff"] = new("有資格者の公開範囲", "disclosure of the staff"),
        ["disclosure.capacity"] = new("受注余力の公開範囲", "disclosure of the capacity"),
        ["disclosure.challenges"] = new("課題の公開範囲", "disclosure of the challenges"),
        ["processCode"] = new("工程", "process"),
        ["materialCodes"] = new("材質", "materials"),
        ["maxXMm"] = new("最大 X", "maximum X"),
        ["maxYMm"] = new("最大 Y", "maximum Y"),
        ["maxZMm"] = new("最大 Z", "maximum Z"),
        ["maxMassKg"] = new("最大質量", "maximum mass"),
        ["bestToleranceUm"] = new("公差", "tolerance"),
        ["roughnessRaUm"] = new("面粗度 Ra", "roughness Ra"),
        ["lotMin"] = new("ロット下限", "minimum lot"),
        ["lotMax"] = new("ロット上限", "maximum lot"),
        ["monthlyCapacity"] = new("月産能力", "monthly capacity"),
        ["leadDays"] = new("リードタイム", "lead time"),
        ["equipmentIds"] = new("使用する設備", "equipment used"),
        ["note"] = new("備考", "note"),
        ["typeCode"] = new("設備の種類", "equipment type"),
        ["maker"] = new("メーカー", "maker"),
        ["model"] = new("型式", "model"),
        ["count"] = new("台数", "count"),
        ["specValue"] = new("主要仕様", "key spec"),
        ["year"] = new("導入年", "year installed"),
        ["code"] = new("認証", "certification"),
        ["number"] = new("登録番号", "registration number"),
        ["validUntil"] = new("有効期限", "valid until"),
        ["qualificationCode"] = new("資格", "qualification"),
        ["headcount"] = new("人数", "headcount"),

        // A site's closed days (SupplierCalendarInput) and the public holidays.
        ["weeklyClosed"] = new("定休日", "weekly closed days"),
        ["closed"] = new("休業期間", "closed periods"),
        ["closed.from"] = new("休業の開始日", "first closed day"),
        ["closed.to"] = new("休業の終了日", "last closed day"),
        ["closed.everyYear"] = new("毎年", "every year"),
        ["closed.label"] = new("休業の名称", "name of the period"),
        ["calendar:year"] = new("年", "year"),

        // Orders (OrderRouteInput and the parties' actions).
        ["legs"] = new("注文", "orders"),
        ["legs.supplierId"] = new("発注先", "supplier"),
        ["legs.orderNumber"] = new("注文番号", "order number"),
        ["legs.lines"] = new("明細", "lines"),
        ["legs.lines.itemName"] = new("品名", "item name"),
        ["legs.lines.partNumber"] = new("品番", "part number"),
        ["legs.lines.quantity"] = new("数量", "quantity"),
        ["legs.lines.unit"] = new("単位", "unit"),
        ["legs.lines.unitPrice"] = new("単価", "unit price"),
        ["legs.lines.taxRate"] = new("税率", "tax rate"),
        ["legs.dueDate"] = new("納期", "due date"),
        ["legs.leadDays"] = new("所要日数", "lead days"),
        ["legs.note"] = new("備考", "note"),
        ["requestId"] = new("マッチング依頼", "matching request"),
        ["orderId"] = new("注文", "order"),
        ["gatheringId"] = new("イベント", "gathering"),
        ["invitedSupplierIds"] = new("招待する事業所", "invited sites"),
        ["outcome"] = new("商談の結果", "outcome"),
        ["deliveryAddress"] = new("納入場所", "delivery place"),
        ["deliveryPoint"] = new("納入場所の位置", "delivery point"),
        ["qaDocuments"] = new("品質保証書類", "QA documents"),
        ["quantities"] = new("数量", "quantities"),
        ["shippedOn"] = new("出荷日", "shipping day"),
        ["final"] = new("最終出荷", "final shipment"),
        ["acceptedQuantity"] = new("合格数", "accepted quantity"),
        ["rejectedQuantity"] = new("不合格数", "rejected quantity"),
        ["reason"] = new("理由", "reason"),
        ["orders:milestones"] = new("進捗", "milestones"),
        ["milestones.kind"] = new("進捗の種類", "milestone"),
        ["milestones.label"] = new("進捗の名前", "milestone name"),
        ["milestones.plannedOn"] = new("予定日", "planned date"),
        ["milestones.actualOn"] = new("実績日", "actual date"),
        ["label"] = new("名前", "name"),
        ["plannedOn"] = new("予定日", "planned date"),
        ["actualOn"] = new("実績日", "actual date"),
        ["lines"] = new("明細", "lines"),
        ["lines.itemName"] = new("品名", "item name"),
        ["lines.partNumber"] = new("品番", "part number"),
        ["lines.quantity"] = new("数量", "quantity"),
        ["lines.unit"] = new("単位", "unit"),
        ["lines.unitPrice"] = new("単価", "unit price"),
        ["lines.taxRate"] = new("税率", "tax rate"),
        ["itemName"] = new("品名", "item name"),
        ["partNumber"] = new("品番", "part number"),
        ["unit"] = new("単位", "unit"),
        ["unitPrice"] = new("単価", "unit price"),
        ["taxRate"] = new("税率", "tax rate"),
        ["orderNumber"] = new("注文番号", "order number"),
        ["side"] = new("発注・受注の別", "side"),
        ["linkId"] = new("回答用リンク", "response link"),
        ["accountId"] = new("アカウント", "account"),
        ["stepSupplierIds"] = new("工程ごとの発注先", "site per step"),
        ["siteIds"] = new("事業所", "sites"),

        // A matching request (MatchingRequestInput), its invitations and answers.
        ["title"] = new("件名", "title"),
        ["description"] = new("説明", "description"),
        ["steps"] = new("工程", "steps"),
        ["steps.processCode"] = new("工程の種類", "process"),
        ["steps.materialCodes"] = new("材料", "materials"),
        ["workpieceXMm"] = new("ワーク X", "workpiece X"),
        ["workpieceYMm"] = new("ワーク Y", "workpiece Y"),
        ["workpieceZMm"] = new("ワーク Z", "workpiece Z"),
        ["massKg"] = new("質量", "mass"),
        ["toleranceUm"] = new("公差", "tolerance"),
        ["requiredCertifications"] = new("必要な認証", "required certifications"),
        ["quantity"] = new("数量", "quantity"),
        ["lotSize"] = new("ロットサイズ", "lot size"),
        ["dueDate"] = new("納期", "due date"),
        ["weights"] = new("QCD の重み", "QCD weights"),
        ["quality"] = new("品質 (Q)", "quality (Q)"),
        ["cost"] = new("コスト (C)", "cost (C)"),
        ["delivery"] = new("納期 (D)", "delivery (D)"),
        ["qualityAssurance"] = new("品質保証の要求", "quality assurance"),
        ["region"] = new("地域", "region"),
        ["region.centre"] = new("中心", "centre"),
        ["region.centre.lat"] = new("中心の緯度", "latitude of the centre"),
        ["region.centre.lon"] = new("中心の経度", "longitude of the centre"),
        ["radiusKm"] = new("半径", "radius"),
        ["prefectures"] = new("都道府県", "prefectures"),
        ["visibility"] = new("公開範囲", "visibility"),
        ["supplierId"] = new("事業所", "site"),
        ["answer"] = new("回答", "answer"),
        ["question"] = new("質問の内容", "question"),
        ["text"] = new("メッセージ", "message"),

        // Clusters and their themes.
        ["clusters:code"] = new("コード", "code"),
        ["clusters:nameJa"] = new("名称（日本語）", "name"),
        ["clusters:nameEn"] = new("名称（英語）", "name in English"),
        ["sector"] = new("分野", "sector"),
        ["valueChain"] = new("バリューチェーン", "value chain"),
        ["coordinatorAccountIds"] = new("コーディネーター", "coordinators"),
        ["clusters:note"] = new("メモ", "note"),
        ["kind"] = new("種類", "kind"),
        ["themes:title"] = new("テーマ名", "theme title"),
        ["goal"] = new("目標", "goal"),
        ["themes:steps"] = new("受注する工程", "steps"),
        ["milestones"] = new("マイルストーン", "milestones"),
        ["milestones.title"] = new("マイルストーン名", "milestone title"),
        ["milestones.dueDate"] = new("期日", "due date"),
        ["milestones.done"] = new("完了", "done"),

        // Gatherings: matching meetings, showcases, exchange meetings (GatheringInput, ParticipantInput, meetings).
        ["titleJa"] = new("名称", "title"),
        ["titleEn"] = new("名称（英語）", "title in English"),
        ["venue"] = new("会場", "venue"),
        ["venueAddress"] = new("会場の住所", "venue address"),
        ["onlineUrl"] = new("オンライン会議の URL", "online meeting link"),
        ["heldOn"] = new("開催日", "day"),
        ["registrationClosesAt"] = new("参加登録の締切", "registration deadline"),
        ["bookingClosesAt"] = new("商談申込の締切", "booking deadline"),
        ["gatherings:capacity"] = new("定員", "capacity"),
        ["organiserAccountIds"] = new("主催者", "organisers"),
        ["maxRequests"] = new("申し込める商談の数", "meeting requests per participant"),
        ["maxMeetings"] = new("商談の上限", "meetings per participant"),
        ["maxConsecutive"] = new("続けて行う商談の上限", "meetings in a row"),
        ["sessions"] = new("セッション", "sessions"),
        ["requestIds"] = new("持参するマッチング依頼", "matching requests"),
        ["needs"] = new("ニーズ（工程）", "needs"),
        ["shows"] = new("展示・紹介する内容", "what it shows"),
        ["showProcesses"] = new("実演する工程", "processes shown"),
        ["gatherings:note"] = new("主催者への連絡事項", "note to the organisers"),
        ["withParticipantId"] = new("商談の相手", "participant to meet"),
        ["andParticipantId"] = new("商談の相手（事業所）", "supplier to meet"),
        ["place"] = new("時間枠とテーブル", "slot and table"),
        ["place.session"] = new("セッション", "session"),
        ["place.slot"] = new("時間枠", "slot"),
        ["place.table"] = new("テーブル", "table"),
        ["sessions.startsAt"] = new("開始時刻", "start"),
        ["sessions.slotMinutes"] = new("1 枠の時間（分）", "slot length"),
        ["sessions.slots"] = new("枠の数", "slots"),
        ["sessions.tables"] = new("テーブルの数", "tables"),
        ["meetingId"] = new("商談 ID", "meeting id"),
        ["participantId"] = new("参加者", "participant"),

        // Accounts, API clients, sign-in and tokens.
        ["displayName"] = new("表示名", "display name"),
        ["role"] = new("ロール", "role"),
        ["organisation"] = new("所属", "organisation"),
        ["password"] = new("パスワード", "password"),
        ["supplierIds"] = new("編集できる事業所", "sites"),
        ["webhooks:supplierIds"] = new("対象の事業所", "sites"),
        ["disabled"] = new("無効", "disabled"),
        ["name"] = new("名前", "name"),
        ["scopes"] = new("スコープ", "scopes"),
        ["scope"] = new("スコープ", "scope"),
        ["refreshToken"] = new("リフレッシュトークン", "refresh token"),
        ["grant_type"] = new("grant_type", "grant_type"),
        ["client_id"] = new("client_id", "client_id"),
        ["client_secret"] = new("client_secret", "client_secret"),

        // Webhooks.
        ["url"] = new("URL", "URL"),
        ["eventTypes"] = new("イベントの種類", "event types"),
        ["clusterId"] = new("クラスター", "cluster"),
        ["active"] = new("有効", "active"),

        // Query parameters: search, exports, lists, analytics, audit, taxonomy, imports.
        ["q"] = new("キーワード", "keywords"),
        ["issues"] = new("データの矛盾", "contradictions"),
        ["near"] = new("場所", "place"),
        ["centrePlace"] = new("中心の場所", "centre place"),
        ["process"] = new("工程", "process"),
        ["material"] = new("材質", "material"),
        ["equipmentType"] = new("設備の種類", "equipment type"),
        ["equipmentMinSpec"] = new("主要仕様の下限", "minimum key spec"),
        ["fitXMm"] = new("ワーク X", "workpiece X"),
        ["fitYMm"] = new("ワーク Y", "workpiece Y"),
        ["fitZMm"] = new("ワーク Z", "workpiece Z"),
        ["certification"] = new("認証", "certification"),
        ["qualification"] = new("資格", "qualification"),
        ["prefecture"] = new("都道府県", "prefecture"),
        ["municipality"] = new("市区町村コード", "municipality code"),
        ["lat"] = new("緯度", "latitude"),
        ["lon"] = new("経度", "longitude"),
        ["withinKm"] = new("半径", "radius"),
        ["employeesMin"] = new("従業員数の下限", "minimum employees"),
        ["employeesMax"] = new("従業員数の上限", "maximum employees"),
        ["acceptsContractWork"] = new("受託加工を受け付けている", "accepts contract work"),
        ["verifiedOnly"] = new("コーディネーター確認済みのみ", "verified only"),
        ["sort"] = new("並び順", "sort"),
        ["facets"] = new("集計", "facets"),
        ["limit"] = new("件数", "limit"),
        ["cursor"] = new("カーソル", "cursor"),
        ["format"] = new("形式", "format"),
        ["from"] = new("開始日", "from"),
        ["to"] = new("終了日", "to"),
        ["actorId"] = new("実行者", "actor"),
        ["action"] = new("操作", "action"),
        ["resource"] = new("対象", "resource"),
        ["resourceId"] = new("対象 ID", "resource id"),
        ["kinds"] = new("分類の種類", "kinds"),
        ["status"] = new("状態", "status"),
        ["dryRun"] = new("確認のみ", "dry run"),
        ["themeId"] = new("テーマ ID", "theme id"),
        ["deliveryId"] = new("配信 ID", "delivery id"),

        // Columns of an import file (ImportRowInput) that no form has.
        ["externalId"] = new("外部 ID", "external id"),
        ["contactName"] = new("担当者", "contact person"),
        ["contactEmail"] = new("メールアドレス", "e-mail address"),
        ["contactPhone"] = new("電話番号", "phone number"),
        ["processes"] = new("工程", "processes"),
        ["certifications"] = new("認証", "certifications"),
        ["publish"] = new("公開", "publish"),
        ["charset"] = new("文字コード", "character set"),
    };

    /// <summary>Every key (scoped ones with their scope), for the test that each field a request carries has a label.</summary>
    public static IReadOnlyCollection<string> Keys => s_labels.Keys;

    /// <summary>
    /// The label of a field path (<c>steps[0].processCode</c>, <c>contact.email</c>) in an area of the API: the whole
    /// path without indexes, then its shorter tails, each first in the area. Null when the field has no label.
    /// </summary>
    public static Label? Find(string path, string? scope = null)
    {
        var segments = Index().Replace(path, "").Split('.', StringSplitOptions.RemoveEmptyEntries);
        for (var start = 0; start < segments.Length; start++)
        {
            var key = string.Join('.', segments[start..]);
            if (scope is not null && s_labels.TryGetValue(scope + ":" + key, out var scoped))
            {
                return scoped;
            }

            if (s_labels.TryGetValue(key, out var label))
            {
                return label;
            }
        }

        return null;
    }

    /// <summary>
    /// The area of the API a request is in, for scoped labels: <c>themes</c> for a cluster's themes, <c>orders</c> for
    /// an order answered through its response link, else the segment after /api/v1/.
    /// </summary>
    public static string? ScopeOf(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Contains("themes", StringComparer.Ordinal) ? "themes"
            : segments is ["api", "v1", "order-link", ..] ? "orders"
            : segments is ["api", "v1", var area, ..] ? area
            : null;
    }

    [GeneratedRegex(@"\[[0-9]*\]")]
    private static partial Regex Index();
}
