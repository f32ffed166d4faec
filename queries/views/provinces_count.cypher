// name: provinces_count
// title: How many provinces match the list filters
// description.en: The total for /provinces.
// param: current: bool?  -- in force since the 2025 reform, or dissolved in it (example: true)
// param: region: string?  -- socio-economic region as stored (example: "Trung du và miền núi phía Bắc")
// mode: read

MATCH (p:VietnameseProvince)
WHERE ($current IS NULL OR coalesce(p.current, false) = $current) AND ($region IS NULL OR p.region = $region)
RETURN count(p) AS total
