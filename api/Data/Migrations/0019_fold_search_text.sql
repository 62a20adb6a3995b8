-- Japanese text as users type it (issue 16): full-width ＹＡＭＡＤＡ, half-width ﾔﾏﾀﾞｾｲｺｳ, hiragana やまだせいこう and
-- katakana ヤマダセイコウ are one text. search_fold() is what TextFold.Fold does to a query: NFKC (width), lower case,
-- katakana as hiragana. The stored search text and its grams are folded with it, and so is every name compared for
-- relevance.
CREATE FUNCTION search_fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT translate(lower(normalize(t, NFKC)),
        'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ',
        'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ')
$$;

-- The text a site is found by: its names, descriptions and strengths, folded.
CREATE FUNCTION supplier_search_text(name_ja text, name_en text, name_kana text, description_ja text, description_en text, strengths text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT search_fold(concat_ws(' ', name_ja, name_en, name_kana, description_ja, description_en, strengths))
$$;

-- The names alone, folded: what relevance counts a word found in.
CREATE FUNCTION supplier_name_text(name_ja text, name_en text, name_kana text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT search_fold(concat_ws(' ', name_ja, name_en, name_kana))
$$;

UPDATE suppliers
SET search_text = supplier_search_text(name_ja, name_en, name_kana, description_ja, description_en, strengths),
    search_bigrams = text_grams(supplier_search_text(name_ja, name_en, name_kana, description_ja, description_en, strengths))
WHERE search_text IS DISTINCT FROM supplier_search_text(name_ja, name_en, name_kana, description_ja, description_en, strengths);
