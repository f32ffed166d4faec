// name: observations_all_count
// title: How many figures match the filters, for every province
// description.en: The total for /observations, for every province.
// param: pid: string?  -- the province, by id (example: "VN-09")
// param: indicator: string?  -- indicator name (example: "trade_turnover_usd")
// param: period: string?  -- period prefix, e.g. a year (example: "2023")
// mode: read

MATCH (o:Observation)-[:OBSERVATION_OF]->(p:VietnameseProvince)
WHERE ($indicator IS NULL OR o.indicator = $indicator)
  AND ($period IS NULL OR (o.period IS NOT NULL AND o.period STARTS WITH $period))
  AND ($pid IS NULL OR p.id = $pid)
RETURN count(o) AS total
