// name: provinces_page
// title: A page of provinces
// description.en: Provinces with their partner counts, sorted by name, id or partner count (a fixed
//    choice), one page. A unit formed in the 2025 reform counts its predecessors' partners too (each
//    partner once) unless include_predecessors is false; as_of keeps the units valid on that day.
// param: current: bool?  -- in force since the 2025 reform, or dissolved in it (example: true)
// param: region: string?  -- socio-economic region as stored (example: "Trung du và miền núi phía Bắc")
// param: as_of: date?  -- only the units valid on this day (example: "2024-06-01")
// param: include_predecessors: bool = true  -- count what the units merged into a unit did (example: true)
// param: sort: string = "name" one of ["name", "id", "partners"]  -- order (example: "partners")
// param: limit: int = 50 range 1..500  -- page size (example: 10)
// param: offset: int = 0 range 0..1000000  -- items to skip (example: 0)
// mode: read
// max_rows: 500

MATCH (p:VietnameseProvince)
WHERE ($current IS NULL OR coalesce(p.current, false) = $current) AND ($region IS NULL OR p.region = $region)
  AND ($as_of IS NULL OR ((p.valid_from IS NULL OR p.valid_from <= $as_of)
                          AND (p.valid_to IS NULL OR p.valid_to >= $as_of)))
OPTIONAL MATCH (o:VietnameseProvince)-[:MERGED_INTO]->(p)
WITH p, collect(DISTINCT o) AS found
UNWIND [p] + CASE WHEN $include_predecessors THEN found ELSE [] END AS u
OPTIONAL MATCH (u)-[:PARTNERS_WITH]->(x)
WITH p, count(DISTINCT x) AS partners
RETURN {id: p.id, name: p.name, name_en: p.name_en, iso3166_2: p.iso3166_2, unit_type: p.unit_type,
        region: p.region, valid_from: p.valid_from, valid_to: p.valid_to, current: coalesce(p.current, false),
        wikidata: p.wikidata, partners: partners} AS item, partners
ORDER BY CASE WHEN $sort = 'partners' THEN -partners ELSE 0 END,
         CASE WHEN $sort = 'id' THEN p.id ELSE p.name END, p.id
SKIP $offset LIMIT $limit
