// name: partners_count
// title: How many partners match the list filters
// description.en: The total for /partners (partners some province has a Partnership with).
// param: country: string?  -- ISO 3166-1 code, upper case (example: "LA")
// param: kind: string?  -- partner label (example: "ForeignLocality")
// param: q: name?  -- part of a name, folded (example: "quang")
// mode: read

MATCH (x)<-[:PARTNER]-(ps:Partnership)<-[:HAS_PARTNERSHIP]-(p:VietnameseProvince)
WHERE ($country IS NULL OR x.country = $country) AND ($kind IS NULL OR $kind IN labels(x))
  AND ($q_key IS NULL OR x.search_text CONTAINS $q_key)
RETURN count(DISTINCT x) AS total
