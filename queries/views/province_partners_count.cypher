// name: province_partners_count
// title: How many partners of a province match the filters
// description.en: The total for /provinces/{id}/partners when its page is empty (the page view counts
//    them otherwise): the province and its predecessors found on the Entity.id index, then their
//    Partnership facts expanded; one per unit and partner.
// param: ids: list[string]  -- the province, and the predecessors it answers for (example: ["VN-25"])
// param: country: string?  -- partner's ISO 3166-1 code, upper case (example: "LA")
// param: kind: string?  -- partner label (example: "ForeignLocality")
// param: since: string?  -- first evidenced on or after (example: "2020")
// param: until: string?  -- first evidenced on or before (example: "2024")
// mode: read

MATCH (p:Entity)
WHERE p.id IN $ids AND p:VietnameseProvince
WITH p
MATCH (p)-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x)
WHERE ($country IS NULL OR x.country = $country)
  AND ($kind IS NULL OR $kind IN labels(x))
  // the stated start, else the first report; a partnership with neither passes the date filters
  AND ($since IS NULL OR coalesce(ps.since, ps.first_reported) IS NULL
       OR coalesce(ps.since, ps.first_reported) >= $since)
  AND ($until IS NULL OR coalesce(ps.since, ps.first_reported) IS NULL
       OR coalesce(ps.since, ps.first_reported) <= $until)
RETURN count(DISTINCT p.id + '|' + x.id) AS total
