// name: provinces_without_agreement
// title: Provinces with no recorded agreement in a year
// description.en: The provinces in force during a year that are party to no agreement dated that year in
//    the graph (which holds only what the ingested articles report), with the date of their latest
//    recorded agreement if any.
// description.vi: Các tỉnh (đang tồn tại trong năm đó) không có thỏa thuận nào được ghi nhận trong năm, kèm
//    ngày thỏa thuận gần nhất nếu có.
// param: year: int range 1900..2100  -- the year (example: 2023)
// param: region: string? = null  -- only this socio-economic region, as stored (example: "Trung du và miền núi phía Bắc")
// mode: read

MATCH (p:VietnameseProvince)
// in force at some time in the year: validity dates are ISO strings, compared as such
WHERE (p.valid_from IS NULL OR p.valid_from <= toString($year) + '-12-31')
  AND (p.valid_to IS NULL OR p.valid_to >= toString($year) + '-01-01')
  AND ($region IS NULL OR p.region = $region)
OPTIONAL MATCH (a:Agreement)-[:PARTY]->(p)
WITH p, count(CASE WHEN left(a.date, 4) = toString($year) THEN 1 END) AS in_year, max(a.date) AS last_agreement
WHERE in_year = 0
RETURN p.id AS province_id, p.name AS province, p.region AS region, last_agreement
ORDER BY province, province_id
