// name: entities_by_key
// title: Entities by folded name
// description.en: Entities one of whose names or aliases folds to the key (graph.ids.fold), on the
//    Entity.keys index; the caller picks among several (the unit valid at a date, then the current one).
// param: key: string  -- a folded name (example: "quang tri")
// param: labels: list[string]  -- acceptable labels (example: ["VietnameseProvince"])
// mode: read
// max_rows: 50

MATCH (x:Entity)
WHERE $key IN x.keys AND any(l IN labels(x) WHERE l IN $labels)
RETURN {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0], country: x.country,
        iso3166_2: x.iso3166_2} AS entity,
       coalesce(x.current, false) AS current, x.valid_from AS valid_from, x.valid_to AS valid_to,
       [(o:VietnameseProvince)-[:MERGED_INTO]->(x) | o.id] AS predecessors
ORDER BY x.id
LIMIT 50
