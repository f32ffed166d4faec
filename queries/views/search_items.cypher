// name: search_items
// title: Entities whose names contain a text, best first
// description.en: Candidates from the full-text index on search_text (every word of the text as a
//    prefix), kept when their folded names contain the folded text; ranked exact name, name start,
//    containing, then the units valid on as_of (a name shared across the 2025 reform), shorter
//    names, name and id (a total order). A province also says when it was valid and which unit it
//    merged into.
// param: q: name  -- the text (example: "quang tay")
// param: terms: string  -- the full-text query built from the folded text (example: "quang* tay*")
// param: types: list[string]?  -- only these kinds (example: ["VietnameseProvince"])
// param: as_of: date  -- rank the units valid on this day first (example: "2025-07-01")
// param: limit: int = 20 range 1..500  -- at most this many (example: 10)
// mode: read
// max_rows: 500

CALL db.idx.fulltext.queryNodes('Entity', $terms) YIELD node AS x
WITH x, [lbl IN labels(x) WHERE lbl <> 'Entity'][0] AS type
WHERE x.search_text CONTAINS $q_key AND ($types IS NULL OR type IN $types)
WITH x, type, CASE WHEN x.search_text CONTAINS ('|' + $q_key + '|') THEN 3
                   WHEN x.search_text CONTAINS ('|' + $q_key) THEN 2 ELSE 1 END AS score
WITH x, type, score,
     CASE WHEN (x.valid_from IS NULL OR x.valid_from <= $as_of) AND (x.valid_to IS NULL OR x.valid_to >= $as_of)
          THEN 1 ELSE 0 END AS valid
WITH x, type, score, valid ORDER BY score DESC, valid DESC, size(x.name), x.name, x.id LIMIT $limit
RETURN {id: x.id, name: x.name, type: type, country: x.country, iso3166_2: x.iso3166_2,
        current: coalesce(x.current, false), valid_from: x.valid_from, valid_to: x.valid_to,
        successors: [(x)-[:MERGED_INTO]->(s:VietnameseProvince) | {id: s.id, name: s.name}]} AS item, score
