// name: indicator_catalog
// title: Indicators reported
// description.en: Which indicators the articles report figures for, in which units, for how many
//    provinces and which periods: the names to use with province_figures and rank_provinces_by_indicator.
// description.vi: Danh mục các chỉ tiêu có số liệu: đơn vị, số tỉnh, các kỳ; dùng tên chỉ tiêu cho các truy
//    vấn province_figures và rank_provinces_by_indicator.
// param: contains: string? = null  -- only indicators whose name contains this text (example: "aid")
// mode: read

MATCH (o:Observation)-[:OBSERVATION_OF]->(p:VietnameseProvince)
WHERE $contains IS NULL OR o.indicator CONTAINS toLower($contains)
WITH o.indicator AS indicator, o.unit AS unit, o, p ORDER BY o.period
WITH indicator, unit, count(o) AS observations, count(DISTINCT p) AS provinces,
     collect(DISTINCT left(o.period, 4)) AS years
RETURN indicator, unit, observations, provinces, years
ORDER BY indicator, unit
