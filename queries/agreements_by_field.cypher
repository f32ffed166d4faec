// name: agreements_by_field
// title: Agreements by cooperation field
// description.en: How many agreements name each cooperation field (trade, investment, education,
//    border management, …), optionally for one year or one province, with the provinces involved.
// description.vi: Số thỏa thuận theo lĩnh vực hợp tác (thương mại, đầu tư, giáo dục, biên giới…), có thể
//    lọc theo năm hoặc theo tỉnh, kèm các tỉnh liên quan.
// param: year: int? = null range 1900..2100  -- only agreements of this year (example: 2023)
// param: province: string? = null  -- only agreements of this province (id or name) (example: "Thanh Hóa")
// mode: read

WITH trim(replace(replace(reduce(fold_s = toLower(coalesce($province, '')), fold_r IN [['a', 'àáảãạăằắẳẵặâầấẩẫậ'], ['e', 'èéẻẽẹêềếểễệ'], ['i', 'ìíỉĩị'], ['o', 'òóỏõọôồốổỗộơờớởỡợ'], ['u', 'ùúủũụưừứửữự'], ['y', 'ỳýỷỹỵ'], ['d', 'đ'], [' ', '-–—.,;:/()']] | reduce(fold_t = fold_s, fold_c IN split(fold_r[1], '') | replace(fold_t, fold_c, fold_r[0]))), '  ', ' '), '  ', ' ')) AS pkey
MATCH (a:Agreement)-[:PARTY]->(p:VietnameseProvince)
WHERE a.fields IS NOT NULL
  AND ($year IS NULL OR left(a.date, 4) = toString($year))
  AND ($province IS NULL OR p.id = $province OR p.search_text CONTAINS ('|' + pkey + '|'))
UNWIND a.fields AS field
WITH field, a, p ORDER BY p.name, p.id
WITH field, count(DISTINCT a) AS agreements, collect(DISTINCT p.name) AS provinces
RETURN field, agreements, provinces
ORDER BY agreements DESC, field
