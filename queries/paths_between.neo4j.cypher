// name: paths_between
// title: How two provinces connect through partners
// description.en: The shortest chains of shared partners linking two Vietnamese provinces (province –
//    partner – province – …), up to a maximum path length: 2 means a partner both work with, 4 one
//    intermediate province, 6 two. All shortest chains are listed, as node ids and names.
// description.vi: Các chuỗi đối tác ngắn nhất nối hai tỉnh (tỉnh – đối tác – tỉnh – …), tối đa một độ dài:
//    2 là có chung đối tác, 4 là qua một tỉnh trung gian, 6 là qua hai tỉnh.
// param: province_a: province  -- id or name of the first province (example: "Lai Châu")
// param: province_b: province  -- id or name of the second province (example: "Huế")
// param: max_depth: int = 4 range 2..6  -- longest path, in PARTNERS_WITH links (example: 6)
// mode: read
// engine: neo4j

// Neo4j form of paths_between.cypher: a bidirectional shortest-path search instead of staged
// fixed-length ones. Variable-length bounds cannot be parameters, hence *..6 and the length filter.
MATCH (a:Entity {id: $province_a})
WHERE a:VietnameseProvince
WITH a
MATCH (b:Entity {id: $province_b})
WHERE b:VietnameseProvince AND a <> b
MATCH path = allShortestPaths((a)-[:PARTNERS_WITH*..6]-(b))
WHERE length(path) <= $max_depth
WITH a, b, path, [n IN nodes(path) | n.id] AS ids
RETURN a.id AS province_a_id, a.name AS province_a, b.id AS province_b_id, b.name AS province_b,
       length(path) AS hops, ids AS path_ids, [n IN nodes(path) | n.name] AS path_names,
       reduce(s = '', i IN ids | s + '>' + i) AS route
ORDER BY province_a_id, province_b_id, hops, route
