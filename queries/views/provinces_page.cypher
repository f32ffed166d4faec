// name: provinces_page
// title: A page of provinces
// description.en: Provinces with their partner counts, sorted by name, id or partner count (a fixed
//    choice), one page.
// param: current: bool?  -- in force since the 2025 reform, or dissolved in it (example: true)
// param: region: string?  -- socio-economic region as stored (example: "Trung du và miền núi phía Bắc")
// param: sort: string = "name" one of ["name", "id", "partners"]  -- order (example: "partners")
// param: limit: int = 50 range 1..500  -- page size (example: 10)
// param: offset: int = 0 range 0..1000000  -- items to skip (example: 0)
// mode: read
// max_rows: 500

MATCH (p:VietnameseProvince)
WHERE ($current IS NULL OR coalesce(p.current, false) = $current) AND ($region IS NULL OR p.region = $region)
OPTIONAL MATCH (p)-[:PARTNERS_WITH]->(x)
WITH p, count(x) AS partners
RETURN {id: p.id, name: p.name, name_en: p.name_en, iso3166_2: p.iso3166_2, unit_type: p.unit_type,
        region: p.region, valid_from: p.valid_from, valid_to: p.valid_to, current: coalesce(p.current, false),
        wikidata: p.wikidata, partners: partners} AS item, partners
ORDER BY CASE WHEN $sort = 'partners' THEN -partners ELSE 0 END,
         CASE WHEN $sort = 'id' THEN p.id ELSE p.name END
SKIP $offset LIMIT $limit
