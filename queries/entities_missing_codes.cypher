// name: entities_missing_codes
// title: Entities without a Wikidata id or ISO code
// description.en: Data quality: provinces, foreign localities, countries and organisations that lack a
//    Wikidata id, or an ISO code their kind should have (ISO 3166-1 for countries; ISO 3166-2 for
//    provinces before the reform and for foreign subdivisions other than cities and towns). By default
//    only entities that facts refer to, i.e. the gaps that matter for the data read so far.
// description.vi: Kiểm tra chất lượng dữ liệu: các thực thể thiếu mã Wikidata hoặc mã ISO (ISO 3166-1 với
//    quốc gia, ISO 3166-2 với tỉnh và đơn vị hành chính nước ngoài); mặc định chỉ xét thực thể có dữ kiện.
// param: kind: string? = null one of ["VietnameseProvince", "ForeignLocality", "Country", "Organization"]  -- only entities of this kind (example: "ForeignLocality")
// param: only_used: bool = true  -- only entities some fact (partnership, agreement, event, figure) refers to (example: false)
// mode: read

MATCH (x:Entity)
WHERE x:VietnameseProvince OR x:ForeignLocality OR x:Country OR x:Organization
WITH x, [l IN labels(x) WHERE l <> 'Entity'][0] AS kind
WHERE $kind IS NULL OR kind = $kind
OPTIONAL MATCH (x)-[:PARTNER|PARTY|PARTICIPANT|HELD_IN|OBSERVATION_OF|ROLE_IN|HAS_PARTNERSHIP]-(f)
WITH x, kind, count(DISTINCT f) AS facts
WHERE NOT $only_used OR facts > 0
WITH x, kind, facts,
     x.wikidata IS NULL AS no_wikidata,
     CASE kind
       WHEN 'Country' THEN x.country IS NULL
       WHEN 'VietnameseProvince' THEN x.iso3166_2 IS NULL AND coalesce(x.valid_from, '') < '2025-07-01'
       WHEN 'ForeignLocality' THEN x.iso3166_2 IS NULL AND NOT coalesce(x.unit_type, '') IN ['city', 'town']
       ELSE false
     END AS no_iso
WHERE no_wikidata OR no_iso
RETURN kind, x.id AS entity_id, x.name AS entity, x.country AS country, x.unit_type AS unit_type,
       no_wikidata, no_iso, x.curated AS curated, facts
ORDER BY kind, facts DESC, entity_id
