// name: explorer_counts
// title: How many agreements and events a province has
// description.en: The totals beside the capped timeline.
// param: id: string  -- province id (example: "VN-25")
// mode: read
// max_rows: 1

MATCH (p:Entity {id: $id})
OPTIONAL MATCH (p)<-[:PARTY]-(a:Agreement)
WITH p, count(DISTINCT a) AS agreements
OPTIONAL MATCH (p)<-[:PARTICIPANT]-(e:Event)
RETURN agreements, count(DISTINCT e)
