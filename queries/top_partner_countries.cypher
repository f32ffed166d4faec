// name: top_partner_countries
// title: Top partner countries
// description.en: Foreign countries ranked by how many Vietnamese provinces work with them or with one of
//    their localities or organisations, then by the agreements signed with a party from that country.
// description.vi: Xếp hạng các quốc gia đối tác theo số tỉnh Việt Nam hợp tác (với quốc gia hoặc địa
//    phương, tổ chức của quốc gia đó) và theo số thỏa thuận đã ký.
// param: limit: int = 20 range 1..300  -- how many countries (example: 5)
// mode: read

MATCH (p:VietnameseProvince)-[:PARTNERS_WITH]->(x)
WHERE x.country IS NOT NULL AND x.country <> 'VN'
WITH x.country AS code, count(DISTINCT p) AS provinces, count(DISTINCT x) AS partners
// then, per country, its agreements from its localities, organisations and itself on the country
// indexes (a per-country OPTIONAL MATCH scanned every node for each country; carrying a list of all
// countries through the aggregation cost seconds); the null branch keeps countries with none
CALL {
  WITH code
  MATCH (:ForeignLocality {country: code})<-[:PARTY]-(a:Agreement) RETURN a
  UNION
  WITH code
  MATCH (:Organization {country: code})<-[:PARTY]-(a:Agreement) RETURN a
  UNION
  WITH code
  MATCH (:Country {country: code})<-[:PARTY]-(a:Agreement) RETURN a
  UNION
  WITH code
  RETURN null AS a
}
WITH code, provinces, partners, count(DISTINCT a) AS agreements
ORDER BY provinces DESC, agreements DESC, code
LIMIT $limit
OPTIONAL MATCH (c:Entity {id: code})
RETURN code AS country, c.name AS name, c.name_en AS name_en, provinces, partners, agreements
ORDER BY provinces DESC, agreements DESC, country
