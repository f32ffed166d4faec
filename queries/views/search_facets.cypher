// name: search_facets
// title: How many entities of each kind contain a text
// description.en: The facets of a search, counted over every match (not only the page shown), and
//    the units a matching province merged into in the 2025 reform (search answers them too).
// param: q: name  -- the text (example: "quang tay")
// param: terms: string  -- the full-text query built from the folded text (example: "quang* tay*")
// param: types: list[string]?  -- only these kinds (example: ["VietnameseProvince"])
// mode: read
// max_rows: 100

CALL db.idx.fulltext.queryNodes('Entity', $terms) YIELD node AS x
WITH x, [lbl IN labels(x) WHERE lbl <> 'Entity'][0] AS type
WHERE x.search_text CONTAINS $q_key AND ($types IS NULL OR type IN $types)
OPTIONAL MATCH (x)-[:MERGED_INTO]->(s:VietnameseProvince)
WHERE NOT s.search_text CONTAINS $q_key
RETURN type, count(DISTINCT x) + size(collect(DISTINCT s.id)) AS n
ORDER BY type
