// name: explorer_partner_agreements
// title: The agreements a partner signed with provinces
// description.en: Each agreement with the province that is party to it, latest first.
// param: id: string  -- partner id (example: "CN-GX")
// mode: read
// max_rows: 5000

MATCH (x:Entity {id: $id})<-[:PARTY]-(a:Agreement)-[:PARTY]->(p:VietnameseProvince)
RETURN {id: a.id, name: a.name, kind: a.kind, date: a.date, province: {id: p.id, name: p.name}} AS item
ORDER BY item.date DESC, item.id
