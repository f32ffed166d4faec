// name: observations_of_province_count
// title: How many figures match the filters, anchored on the province (Entity.id index)
// description.en: The total for /observations, anchored on the province (Entity.id index).
// param: pid: string?  -- the province, by id (example: "VN-09")
// param: indicator: string?  -- indicator name (example: "trade_turnover_usd")
// param: period: string?  -- period prefix, e.g. a year (example: "2023")
// mode: read

MATCH (p:Entity {id: $pid})
WITH p
MATCH (p)<-[:OBSERVATION_OF]-(o:Observation)
WHERE ($indicator IS NULL OR o.indicator = $indicator)
  AND ($period IS NULL OR (o.period IS NOT NULL AND o.period STARTS WITH $period))
RETURN count(o) AS total
