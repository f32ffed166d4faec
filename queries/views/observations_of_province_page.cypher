// name: observations_of_province_page
// title: A page of figures, anchored on the province (Entity.id index)
// description.en: Figures by province, indicator and period, one page, then their evidence; anchored on the province (Entity.id index).
// param: pid: string?  -- the province, by id (example: "VN-09")
// param: indicator: string?  -- indicator name (example: "trade_turnover_usd")
// param: period: string?  -- period prefix, e.g. a year (example: "2023")
// param: limit: int = 50 range 1..500  -- page size (example: 10)
// param: offset: int = 0 range 0..1000000  -- items to skip (example: 0)
// mode: read
// max_rows: 500

MATCH (p:Entity {id: $pid})
WITH p
MATCH (p)<-[:OBSERVATION_OF]-(o:Observation)
WHERE ($indicator IS NULL OR o.indicator = $indicator)
  AND ($period IS NULL OR (o.period IS NOT NULL AND o.period STARTS WITH $period))
WITH o, p ORDER BY p.name, o.indicator, o.period, o.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (o)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
WITH o, p, collect(DISTINCT CASE WHEN m IS NULL THEN NULL ELSE {text: m.text, `start`: m.`start`, `end`: m.`end`,
     document: d.id, title: d.title, url: d.url, published: d.published} END) AS evidence
RETURN {id: o.id, province: {id: p.id, name: p.name}, indicator: o.indicator, value: o.value,
        value_max: o.value_max, unit: o.unit, unit_noun: o.unit_noun, period: o.period,
        qualifier: o.qualifier, confidence: o.confidence, evidence: evidence} AS item
ORDER BY item.province.name, item.indicator, item.period, item.id
