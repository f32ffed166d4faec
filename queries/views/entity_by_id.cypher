// name: entity_by_id
// title: An entity by id
// description.en: The entity with this id, if it carries one of the labels asked for; looked up on the
//    Entity.id index.
// param: id: string  -- the id (example: "VN-25")
// param: labels: list[string]  -- acceptable labels (example: ["VietnameseProvince"])
// mode: read
// max_rows: 1

MATCH (x:Entity {id: $id})
WHERE any(l IN labels(x) WHERE l IN $labels)
RETURN {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0], country: x.country,
        iso3166_2: x.iso3166_2} AS entity,
       coalesce(x.current, false) AS current, x.valid_from AS valid_from, x.valid_to AS valid_to,
       [(o:VietnameseProvince)-[:MERGED_INTO]->(x) | o.id] AS predecessors
LIMIT 1
