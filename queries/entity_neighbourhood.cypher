// name: entity_neighbourhood
// title: Neighbourhood of an entity (graph view)
// description.en: The relationships around any entity up to one or two steps, as edges (source, type,
//    target, each node with id, name and label) ready for a graph view. Evidence nodes (mentions,
//    documents) are left out unless asked for.
// description.vi: Các quan hệ xung quanh một thực thể (một hoặc hai bước), dưới dạng danh sách cạnh (nguồn,
//    loại quan hệ, đích) để vẽ đồ thị; mặc định bỏ qua các nút bằng chứng (câu trích, bài viết).
// param: entity: entity  -- id or name of any entity, accents and case optional (example: "Savannakhet")
// param: depth: int = 1 range 1..2  -- how many steps out (example: 2)
// param: include_evidence: bool = false  -- also Mention and Document nodes (example: true)
// param: limit: int = 500 range 1..5000  -- at most this many edges (example: 100)
// mode: read

MATCH (x:Entity {id: $entity})
WITH x
MATCH path = (x)-[*1..2]-(y)
WHERE length(path) <= $depth
  AND ($include_evidence OR none(n IN nodes(path) WHERE n:Mention OR n:Document))
UNWIND relationships(path) AS rel
WITH DISTINCT x, rel
WITH x, startNode(rel) AS s, type(rel) AS type, endNode(rel) AS t
RETURN x.id AS root_id, s.id AS source_id, coalesce(s.name, s.title, s.id) AS source, [l IN labels(s) WHERE l <> 'Entity'][0] AS source_kind,
       type, t.id AS target_id, coalesce(t.name, t.title, t.id) AS target, [l IN labels(t) WHERE l <> 'Entity'][0] AS target_kind
ORDER BY root_id, type, source_id, target_id
LIMIT $limit
