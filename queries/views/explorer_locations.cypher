// name: explorer_locations
// title: Where several partners are
// description.en: The curated coordinates of the entities given.
// param: ids: list[string]  -- entity ids (example: ["LA-SV", "CN-GX"])
// mode: read
// max_rows: 5000

UNWIND $ids AS id
MATCH (x:Entity {id: id})
RETURN x.id, x.lat, x.lon
