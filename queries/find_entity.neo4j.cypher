// name: find_entity
// title: Find an entity by name
// description.en: Entities whose id is the text or whose name or alias contains it as whole words or
//    word beginnings ("quang tri", "quang t"), accent- and case-insensitively, best matches first
//    (exact id, exact name or alias, name starting with the text, containing it), with their ids, ISO
//    codes and validity: the ids to pass to the other queries.
// description.vi: Tìm thực thể theo mã, tên hoặc tên gọi khác (không phân biệt dấu, chữ hoa), kết quả khớp
//    nhất trước, kèm mã định danh, mã ISO và thời gian hiệu lực.
// param: text: name  -- id, name, or the first letters of words of a name (example: "quang tri")
// param: kind: string? = null one of ["VietnameseProvince", "ForeignLocality", "Country", "Organization", "Person", "Event", "Agreement", "Document"]  -- only entities of this kind (example: "VietnameseProvince")
// param: limit: int = 20 range 1..500  -- at most this many (example: 5)
// mode: read
// engine: neo4j

// candidates: the id on the Entity.id index, and the names on the full-text index (word prefixes),
// kept when the folded text is in them (a scan of every name with CONTAINS took 0.3 s at 100k facts);
// no full-text call for a text that folds to nothing
CALL {
  MATCH (x:Entity {id: $text}) RETURN x
  UNION
  UNWIND CASE WHEN size($text_key) > 0 THEN [$text_terms] ELSE [] END AS terms
  CALL db.index.fulltext.queryNodes('entity_search_text', terms) YIELD node AS x
  WITH x WHERE x.search_text CONTAINS $text_key
  RETURN x
}
WITH x, [l IN labels(x) WHERE l <> 'Entity'][0] AS kind
WHERE $kind IS NULL OR kind = $kind
WITH x, kind, CASE
       WHEN x.id = $text THEN 4
       WHEN x.search_text CONTAINS ('|' + $text_key + '|') THEN 3
       WHEN x.search_text CONTAINS ('|' + $text_key) THEN 2
       ELSE 1
     END AS score
RETURN x.id AS id, coalesce(x.name, x.title) AS name, kind, x.country AS country, x.iso3166_2 AS iso3166_2,
       x.valid_from AS valid_from, x.valid_to AS valid_to, x.wikidata AS wikidata, score
ORDER BY score DESC, kind, name, id
LIMIT $limit
