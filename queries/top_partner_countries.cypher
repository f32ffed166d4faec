// name: top_partner_countries
// title: Top partner countries
// description.en: Foreign countries ranked by how many Vietnamese provinces work with them or with one of
//    their localities or organisations, then by the agreements signed with a party from that country.
// description.vi: Xếp hạng các quốc gia đối tác theo số tỉnh Việt Nam hợp tác (với quốc gia hoặc địa
//    phương, tổ chức của quốc gia đó) và theo số thỏa thuận đã ký.
// param: limit: int = 20 range 1..300  -- how many countries (example: 5)
// mode: read

// agreements per country first, in one pass over agreement parties (a per-country OPTIONAL MATCH
// re-scanned every agreement for each country)
MATCH (a:Agreement)-[:PARTY]->(y)
WHERE y.country IS NOT NULL AND y.country <> 'VN'
WITH y.country AS code, count(DISTINCT a) AS n
WITH collect({code: code, n: n}) AS signed
MATCH (p:VietnameseProvince)-[:PARTNERS_WITH]->(x)
WHERE x.country IS NOT NULL AND x.country <> 'VN'
WITH signed, x.country AS code, count(DISTINCT p) AS provinces, count(DISTINCT x) AS partners
WITH code, provinces, partners, coalesce(head([s IN signed WHERE s.code = code | s.n]), 0) AS agreements
OPTIONAL MATCH (c:Entity {id: code})
RETURN code AS country, c.name AS name, c.name_en AS name_en, provinces, partners, agreements
ORDER BY provinces DESC, agreements DESC, country
LIMIT $limit
