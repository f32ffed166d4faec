// name: shared_partners
// title: Provinces that share partners
// description.en: Pairs of Vietnamese provinces that work with the same foreign partners, with how many
//    and which. With a province, only the pairs it is part of; by default only foreign localities and
//    organisations count, since many provinces name the same countries.
// description.vi: Các cặp tỉnh có chung đối tác nước ngoài, số lượng và danh sách đối tác chung; có thể
//    chỉ xét một tỉnh. Mặc định không tính đối tác cấp quốc gia.
// param: province: province? = null  -- id or name of one province (example: "Lạng Sơn")
// param: include_countries: bool = false  -- count countries as shared partners too (example: true)
// param: min_shared: int = 1 range 1..1000  -- at least this many shared partners (example: 2)
// mode: read

MATCH (a:VietnameseProvince)
WHERE $province IS NULL OR a.id IN $province_units
WITH a
MATCH (a)-[:PARTNERS_WITH]->(x)<-[:PARTNERS_WITH]-(b:VietnameseProvince)
WHERE a <> b
  AND ($include_countries OR NOT x:Country)
  // without a province, each pair once (a before b); with one, it is always `a`
  AND ($province IS NOT NULL OR a.id < b.id)
WITH a, b, x ORDER BY x.name, x.id
WITH a, b, count(x) AS shared, collect(x.name) AS partners, collect(x.id) AS partner_ids
WHERE shared >= $min_shared
RETURN a.id AS province_a_id, a.name AS province_a, b.id AS province_b_id, b.name AS province_b, shared,
       partners, partner_ids
ORDER BY shared DESC, province_a_id, province_b_id
