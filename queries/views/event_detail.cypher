// name: event_detail
// title: One event with its participants, places and evidence
// description.en: An event by id (Entity.id index).
// param: id: string  -- event id (example: "evt-0123456789abcdef")
// mode: read
// max_rows: 1

MATCH (e:Entity {id: $id})
WHERE e:Event
OPTIONAL MATCH (e)-[:PARTICIPANT]->(x)
WITH e, collect(DISTINCT {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0],
     country: x.country, iso3166_2: x.iso3166_2}) AS participants
OPTIONAL MATCH (e)-[:HELD_IN]->(pl)
WITH e, participants, collect(DISTINCT {id: pl.id, name: pl.name}) AS places
OPTIONAL MATCH (e)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
WITH e, participants, places, collect(DISTINCT CASE WHEN m IS NULL THEN NULL ELSE {text: m.text, `start`: m.`start`,
     `end`: m.`end`, document: d.id, title: d.title, url: d.url, published: d.published} END) AS evidence
RETURN {id: e.id, name: e.name, kind: e.kind, date_start: e.date_start, date_end: e.date_end,
        place: e.place_name, held_in: [hx IN places WHERE hx.id IS NOT NULL], confidence: e.confidence,
        participants: participants, evidence: evidence} AS item
