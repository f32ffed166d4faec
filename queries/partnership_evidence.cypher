// name: partnership_evidence
// title: Evidence behind a partnership
// description.en: The article sentences a partnership between a province and a partner was read from:
//    document, title, date, the sentence and its character offsets in the original text (so it can be
//    highlighted), the extraction rules and their confidence.
// description.vi: Bằng chứng của một quan hệ đối tác: bài viết, tiêu đề, ngày đăng, câu trích và vị trí ký
//    tự trong văn bản gốc, quy tắc trích xuất và độ tin cậy.
// param: province: province  -- id or name of the province, accents and case optional (example: "Quảng Trị")
// param: partner: partner  -- id or name of the partner, accents and case optional (example: "Savannakhet")
// mode: read

// the unit and, for one formed in the 2025 reform, the units merged into it (graph.resolve)
MATCH (p:Entity)
WHERE p.id IN $province_units AND p:VietnameseProvince
WITH p
MATCH (p)-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x)
WHERE x.id = $partner
MATCH (ps)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
// `start` is quoted: the read-only guard refuses the bare word START
RETURN p.id AS province_id, p.name AS province, x.id AS partner_id, x.name AS partner, d.id AS document_id,
       d.title AS title, d.published AS published, coalesce(d.url, d.source) AS source, m.text AS sentence,
       m.`start` AS start_offset, m.`end` AS end_offset, m.rule AS rules, m.confidence AS confidence,
       ps.id AS partnership_id
ORDER BY province_id, partner_id, published, document_id, start_offset
