// name: partner_detail
// title: One partner with the provinces that work with it
// description.en: A partner's names and codes, where it is located, and every province with a
//    Partnership with it (since when, how well evidenced).
// param: id: string  -- partner id (example: "CN-GX")
// mode: read
// max_rows: 1

MATCH (x:Entity {id: $id})
OPTIONAL MATCH (x)-[:LOCATED_IN]->(loc)
WITH x, collect(DISTINCT {id: loc.id, name: loc.name}) AS located
OPTIONAL MATCH (p:VietnameseProvince)-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x)
WITH x, located, collect(DISTINCT CASE WHEN p IS NULL THEN NULL ELSE {province: {id: p.id, name: p.name},
     since: ps.since, first_reported: ps.first_reported, evidence_count: ps.evidence_count, confidence: ps.confidence} END) AS provinces
RETURN {entity: {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0], country: x.country,
                 iso3166_2: x.iso3166_2},
        name_en: x.name_en, aliases: x.aliases, wikidata: x.wikidata, org_kind: x.org_kind, unit_type: x.unit_type,
        located_in: [lx IN located WHERE lx.id IS NOT NULL], provinces: provinces} AS item
