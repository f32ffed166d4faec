// name: provinces_count
// title: How many provinces match the list filters
// description.en: The total for /provinces.
// param: current: bool?  -- in force since the 2025 reform, or dissolved in it (example: true)
// param: region: string?  -- socio-economic region as stored (example: "Trung du và miền núi phía Bắc")
// param: as_of: date?  -- only the units valid on this day (example: "2024-06-01")
// mode: read

MATCH (p:VietnameseProvince)
WHERE ($current IS NULL OR coalesce(p.current, false) = $current) AND ($region IS NULL OR p.region = $region)
  AND ($as_of IS NULL OR ((p.valid_from IS NULL OR p.valid_from <= $as_of)
                          AND (p.valid_to IS NULL OR p.valid_to >= $as_of)))
RETURN count(p) AS total
