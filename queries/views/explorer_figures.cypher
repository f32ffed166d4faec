// name: explorer_figures
// title: A province's reported figures by indicator and period
// description.en: One row per indicator and period: several articles may report the same figure, so
//    the chart shows the highest reported value and how many reports there are.
// param: id: string  -- province id (example: "VN-09")
// mode: read
// max_rows: 100000

MATCH (p:Entity {id: $id})
MATCH (p)<-[:OBSERVATION_OF]-(o:Observation)
RETURN o.indicator, o.unit, o.period, max(o.value), max(o.value_max), count(o), min(o.id)
