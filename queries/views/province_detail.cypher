// name: province_detail
// title: One province with its successors, predecessors and counts
// description.en: Codes, names, validity, MERGED_INTO links both ways, and how many partners,
//    agreements, events, figures and articles the graph holds for the province itself.
// param: id: string  -- province id (example: "VN-25")
// mode: read
// max_rows: 1

MATCH (p:Entity {id: $id})
WHERE p:VietnameseProvince
OPTIONAL MATCH (p)-[:MERGED_INTO]->(s:VietnameseProvince)
WITH p, collect(DISTINCT {id: s.id, name: s.name}) AS succ
OPTIONAL MATCH (o:VietnameseProvince)-[:MERGED_INTO]->(p)
WITH p, succ, collect(DISTINCT {id: o.id, name: o.name}) AS pred
RETURN {id: p.id, name: p.name, name_en: p.name_en, aliases: p.aliases, iso3166_2: p.iso3166_2,
        gso_code: p.gso_code, gso_code_2025: p.gso_code_2025, unit_type: p.unit_type, region: p.region,
        valid_from: p.valid_from, valid_to: p.valid_to, current: coalesce(p.current, false), wikidata: p.wikidata,
        successors: [sx IN succ WHERE sx.id IS NOT NULL], predecessors: [px IN pred WHERE px.id IS NOT NULL],
        counts: {partners: size([(p)-[:PARTNERS_WITH]->(x) | x]),
                 agreements: size([(a:Agreement)-[:PARTY]->(p) | a]),
                 events: size([(e:Event)-[:PARTICIPANT]->(p) | e]),
                 observations: size([(ob:Observation)-[:OBSERVATION_OF]->(p) | ob]),
                 documents: size([(d:Document)-[:ABOUT]->(p) | d])}} AS item
