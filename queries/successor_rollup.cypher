// name: successor_rollup
// title: Partnerships rolled up to the post-2025 province
// description.en: The partners a province in force since the 2025 reform inherits from the provinces
//    merged into it (MERGED_INTO) and holds itself, with the predecessors each partnership comes from.
//    A pre-2025 province is rolled up to its successor, so "Hậu Giang", "Cần Thơ" (VN-CT) and the new
//    Cần Thơ (VN-2025-92) all give the new Cần Thơ's partners.
// description.vi: Các đối tác mà tỉnh mới (sau sắp xếp năm 2025) kế thừa từ các tỉnh được sáp nhập vào nó
//    và của chính nó, kèm tỉnh cũ mà mỗi quan hệ xuất phát.
// param: province: province  -- id or name of a province before or after the reform (example: "VN-2025-44")
// param: kind: string? = null one of ["ForeignLocality", "Country", "Organization"]  -- only partners of this kind (example: "ForeignLocality")
// mode: read

MATCH (q:Entity {id: $province})
WHERE q:VietnameseProvince
OPTIONAL MATCH (q)-[:MERGED_INTO]->(next:VietnameseProvince)
WITH DISTINCT coalesce(next, q) AS s
// the successor itself and every province merged into it
OPTIONAL MATCH (old:VietnameseProvince)-[:MERGED_INTO]->(s)
WITH s, collect(old) + [s] AS members
UNWIND members AS m
MATCH (m)-[r:PARTNERS_WITH]->(x)
WHERE $kind IS NULL OR $kind IN labels(x)
WITH s, x, m, r ORDER BY m.id
WITH s, x, collect(DISTINCT m.id) AS inherited_from, collect(DISTINCT m.name) AS inherited_from_names,
     min(r.since) AS since, min(r.first_reported) AS first_reported, collect(r.evidence_count) AS counts
// reduce, not sum(): FalkorDB's sum() returns a float even for integers
RETURN s.id AS successor_id, s.name AS successor, x.id AS partner_id, x.name AS partner,
       [l IN labels(x) WHERE l <> 'Entity'][0] AS partner_kind, x.country AS country, inherited_from,
       inherited_from_names, since, first_reported, reduce(n = 0, c IN counts | n + c) AS evidence_count
ORDER BY successor_id, partner_kind, partner, partner_id
