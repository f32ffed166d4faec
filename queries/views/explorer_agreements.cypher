// name: explorer_agreements
// title: The latest agreements of a province, with parties and evidence counts
// description.en: The timeline's agreements: the page first (latest first), then its parties and
//    how many mentions evidence each.
// param: id: string  -- province id (example: "VN-09")
// param: cap: int = 100 range 1..1000  -- how many (example: 100)
// mode: read
// max_rows: 1000

MATCH (p:Entity {id: $id})
MATCH (p)<-[:PARTY]-(a:Agreement)
WITH a ORDER BY a.date DESC, a.id LIMIT $cap
OPTIONAL MATCH (a)-[:PARTY]->(x)
WITH a, collect(DISTINCT {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0]}) AS parties
OPTIONAL MATCH (a)-[:EVIDENCED_BY]->(m:Mention)
WITH a, parties, count(DISTINCT m) AS evidence
RETURN {id: a.id, name: a.name, kind: a.kind, date: a.date, fields: a.fields, parties: parties,
        evidence_count: evidence}
