// name: partners_page
// title: A page of partners
// description.en: Partners with how many provinces work with them and the earliest date, most linked
//    first.
// param: country: string?  -- ISO 3166-1 code, upper case (example: "LA")
// param: kind: string?  -- partner label (example: "ForeignLocality")
// param: q: name?  -- part of a name, folded (example: "quang")
// param: limit: int = 50 range 1..500  -- page size (example: 10)
// param: offset: int = 0 range 0..1000000  -- items to skip (example: 0)
// mode: read
// max_rows: 500

MATCH (x)<-[:PARTNER]-(ps:Partnership)<-[:HAS_PARTNERSHIP]-(p:VietnameseProvince)
WHERE ($country IS NULL OR x.country = $country) AND ($kind IS NULL OR $kind IN labels(x))
  AND ($q_key IS NULL OR x.search_text CONTAINS $q_key)
WITH x, count(DISTINCT p) AS provinces, min(ps.since) AS since, min(ps.first_reported) AS first_reported
RETURN {entity: {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0], country: x.country,
                 iso3166_2: x.iso3166_2}, provinces: provinces, since: since,
        first_reported: first_reported} AS item, provinces
ORDER BY provinces DESC, item.entity.name SKIP $offset LIMIT $limit
