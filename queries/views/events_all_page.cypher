// name: events_all_page
// title: A page of events, without a province or participant: every event
// description.en: Events newest first, one page, then their participants, places and evidence; without a province or participant: every event.
// param: pid: string?  -- a province participant, by id (example: "VN-25")
// param: xid: string?  -- another participant, by id (example: "LA-SV")
// param: kind: string?  -- event kind (example: "Visit")
// param: from: date?  -- ending on or after (example: "2023-08")
// param: to: date?  -- starting on or before, at the precision given (example: "2023-12")
// param: limit: int = 50 range 1..500  -- page size (example: 10)
// param: offset: int = 0 range 0..1000000  -- items to skip (example: 0)
// mode: read
// max_rows: 500

MATCH (e:Event)
WHERE ($kind IS NULL OR e.kind = $kind)
  AND ($from IS NULL OR (e.date_start IS NOT NULL AND coalesce(e.date_end, e.date_start) >= $from))
  AND ($to IS NULL OR e.day <= date($to_last))
  AND ($pid IS NULL OR (e)-[:PARTICIPANT]->(:VietnameseProvince {id: $pid}))
  AND ($xid IS NULL OR (e)-[:PARTICIPANT]->(:Entity {id: $xid}))
WITH e ORDER BY e.date_start DESC, e.id SKIP $offset LIMIT $limit
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
ORDER BY item.date_start DESC, item.id
