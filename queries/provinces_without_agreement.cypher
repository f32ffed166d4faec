// name: provinces_without_agreement
// title: Provinces with no recorded agreement in a year
// description.en: The provinces in force during a year that are party to no agreement dated that year in
//    the graph (which holds only what the ingested articles report), with the date of their latest
//    recorded agreement if any. A unit formed in the 2025 reform counts the agreements of the units
//    merged into it (named in rolled_up_from) unless include_predecessors is false.
// description.vi: Các tỉnh (đang tồn tại trong năm đó) không có thỏa thuận nào được ghi nhận trong năm, kèm
//    ngày thỏa thuận gần nhất nếu có. Đơn vị hình thành năm 2025 tính cả thỏa thuận của các đơn vị
//    hợp nhất vào nó (ghi trong rolled_up_from), trừ khi include_predecessors là false.
// param: year: int range 1900..2100  -- the year (example: 2023)
// param: region: string? = null  -- only this socio-economic region, as stored (example: "Trung du và miền núi phía Bắc")
// param: include_predecessors: bool = true  -- a unit formed in the 2025 reform counts its predecessors' agreements (example: true)
// mode: read

MATCH (p:VietnameseProvince)
// in force at some time in the year: validity dates are ISO strings, compared as such
WHERE (p.valid_from IS NULL OR p.valid_from <= toString($year) + '-12-31')
  AND (p.valid_to IS NULL OR p.valid_to >= toString($year) + '-01-01')
  AND ($region IS NULL OR p.region = $region)
OPTIONAL MATCH (o:VietnameseProvince)-[:MERGED_INTO]->(p)
WITH p, o ORDER BY o.id
WITH p, collect(DISTINCT o) AS found
WITH p, CASE WHEN $include_predecessors THEN found ELSE [] END AS preds
UNWIND [p] + preds AS u
OPTIONAL MATCH (a:Agreement)-[:PARTY]->(u)
WITH p, preds, count(DISTINCT CASE WHEN left(a.date, 4) = toString($year) THEN a END) AS in_year,
     max(a.date) AS last_agreement
WHERE in_year = 0
RETURN p.id AS province_id, p.name AS province, p.region AS region, last_agreement,
       [x IN preds | x.id] AS rolled_up_from
ORDER BY province, province_id
