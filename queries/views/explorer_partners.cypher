// name: explorer_partners
// title: A province's partners for the explorer's table and map
// description.en: Every partner of one unit with its coordinates and the Partnership's dates and
//    evidence; columns rather than a map per row (a tenth of the transfer time for a hub's partners).
// param: id: string  -- province id (example: "VN-25")
// mode: read
// max_rows: 100000

MATCH (p:Entity {id: $id})
MATCH (p)-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x)
RETURN x.id, x.name, labels(x), x.country, x.lat, x.lon, ps.since, ps.first_reported, ps.evidence_count,
       ps.confidence
