// name: new_partnerships_per_year
// title: New partnerships per year
// description.en: How many province–partner partnerships were first evidenced in each year (the stated
//    start where an article gives one, else the earliest article date), and by how many provinces.
//    Partnerships whose articles carry no date are counted under a null year.
// description.vi: Số quan hệ đối tác mới theo năm (năm được ghi nhận lần đầu) và số tỉnh có quan hệ mới;
//    quan hệ không rõ thời điểm được tính vào năm null.
// param: province: province? = null  -- only this province (id or name) (example: "Lạng Sơn")
// param: kind: string? = null one of ["ForeignLocality", "Country", "Organization"]  -- only partners of this kind (example: "ForeignLocality")
// mode: read

MATCH (p:VietnameseProvince)
WHERE $province IS NULL OR p.id IN $province_units
WITH p
MATCH (p)-[r:PARTNERS_WITH]->(x)
WHERE $kind IS NULL OR $kind IN labels(x)
WITH toInteger(left(coalesce(r.since, r.first_reported), 4)) AS year, p, x
RETURN year, count(*) AS partnerships, count(DISTINCT p) AS provinces, count(DISTINCT x) AS partners
ORDER BY year
