// name: explorer_partner_events
// title: The events a partner took part in with provinces
// description.en: Each event with the province that took part, latest first.
// param: id: string  -- partner id (example: "LA-SV")
// mode: read
// max_rows: 5000

MATCH (x:Entity {id: $id})<-[:PARTICIPANT]-(e:Event)-[:PARTICIPANT]->(p:VietnameseProvince)
RETURN {id: e.id, name: e.name, kind: e.kind, date: e.date_start, province: {id: p.id, name: p.name}} AS item
ORDER BY item.date DESC, item.id
