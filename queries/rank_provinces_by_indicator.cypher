// name: rank_provinces_by_indicator
// title: Ranking of provinces for one indicator and year
// description.en: Provinces ranked by the figure they report for one indicator in one year. Where
//    articles give several figures for the same province and year (e.g. a yearly and a cumulative
//    total), the largest is ranked and all of them are listed; equal values share a rank.
// description.vi: Xếp hạng các tỉnh theo số liệu của một chỉ tiêu trong một năm; nếu một tỉnh có nhiều
//    số liệu cùng năm, lấy giá trị lớn nhất và liệt kê tất cả.
// param: indicator: string  -- indicator name, see indicator_catalog (example: "fdi_registered_usd")
// param: year: int range 1900..2100  -- the year (example: 2023)
// param: limit: int = 63 range 1..200  -- how many provinces (example: 10)
// mode: read

MATCH (o:Observation)-[:OBSERVATION_OF]->(p:VietnameseProvince)
WHERE o.indicator = $indicator AND left(o.period, 4) = toString($year)
WITH p, o.unit AS unit, o ORDER BY o.value DESC
WITH p, unit, max(o.value) AS value, collect(o.value) AS reported, count(o) AS observations
WITH collect({id: p.id, name: p.name, unit: unit, value: value, reported: reported, observations: observations}) AS ranked
// competition ranking: equal values share a rank (1, 2, 2, 4)
UNWIND ranked AS r
RETURN size([x IN ranked WHERE x.value > r.value]) + 1 AS rank, r.id AS province_id, r.name AS province,
       r.value AS value, r.unit AS unit, r.reported AS reported, r.observations AS observations
ORDER BY rank, province_id
LIMIT $limit
