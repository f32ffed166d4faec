// name: partners_of_province
// title: Partners of a province
// description.en: The foreign localities, countries and organisations a Vietnamese province works with
//    (the PARTNERS_WITH summary of its Partnership facts), optionally only those of one country, of one
//    kind, or first evidenced within a period. A name matches every province that bears it (before and
//    after the 2025 reform), so the province id is in each row.
// description.vi: Các địa phương, quốc gia và tổ chức nước ngoài mà một tỉnh có quan hệ hợp tác; có thể
//    lọc theo quốc gia, loại đối tác hoặc khoảng thời gian quan hệ được ghi nhận lần đầu.
// param: province: province  -- id or name of the province, accents and case optional (example: "Cần Thơ")
// param: country: string? = null  -- ISO 3166-1 alpha-2 code of the partner's country (example: "LA")
// param: kind: string? = null one of ["ForeignLocality", "Country", "Organization"]  -- partner kind (example: "ForeignLocality")
// param: since_from: date? = null  -- first evidenced on or after this date; YYYY or YYYY-MM mean the period's start (example: "2020")
// param: since_to: date? = null  -- first evidenced on or before this date; YYYY or YYYY-MM mean the period's end (example: "2024-06")
// mode: read

// the unit and, for one formed in the 2025 reform, the units merged into it (graph.resolve)
MATCH (p:Entity)
WHERE p.id IN $province_units AND p:VietnameseProvince
WITH p
MATCH (p)-[r:PARTNERS_WITH]->(x)
WITH p, r, x, [l IN labels(x) WHERE l <> 'Entity'][0] AS kind
// Dates are strings of varying precision: pad them to the first / last day they can mean.
// A missing date stays null (so the row is left out); FalkorDB's substring() refuses a null length.
WHERE ($country IS NULL OR x.country = toUpper($country))
  AND ($kind IS NULL OR kind = $kind)
  AND ($since_from IS NULL OR (coalesce(r.since, r.first_reported) + substring('-01-01', coalesce(size(coalesce(r.since, r.first_reported)), 4) - 4)) >= ($since_from + substring('-01-01', coalesce(size($since_from), 4) - 4)))
  AND ($since_to IS NULL OR (coalesce(r.since, r.first_reported) + substring('-12-31', coalesce(size(coalesce(r.since, r.first_reported)), 4) - 4)) <= ($since_to + substring('-12-31', coalesce(size($since_to), 4) - 4)))
RETURN p.id AS province_id, p.name AS province, x.id AS partner_id, x.name AS partner, kind AS partner_kind,
       x.country AS country, r.since AS since, r.first_reported AS first_reported, r.evidence_count AS evidence_count, r.confidence AS confidence
ORDER BY province_id, partner_kind, partner, partner_id
