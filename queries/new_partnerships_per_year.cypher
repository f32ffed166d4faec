// name: new_partnerships_per_year
// title: New partnerships per year
// description.en: How many province–partner partnerships were first evidenced in each year (the stated
//    start where an article gives one, else the earliest article date), and by how many provinces.
//    Partnerships whose articles carry no date are counted under a null year.
// description.vi: Số quan hệ đối tác mới theo năm (năm được ghi nhận lần đầu) và số tỉnh có quan hệ mới;
//    quan hệ không rõ thời điểm được tính vào năm null.
// param: province: string? = null  -- only this province (id or name) (example: "Lạng Sơn")
// param: kind: string? = null one of ["ForeignLocality", "Country", "Organization"]  -- only partners of this kind (example: "ForeignLocality")
// mode: read

WITH trim(replace(replace(reduce(fold_s = toLower(coalesce($province, '')), fold_r IN [['a', 'àáảãạăằắẳẵặâầấẩẫậ'], ['e', 'èéẻẽẹêềếểễệ'], ['i', 'ìíỉĩị'], ['o', 'òóỏõọôồốổỗộơờớởỡợ'], ['u', 'ùúủũụưừứửữự'], ['y', 'ỳýỷỹỵ'], ['d', 'đ'], [' ', '-–—.,;:/()']] | reduce(fold_t = fold_s, fold_c IN split(fold_r[1], '') | replace(fold_t, fold_c, fold_r[0]))), '  ', ' '), '  ', ' ')) AS pkey
MATCH (p:VietnameseProvince)-[r:PARTNERS_WITH]->(x)
WHERE ($province IS NULL OR p.id = $province OR p.search_text CONTAINS ('|' + pkey + '|'))
  AND ($kind IS NULL OR $kind IN labels(x))
WITH toInteger(left(r.since, 4)) AS year, p, x
RETURN year, count(*) AS partnerships, count(DISTINCT p) AS provinces, count(DISTINCT x) AS partners
ORDER BY year
