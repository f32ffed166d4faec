// name: agreements_by_field
// title: Agreements by cooperation field
// description.en: How many agreements name each cooperation field (trade, investment, education,
//    border management, …), optionally for one year or one province, with the provinces involved.
// description.vi: Số thỏa thuận theo lĩnh vực hợp tác (thương mại, đầu tư, giáo dục, biên giới…), có thể
//    lọc theo năm hoặc theo tỉnh, kèm các tỉnh liên quan.
// param: year: int? = null range 1900..2100  -- only agreements of this year (example: 2023)
// param: province: province? = null  -- only agreements of this province (id or name) (example: "Thanh Hóa")
// mode: read

// run instead of agreements_by_field.cypher when a province is given: the province (and its predecessors)
// found on the Entity.id index first (Neo4j's planner started from every Agreement / Partnership
// when the filter was `$province IS NULL OR …`)
// the provinces first (a few dozen nodes), so a given province is the start of the expansion
MATCH (p:Entity)
WHERE p.id IN $province_units AND p:VietnameseProvince
WITH p
MATCH (a:Agreement)-[:PARTY]->(p)
WHERE a.fields IS NOT NULL
  AND ($year IS NULL OR left(a.date, 4) = toString($year))
UNWIND a.fields AS field
WITH field, a, p ORDER BY p.name, p.id
WITH field, count(DISTINCT a) AS agreements, collect(DISTINCT p.name) AS provinces
RETURN field, agreements, provinces
ORDER BY agreements DESC, field
