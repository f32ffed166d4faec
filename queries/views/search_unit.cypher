// name: search_unit
// title: A province as a search hit
// description.en: The unit a matching province merged into in the 2025 reform, in the shape of a
//    search hit (search answers it beside its predecessor).
// param: id: string  -- province id (example: "VN-2025-44")
// mode: read
// max_rows: 1

MATCH (x:Entity {id: $id})
WHERE x:VietnameseProvince
RETURN {id: x.id, name: x.name, type: 'VietnameseProvince', country: x.country, iso3166_2: x.iso3166_2,
        current: coalesce(x.current, false), valid_from: x.valid_from, valid_to: x.valid_to,
        successors: [(x)-[:MERGED_INTO]->(s:VietnameseProvince) | {id: s.id, name: s.name}]} AS item
