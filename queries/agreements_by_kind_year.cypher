// name: agreements_by_kind_year
// title: Agreements by kind and year across the country
// description.en: How many agreements of each kind were recorded per year across all provinces:
//    agreement facts, the number of agreements the articles report (a sentence may report several,
//    e.g. "5 bản thỏa thuận"), and how many provinces signed them. Agreements without a date are
//    counted under a null year.
// description.vi: Số thỏa thuận theo loại và theo năm trên cả nước: số bản ghi, số thỏa thuận bài viết
//    nêu (một câu có thể nêu nhiều), và số tỉnh ký kết.
// param: kind: string? = null one of ["MoU", "InternationalAgreement", "CooperationAgreement", "CooperationMinutes", "WorkingMinutes", "CooperationPlan"]  -- only this kind (example: "MoU")
// param: year_from: int? = null range 1900..2100  -- from this year (example: 2019)
// param: year_to: int? = null range 1900..2100  -- up to this year (example: 2024)
// mode: read

MATCH (a:Agreement)
WITH a, toInteger(left(a.date, 4)) AS year
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($year_from IS NULL OR year >= $year_from)
  AND ($year_to IS NULL OR year <= $year_to)
OPTIONAL MATCH (a)-[:PARTY]->(p:VietnameseProvince)
WITH year, a.kind AS kind, count(DISTINCT a) AS agreement_facts, count(DISTINCT p) AS provinces,
     collect(DISTINCT a) AS agreements
// reduce, not sum(): FalkorDB's sum() returns a float even for integers
RETURN year, kind, agreement_facts, reduce(n = 0, x IN agreements | n + coalesce(x.count, 1)) AS agreements_reported,
       provinces
ORDER BY year, kind
