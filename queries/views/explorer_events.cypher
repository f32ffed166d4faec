// name: explorer_events
// title: The latest events of a province, with participants and evidence counts
// description.en: The timeline's events: the page first (latest first), then its participants and
//    how many mentions evidence each.
// param: id: string  -- province id (example: "VN-25")
// param: cap: int = 100 range 1..1000  -- how many (example: 100)
// mode: read
// max_rows: 1000

MATCH (p:Entity {id: $id})
MATCH (p)<-[:PARTICIPANT]-(e:Event)
WITH e ORDER BY e.date_start DESC, e.id LIMIT $cap
OPTIONAL MATCH (e)-[:PARTICIPANT]->(x)
WITH e, collect(DISTINCT {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0]}) AS parties
OPTIONAL MATCH (e)-[:EVIDENCED_BY]->(m:Mention)
WITH e, parties, count(DISTINCT m) AS evidence
RETURN {id: e.id, name: e.name, kind: e.kind, date: e.date_start, date_end: e.date_end, place: e.place_name,
        parties: parties, evidence_count: evidence}
