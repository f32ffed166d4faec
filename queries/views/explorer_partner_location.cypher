// name: explorer_partner_location
// title: Where a partner is
// description.en: The curated coordinates of one entity (null where none are curated).
// param: id: string  -- entity id (example: "LA-SV")
// mode: read
// max_rows: 1

MATCH (x:Entity {id: $id})
RETURN x.lat, x.lon
