// name: agreements_of_province_count
// title: How many agreements match the filters, anchored on the province (Entity.id index)
// description.en: The total for /agreements, anchored on the province (Entity.id index).
// param: pid: string?  -- a province party, by id (example: "VN-09")
// param: xid: string?  -- another party, by id (example: "CN-GX")
// param: country: string?  -- a party of this country, ISO 3166-1 upper case (example: "CN")
// param: kind: string?  -- agreement kind (example: "MoU")
// param: field: string?  -- cooperation field (example: "trade")
// param: level: string?  -- provincial or department (example: "provincial")
// param: from: date?  -- dated on or after (example: "2020")
// param: to: date?  -- dated on or before, at the precision given (example: "2023-06")
// mode: read

MATCH (pp:Entity {id: $pid})
WITH pp
MATCH (pp)<-[:PARTY]-(a:Agreement)
WHERE ($kind IS NULL OR a.kind = $kind) AND ($level IS NULL OR a.level = $level)
  AND ($field IS NULL OR $field IN a.fields)
  AND ($from IS NULL OR a.day >= date($from_first))
  AND ($to IS NULL OR a.day <= date($to_last))
  AND ($pid IS NULL OR (a)-[:PARTY]->(:VietnameseProvince {id: $pid}))
  AND ($xid IS NULL OR (a)-[:PARTY]->(:Entity {id: $xid}))
  AND ($country IS NULL OR (a)-[:PARTY]->(:Entity {country: $country}))
RETURN count(a) AS total
