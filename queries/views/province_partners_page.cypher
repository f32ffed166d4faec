// name: province_partners_page
// title: A page of a province's partners with what backs each
// description.en: One page of the province's partnerships (by partner name), then for those only: the
//    evidence sentences, the agreements and events the province and the partner share.
// param: id: string  -- province id (example: "VN-25")
// param: country: string?  -- partner's ISO 3166-1 code, upper case (example: "LA")
// param: kind: string?  -- partner label (example: "ForeignLocality")
// param: since: string?  -- first evidenced on or after (example: "2020")
// param: until: string?  -- first evidenced on or before (example: "2024")
// param: limit: int = 50 range 1..500  -- page size (example: 10)
// param: offset: int = 0 range 0..1000000  -- items to skip (example: 0)
// mode: read
// max_rows: 500

MATCH (p:Entity {id: $id})
WHERE p:VietnameseProvince
WITH p
MATCH (p)-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x)
WHERE ($country IS NULL OR x.country = $country)
  AND ($kind IS NULL OR $kind IN labels(x))
  // the stated start, else the first report; a partnership with neither passes the date filters
  AND ($since IS NULL OR coalesce(ps.since, ps.first_reported) IS NULL
       OR coalesce(ps.since, ps.first_reported) >= $since)
  AND ($until IS NULL OR coalesce(ps.since, ps.first_reported) IS NULL
       OR coalesce(ps.since, ps.first_reported) <= $until)
WITH p, ps, x ORDER BY x.name, x.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (ps)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
WITH p, ps, x, collect(DISTINCT CASE WHEN m IS NULL THEN NULL ELSE {text: m.text, `start`: m.`start`, `end`: m.`end`,
     document: d.id, title: d.title, url: d.url, published: d.published} END) AS evidence
OPTIONAL MATCH (x)<-[:PARTY]-(a:Agreement)-[:PARTY]->(p)
WITH p, ps, x, evidence, collect(DISTINCT CASE WHEN a IS NULL THEN NULL ELSE
     {id: a.id, kind: a.kind, date: a.date, name: a.name} END) AS agreements
OPTIONAL MATCH (x)<-[:PARTICIPANT]-(e:Event)-[:PARTICIPANT]->(p)
WITH ps, x, evidence, agreements, collect(DISTINCT CASE WHEN e IS NULL THEN NULL ELSE
     {id: e.id, kind: e.kind, name: e.name, date_start: e.date_start} END) AS events
RETURN {partner: {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0], country: x.country,
                  iso3166_2: x.iso3166_2},
        partnership: ps.id, since: ps.since, first_reported: ps.first_reported, until: ps.until, evidence_count: ps.evidence_count,
        confidence: ps.confidence, agreements: agreements, events: events, evidence: evidence} AS item
ORDER BY item.partner.name, item.partner.id
