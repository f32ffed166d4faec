// name: province_partners_page
// title: A page of a province's partners with what backs each, and how many there are
// description.en: The province (and, when asked, the units merged into it) found on the Entity.id
//    index; the total over every page counted in the engine; then one page of their partnerships (by
//    partner name, the unit asked for before its predecessors) and for those only: the evidence
//    sentences, the agreements and events the province and the partner share. Each row is one
//    item, the unit it comes from, and the total.
// param: id: string  -- the province asked for (example: "VN-25")
// param: ids: list[string]  -- it, and the predecessors whose partners it also answers with (example: ["VN-25"])
// param: country: string?  -- partner's ISO 3166-1 code, upper case (example: "LA")
// param: kind: string?  -- partner label (example: "ForeignLocality")
// param: since: string?  -- first evidenced on or after (example: "2020")
// param: until: string?  -- first evidenced on or before (example: "2024")
// param: limit: int = 50 range 1..500  -- page size (example: 10)
// param: offset: int = 0 range 0..1000000  -- items to skip (example: 0)
// mode: read
// max_rows: 500

MATCH (p:Entity)
WHERE p.id IN $ids AND p:VietnameseProvince
WITH collect(p) AS units
// the subquery's names are its own: FalkorDB 4.16 let a name bound inside a CALL filter a pattern
// after it that reuses the name (the page came back empty)
CALL {
  WITH units
  UNWIND units AS u
  MATCH (u)-[:HAS_PARTNERSHIP]->(s:Partnership)-[:PARTNER]->(y)
  WHERE ($country IS NULL OR y.country = $country)
    AND ($kind IS NULL OR $kind IN labels(y))
    // the stated start, else the first report; a partnership with neither passes the date filters
    AND ($since IS NULL OR coalesce(s.since, s.first_reported) IS NULL
         OR coalesce(s.since, s.first_reported) >= $since)
    AND ($until IS NULL OR coalesce(s.since, s.first_reported) IS NULL
         OR coalesce(s.since, s.first_reported) <= $until)
  // one per unit and partner, as the count view counts
  RETURN count(DISTINCT u.id + '|' + y.id) AS total
}
UNWIND units AS p
WITH total, p
MATCH (p)-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x)
WHERE ($country IS NULL OR x.country = $country)
  AND ($kind IS NULL OR $kind IN labels(x))
  AND ($since IS NULL OR coalesce(ps.since, ps.first_reported) IS NULL
       OR coalesce(ps.since, ps.first_reported) >= $since)
  AND ($until IS NULL OR coalesce(ps.since, ps.first_reported) IS NULL
       OR coalesce(ps.since, ps.first_reported) <= $until)
WITH total, p, ps, x, CASE WHEN p.id = $id THEN '' ELSE p.id END AS unit_order
ORDER BY x.name, x.id, unit_order SKIP $offset LIMIT $limit
OPTIONAL MATCH (ps)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
WITH total, unit_order, p, ps, x, collect(DISTINCT CASE WHEN m IS NULL THEN NULL ELSE {text: m.text,
     `start`: m.`start`, `end`: m.`end`, document: d.id, title: d.title, url: d.url, published: d.published} END)
     AS evidence
OPTIONAL MATCH (x)<-[:PARTY]-(a:Agreement)-[:PARTY]->(p)
WITH total, unit_order, p, ps, x, evidence, collect(DISTINCT CASE WHEN a IS NULL THEN NULL ELSE
     {id: a.id, kind: a.kind, date: a.date, name: a.name} END) AS agreements
OPTIONAL MATCH (x)<-[:PARTICIPANT]-(e:Event)-[:PARTICIPANT]->(p)
WITH total, unit_order, p, ps, x, evidence, agreements, collect(DISTINCT CASE WHEN e IS NULL THEN NULL ELSE
     {id: e.id, kind: e.kind, name: e.name, date_start: e.date_start} END) AS events
RETURN {partner: {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0], country: x.country,
                  iso3166_2: x.iso3166_2},
        partnership: ps.id, since: ps.since, first_reported: ps.first_reported, until: ps.until,
        evidence_count: ps.evidence_count, confidence: ps.confidence, agreements: agreements, events: events,
        evidence: evidence} AS item,
       CASE WHEN unit_order = '' THEN null ELSE {id: p.id, name: p.name} END AS inherited_from, total
ORDER BY item.partner.name, item.partner.id, unit_order
