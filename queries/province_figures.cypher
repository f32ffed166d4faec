// name: province_figures
// title: Reported figures of a province over time
// description.en: The figures articles report for a province (FDI, ODA, NGO aid, trade, delegations,
//    workers abroad, …) by period, with value, upper value of a range, unit, what a count counts,
//    the qualifier (exact, approx, over, under) and the sentence it was read from.
// description.vi: Các số liệu bài viết nêu về một tỉnh (FDI, ODA, viện trợ phi chính phủ, thương mại, đoàn
//    ra, đoàn vào, lao động…) theo kỳ, kèm giá trị, đơn vị, mức độ chính xác và câu trích nguồn.
// param: province: province  -- id or name of the province, accents and case optional (example: "Lạng Sơn")
// param: indicators: list[string]? = null  -- only these indicators; indicator_catalog lists them (example: ["fdi_registered_usd", "inbound_delegations"])
// param: year_from: int? = null range 1900..2100  -- from this year (example: 2019)
// param: year_to: int? = null range 1900..2100  -- up to this year (example: 2023)
// param: limit: int = 500 range 1..100000  -- at most this many, in the order shown; the rest on later pages (example: 100)
// param: offset: int = 0 range 0..10000000  -- skip this many first: the page (example: 0)
// mode: read

// the unit and, for one formed in the 2025 reform, the units merged into it (graph.resolve)
MATCH (p:Entity)
WHERE p.id IN $province_units AND p:VietnameseProvince
WITH p
MATCH (o:Observation)-[:OBSERVATION_OF]->(p)
WITH p, o, toInteger(left(o.period, 4)) AS year
WHERE ($indicators IS NULL OR o.indicator IN $indicators)
  AND ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
// the page (of figures, each with every sentence it was read from) is cut here, in the answer's order
WITH p, o ORDER BY p.id, o.indicator, o.period, o.value, o.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (o)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
RETURN p.id AS province_id, p.name AS province, o.period AS period, o.indicator AS indicator, o.value AS value,
       o.value_max AS value_max, o.unit AS unit, o.unit_noun AS unit_noun, o.qualifier AS qualifier,
       m.text AS sentence, d.id AS document_id, o.id AS observation_id
ORDER BY province_id, indicator, period, value, observation_id
