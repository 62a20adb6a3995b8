namespace Registry.Api.Errors;

/// <summary>
/// The Japanese of the words the code puts into a message: states ("The request is {status}"), things ("No {what}
/// with this id"), actions, disclosure levels, taxonomies, and field names (a hole called <c>field</c>). A value the
/// table does not know (a code, a number, an id) stays as it is.
/// </summary>
public static class Terms
{
    private static readonly Dictionary<string, string> s_words = new(StringComparer.OrdinalIgnoreCase)
    {
        // States (the SPA's words for them).
        ["draft"] = "下書き",
        ["published"] = "公開中",
        ["archived"] = "アーカイブ済み",
        ["open"] = "募集中",
        ["closed"] = "締切",
        ["cancelled"] = "取消",
        ["awarded"] = "発注先決定",
        ["proposed"] = "提案中",
        ["sent"] = "送付済み",
        ["accepted"] = "受注",
        ["rejected"] = "辞退",
        ["in_progress"] = "作業中",
        ["shipped"] = "出荷済み",
        ["received"] = "検収済み",
        ["active"] = "進行中",
        ["completed"] = "完了",
        ["dropped"] = "中止",
        ["returned"] = "差し戻し",
        ["invited"] = "回答待ち",
        ["interested"] = "関心あり",
        ["declined"] = "辞退",
        ["shortlisted"] = "候補に選定",
        ["pending"] = "確認待ち",
        ["merged"] = "統合済み",
        ["dismissed"] = "別の事業所として登録済み",
        ["booking_open"] = "商談申込受付中",
        ["scheduled"] = "日程確定",
        ["held"] = "開催済み",
        ["approved"] = "承認済み",
        ["refused"] = "不承認",
        ["withdrawn"] = "参加取り消し",
        ["requested"] = "申込中",

        // Things.
        ["site"] = "事業所",
        ["supplier"] = "事業所",
        ["request"] = "依頼",
        ["order"] = "注文",
        ["order route"] = "注文の経路",
        ["order link"] = "回答用リンク",
        ["matching request"] = "マッチング依頼",
        ["cluster"] = "クラスター",
        ["cluster member"] = "クラスターのメンバー",
        ["theme"] = "テーマ",
        ["gathering"] = "イベント",
        ["gathering participant"] = "イベントの参加者",
        ["registration"] = "参加登録",
        ["meeting"] = "商談",
        ["participant"] = "テーマの参加事業所",
        ["invitation"] = "招待",
        ["webhook"] = "Webhook",
        ["webhook delivery"] = "Webhook の配信",
        ["account"] = "アカウント",
        ["active API client"] = "有効な API クライアント",
        ["import"] = "取り込み",
        ["import duplicate"] = "重複候補",
        ["capability"] = "加工能力",
        ["capabilities"] = "加工能力",
        ["equipment"] = "設備",
        ["certification"] = "認証",
        ["certifications"] = "認証",
        ["staff"] = "有資格者",
        ["qualified staff entry"] = "有資格者",

        // Who may see a section.
        ["public"] = "一般",
        ["members"] = "会員",
        ["coordinators"] = "コーディネーター",

        // Taxonomies (TaxonomyKind) and theme kinds.
        ["processes"] = "工程",
        ["materials"] = "材質",
        ["equipmentTypes"] = "設備の種類",
        ["qualifications"] = "資格",
        ["prefectures"] = "都道府県",
        ["joint_development"] = "共同開発",
        ["joint_order"] = "共同受注",
        ["joint_logistics"] = "共同物流",
    };

    private static readonly Dictionary<string, string> s_actions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["publish"] = "公開",
        ["unpublish"] = "公開停止",
        ["archive"] = "アーカイブ",
        ["open"] = "募集開始",
        ["close"] = "締め切り",
        ["cancel"] = "取り消し",
        ["award"] = "発注先の決定",
        ["activate"] = "開始",
        ["complete"] = "完了",
        ["drop"] = "中止",
        ["open-booking"] = "商談申込の受付開始",
        ["schedule"] = "日程の作成",
        ["hold"] = "開催",
        ["approve"] = "承認",
        ["refuse"] = "不承認",
        ["withdraw"] = "参加取り消し",
        ["check-in"] = "受付",
    };

    /// <summary>The Japanese of the value put into the hole <paramref name="hole"/>: a word, or a list of words joined by ", " or " or ".</summary>
    public static string Japanese(string hole, string value)
    {
        if (hole == "field")
        {
            return FieldLabels.Find(value)?.Ja ?? value;
        }

        var table = hole == "action" ? s_actions : s_words;
        if (table.TryGetValue(value, out var word))
        {
            return word;
        }

        foreach (var (separator, joiner) in new[] { (" or ", "または"), (", ", "、") })
        {
            var parts = value.Split(separator);
            if (parts.Length > 1 && Array.TrueForAll(parts, p => table.ContainsKey(p)))
            {
                return string.Join(joiner, parts.Select(p => table[p]));
            }
        }

        return value;
    }
}
