// name: province_profile
// title: Province profile
// description.en: One line per province matching the id or name: its codes, region and validity, what it
//    was merged into or absorbed in the 2025 reform, and how many partners, agreements, events, figures
//    and articles the graph holds for it.
// description.vi: Tóm tắt một tỉnh: mã, vùng, thời gian hiệu lực, quan hệ sáp nhập năm 2025, số đối tác,
//    thỏa thuận, sự kiện, số liệu và bài viết.
// param: province: province  -- id or name of the province, accents and case optional (example: "Quảng Trị")
// mode: read

// the unit and, for one formed in the 2025 reform, the units merged into it (graph.resolve)
MATCH (p:Entity)
WHERE p.id IN $province_units AND p:VietnameseProvince
WITH p
OPTIONAL MATCH (p)-[:MERGED_INTO]->(s:VietnameseProvince)
OPTIONAL MATCH (o:VietnameseProvince)-[:MERGED_INTO]->(p)
WITH p, s, o ORDER BY o.id
WITH p, s, collect(o.id) AS merged_from
RETURN p.id AS province_id, p.name AS province, p.name_en AS name_en, p.iso3166_2 AS iso3166_2,
       p.gso_code AS gso_code, p.region AS region, p.unit_type AS unit_type, p.valid_from AS valid_from,
       p.valid_to AS valid_to, coalesce(p.current, false) AS current, p.wikidata AS wikidata,
       s.id AS merged_into, merged_from,
       size([(p)-[:PARTNERS_WITH]->(x) | x]) AS partners,
       size([(a:Agreement)-[:PARTY]->(p) | a]) AS agreements,
       size([(e:Event)-[:PARTICIPANT]->(p) | e]) AS events,
       size([(ob:Observation)-[:OBSERVATION_OF]->(p) | ob]) AS figures,
       size([(d:Document)-[:ABOUT]->(p) | d]) AS articles
ORDER BY province_id
