// name: province_figures
// title: Reported figures of a province over time
// description.en: The figures articles report for a province (FDI, ODA, NGO aid, trade, delegations,
//    workers abroad, …) by period, with value, upper value of a range, unit, what a count counts,
//    the qualifier (exact, approx, over, under) and the sentence it was read from.
// description.vi: Các số liệu bài viết nêu về một tỉnh (FDI, ODA, viện trợ phi chính phủ, thương mại, đoàn
//    ra, đoàn vào, lao động…) theo kỳ, kèm giá trị, đơn vị, mức độ chính xác và câu trích nguồn.
// param: province: string  -- id or name of the province, accents and case optional (example: "Lạng Sơn")
// param: indicators: list[string]? = null  -- only these indicators; indicator_catalog lists them (example: ["fdi_registered_usd", "inbound_delegations"])
// param: year_from: int? = null range 1900..2100  -- from this year (example: 2019)
// param: year_to: int? = null range 1900..2100  -- up to this year (example: 2023)
// mode: read

WITH trim(replace(replace(reduce(fold_s = toLower($province), fold_r IN [['a', 'àáảãạăằắẳẵặâầấẩẫậ'], ['e', 'èéẻẽẹêềếểễệ'], ['i', 'ìíỉĩị'], ['o', 'òóỏõọôồốổỗộơờớởỡợ'], ['u', 'ùúủũụưừứửữự'], ['y', 'ỳýỷỹỵ'], ['d', 'đ'], [' ', '-–—.,;:/()']] | reduce(fold_t = fold_s, fold_c IN split(fold_r[1], '') | replace(fold_t, fold_c, fold_r[0]))), '  ', ' '), '  ', ' ')) AS pkey
MATCH (p:VietnameseProvince)
WHERE p.id = $province OR p.search_text CONTAINS ('|' + pkey + '|')
MATCH (o:Observation)-[:OBSERVATION_OF]->(p)
WITH p, o, toInteger(left(o.period, 4)) AS year
WHERE ($indicators IS NULL OR o.indicator IN $indicators)
  AND ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
OPTIONAL MATCH (o)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
RETURN p.id AS province_id, p.name AS province, o.period AS period, o.indicator AS indicator, o.value AS value,
       o.value_max AS value_max, o.unit AS unit, o.unit_noun AS unit_noun, o.qualifier AS qualifier,
       m.text AS sentence, d.id AS document_id, o.id AS observation_id
ORDER BY province_id, indicator, period, value, observation_id
