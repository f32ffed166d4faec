// name: partnership_evidence
// title: Evidence behind a partnership
// description.en: The article sentences a partnership between a province and a partner was read from:
//    document, title, date, the sentence and its character offsets in the original text (so it can be
//    highlighted), the extraction rules and their confidence.
// description.vi: Bằng chứng của một quan hệ đối tác: bài viết, tiêu đề, ngày đăng, câu trích và vị trí ký
//    tự trong văn bản gốc, quy tắc trích xuất và độ tin cậy.
// param: province: string  -- id or name of the province, accents and case optional (example: "Quảng Trị")
// param: partner: string  -- id or name of the partner, accents and case optional (example: "Savannakhet")
// mode: read

WITH trim(replace(replace(reduce(fold_s = toLower($province), fold_r IN [['a', 'àáảãạăằắẳẵặâầấẩẫậ'], ['e', 'èéẻẽẹêềếểễệ'], ['i', 'ìíỉĩị'], ['o', 'òóỏõọôồốổỗộơờớởỡợ'], ['u', 'ùúủũụưừứửữự'], ['y', 'ỳýỷỹỵ'], ['d', 'đ'], [' ', '-–—.,;:/()']] | reduce(fold_t = fold_s, fold_c IN split(fold_r[1], '') | replace(fold_t, fold_c, fold_r[0]))), '  ', ' '), '  ', ' ')) AS pkey,
     trim(replace(replace(reduce(fold_s = toLower($partner), fold_r IN [['a', 'àáảãạăằắẳẵặâầấẩẫậ'], ['e', 'èéẻẽẹêềếểễệ'], ['i', 'ìíỉĩị'], ['o', 'òóỏõọôồốổỗộơờớởỡợ'], ['u', 'ùúủũụưừứửữự'], ['y', 'ỳýỷỹỵ'], ['d', 'đ'], [' ', '-–—.,;:/()']] | reduce(fold_t = fold_s, fold_c IN split(fold_r[1], '') | replace(fold_t, fold_c, fold_r[0]))), '  ', ' '), '  ', ' ')) AS xkey
MATCH (p:VietnameseProvince)
WHERE p.id = $province OR p.search_text CONTAINS ('|' + pkey + '|')
MATCH (p)-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x)
WHERE x.id = $partner OR x.search_text CONTAINS ('|' + xkey + '|')
MATCH (ps)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
// `start` is quoted: the read-only guard refuses the bare word START
RETURN p.id AS province_id, p.name AS province, x.id AS partner_id, x.name AS partner, d.id AS document_id,
       d.title AS title, d.published AS published, coalesce(d.url, d.source) AS source, m.text AS sentence,
       m.`start` AS start_offset, m.`end` AS end_offset, m.rule AS rules, m.confidence AS confidence,
       ps.id AS partnership_id
ORDER BY province_id, partner_id, published, document_id, start_offset
