// name: entity_names
// title: Names of entities of some kinds
// description.en: Ids, names and folded keys of every entity with one of the labels: the candidates
//    for "did you mean" suggestions when a name matches nothing (an error path only).
// param: labels: list[string]  -- labels (example: ["VietnameseProvince"])
// mode: read
// max_rows: 200000

MATCH (x:Entity)
WHERE any(l IN labels(x) WHERE l IN $labels)
RETURN x.id AS id, x.name AS name, x.keys AS keys
LIMIT 200000
