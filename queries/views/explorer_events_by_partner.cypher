// name: explorer_events_by_partner
// title: Events per participant of a province
// description.en: How many events a unit held with each participant, counted in one pass.
// param: id: string  -- province id (example: "VN-25")
// mode: read
// max_rows: 100000

MATCH (p:Entity {id: $id})
MATCH (p)<-[:PARTICIPANT]-(e:Event)-[:PARTICIPANT]->(x)
WHERE x.id <> $id
RETURN x.id, count(DISTINCT e)
