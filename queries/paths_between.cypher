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

// Shared by both engines. FalkorDB 4.16 has no undirected shortestPath, its OPTIONAL MATCH of an
// undirected variable-length pattern between two bound nodes finds nothing, and CASE evaluates both
// branches; so each longer search runs in a CALL subquery only when the shorter one found nothing.
// max_depth is carried as a row variable: a subquery filter that is constant-false (on a parameter
// alone) makes FalkorDB drop the outer row.
// Paths between provinces alternate province and partner, so their lengths are even.
// Variables inside expressions and subqueries get names used nowhere else in the query: reusing
// one (e.g. a reduce() variable named like a later pattern variable) crashed FalkorDB 4.16.
// paths_between.neo4j.cypher is the Neo4j form (allShortestPaths); both return the same rows.
MATCH (a:Entity {id: $province_a})
WHERE a:VietnameseProvince
WITH a
MATCH (b:Entity {id: $province_b})
WHERE b:VietnameseProvince AND a <> b
WITH a, b, $max_depth AS max_depth
CALL {
  WITH a, b
  MATCH p2 = (a)-[:PARTNERS_WITH*2]-(b)
  RETURN collect(p2) AS found2
}
CALL {
  WITH a, b, found2, max_depth
  WITH a, b WHERE size(found2) = 0 AND max_depth >= 4
  MATCH p4 = (a)-[:PARTNERS_WITH*4]-(b)
  RETURN collect(p4) AS found4
}
CALL {
  WITH a, b, found2, found4, max_depth
  WITH a, b WHERE size(found2) + size(found4) = 0 AND max_depth >= 6
  MATCH p6 = (a)-[:PARTNERS_WITH*6]-(b)
  RETURN collect(p6) AS found6
}
UNWIND found2 + found4 + found6 AS path
WITH a, b, path, [n IN nodes(path) | n.id] AS ids
RETURN a.id AS province_a_id, a.name AS province_a, b.id AS province_b_id, b.name AS province_b,
       length(path) AS hops, ids AS path_ids, [n IN nodes(path) | n.name] AS path_names,
       reduce(s = '', i IN ids | s + '>' + i) AS route
ORDER BY province_a_id, province_b_id, hops, route
