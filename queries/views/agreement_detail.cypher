// name: agreement_detail
// title: One agreement with its parties and evidence
// description.en: An agreement by id (Entity.id index).
// param: id: string  -- agreement id (example: "agr-0123456789abcdef")
// mode: read
// max_rows: 1

MATCH (a:Entity {id: $id})
WHERE a:Agreement
OPTIONAL MATCH (a)-[:PARTY]->(x)
WITH a, collect(DISTINCT {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0],
     country: x.country, iso3166_2: x.iso3166_2}) AS parties
OPTIONAL MATCH (a)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
WITH a, parties, collect(DISTINCT CASE WHEN m IS NULL THEN NULL ELSE {text: m.text, `start`: m.`start`, `end`: m.`end`,
     document: d.id, title: d.title, url: d.url, published: d.published} END) AS evidence
RETURN {id: a.id, name: a.name, kind: a.kind, level: a.level, date: a.date, count: a.count, fields: a.fields,
        title: a.title, confidence: a.confidence, parties: parties, evidence: evidence} AS item
