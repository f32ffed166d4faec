// name: agreements_of_partner_page
// title: A page of agreements, anchored on the partner (Entity.id index)
// description.en: Agreements newest first, one page, then their parties and evidence; anchored on the partner (Entity.id index).
// param: pid: string?  -- a province party, by id (example: "VN-09")
// param: xid: string?  -- another party, by id (example: "CN-GX")
// param: country: string?  -- a party of this country, ISO 3166-1 upper case (example: "CN")
// param: kind: string?  -- agreement kind (example: "MoU")
// param: field: string?  -- cooperation field (example: "trade")
// param: level: string?  -- provincial or department (example: "provincial")
// param: from: date?  -- dated on or after (example: "2020")
// param: to: date?  -- dated on or before, at the precision given (example: "2023-06")
// param: limit: int = 50 range 1..500  -- page size (example: 10)
// param: offset: int = 0 range 0..1000000  -- items to skip (example: 0)
// mode: read
// max_rows: 500

MATCH (xx:Entity {id: $xid})
WITH xx
MATCH (xx)<-[:PARTY]-(a:Agreement)
WHERE ($kind IS NULL OR a.kind = $kind) AND ($level IS NULL OR a.level = $level)
  AND ($field IS NULL OR $field IN a.fields)
  AND ($from IS NULL OR a.day >= date($from_first))
  AND ($to IS NULL OR a.day <= date($to_last))
  AND ($pid IS NULL OR (a)-[:PARTY]->(:VietnameseProvince {id: $pid}))
  AND ($xid IS NULL OR (a)-[:PARTY]->(:Entity {id: $xid}))
  AND ($country IS NULL OR (a)-[:PARTY]->(:Entity {country: $country}))
WITH a ORDER BY a.date DESC, a.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (a)-[:PARTY]->(x)
WITH a, collect(DISTINCT {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0],
     country: x.country, iso3166_2: x.iso3166_2}) AS parties
OPTIONAL MATCH (a)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
WITH a, parties, collect(DISTINCT CASE WHEN m IS NULL THEN NULL ELSE {text: m.text, `start`: m.`start`, `end`: m.`end`,
     document: d.id, title: d.title, url: d.url, published: d.published} END) AS evidence
RETURN {id: a.id, name: a.name, kind: a.kind, level: a.level, date: a.date, count: a.count, fields: a.fields,
        title: a.title, confidence: a.confidence, parties: parties, evidence: evidence} AS item
ORDER BY item.date DESC, item.id
