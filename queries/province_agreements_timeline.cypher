// name: province_agreements_timeline
// title: Agreements of a province as a timeline
// description.en: The memoranda, international agreements, minutes and cooperation plans a province is a
//    party to, in date order, with the other parties, the fields, how many agreements the sentence
//    reports (count) and the article it was read from.
// description.vi: Dòng thời gian các thỏa thuận (biên bản ghi nhớ, thỏa thuận quốc tế, biên bản, đề án hợp
//    tác) mà một tỉnh ký kết: ngày, loại, các bên, lĩnh vực, số lượng và bài viết nguồn.
// param: province: province  -- id or name of the province, accents and case optional (example: "Lạng Sơn")
// param: kind: string? = null one of ["MoU", "InternationalAgreement", "CooperationAgreement", "CooperationMinutes", "WorkingMinutes", "CooperationPlan"]  -- agreement kind (example: "MoU")
// param: year_from: int? = null range 1900..2100  -- from this year (example: 2020)
// param: year_to: int? = null range 1900..2100  -- up to this year (example: 2024)
// param: limit: int = 500 range 1..100000  -- at most this many, in the order shown; the rest on later pages (example: 100)
// param: offset: int = 0 range 0..10000000  -- skip this many first: the page (example: 0)
// mode: read

// the unit and, for one formed in the 2025 reform, the units merged into it (graph.resolve)
MATCH (p:Entity)
WHERE p.id IN $province_units AND p:VietnameseProvince
WITH p
MATCH (a:Agreement)-[:PARTY]->(p)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($year_from IS NULL OR toInteger(left(a.date, 4)) >= $year_from)
  AND ($year_to IS NULL OR toInteger(left(a.date, 4)) <= $year_to)
// the page is cut here, in the answer's order, before the parties and articles are read: a hub
// province is a party to thousands of agreements
WITH p, a ORDER BY p.id, a.date, a.kind, a.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (a)-[:PARTY]->(x)
WHERE x <> p
WITH p, a, x ORDER BY x.name, x.id
WITH p, a, collect(x.name) AS other_parties, collect(x.id) AS other_party_ids
OPTIONAL MATCH (a)-[:EVIDENCED_BY]->(:Mention)-[:IN_DOCUMENT]->(d:Document)
WITH p, a, other_parties, other_party_ids, d ORDER BY d.id
WITH p, a, other_parties, other_party_ids, collect(d.id) AS documents
RETURN p.id AS province_id, p.name AS province, a.date AS date, a.kind AS kind, a.level AS level,
       a.name AS agreement, a.count AS count, a.fields AS fields, other_parties, other_party_ids,
       a.confidence AS confidence, documents, a.id AS agreement_id
ORDER BY province_id, date, kind, agreement_id
