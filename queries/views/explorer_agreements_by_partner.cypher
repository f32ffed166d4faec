// name: explorer_agreements_by_partner
// title: Agreements per partner of a province
// description.en: How many agreements a unit signed with each party, counted in one pass (an
//    OPTIONAL MATCH per partner row costs seconds for a province with thousands of partners).
// param: id: string  -- province id (example: "VN-09")
// mode: read
// max_rows: 100000

MATCH (p:Entity {id: $id})
MATCH (p)<-[:PARTY]-(a:Agreement)-[:PARTY]->(x)
WHERE x.id <> $id
RETURN x.id, count(DISTINCT a)
