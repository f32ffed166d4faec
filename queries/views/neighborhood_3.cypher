// name: neighborhood_3
// title: Paths of up to 3 step(s) around an entity
// description.en: The entity (Entity.id index), then its paths of one to 3 relationships, each projected to
//    the ids, kinds, names and countries a graph view shows and the relationship types (no whole nodes).
// param: id: string  -- entity id (example: "LA-SV")
// param: limit: int = 200 range 1..100000  -- at most this many paths (example: 100)
// mode: read
// max_rows: 100000

MATCH (a:Entity {id: $id})
WITH a
MATCH path = (a)-[*1..3]-(b)
WHERE a <> b
WITH path LIMIT $limit
RETURN [n IN nodes(path) | {id: n.id, type: coalesce([l IN labels(n) WHERE l <> 'Entity'][0], 'Entity'), name: n.name,
        country: n.country}] AS nodes,
       [r IN relationships(path) | type(r)] AS types
