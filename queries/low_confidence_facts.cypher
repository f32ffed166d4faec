// name: low_confidence_facts
// title: Facts with low confidence
// description.en: Data quality: partnerships, agreements, events, figures and roles the extractor was
//    least sure of (confidence below a threshold), with the sentence and article to check them against.
// description.vi: Kiểm tra chất lượng dữ liệu: các dữ kiện có độ tin cậy thấp hơn ngưỡng, kèm câu trích và
//    bài viết để đối chiếu.
// param: threshold: float = 0.8 range 0..1  -- list facts with confidence below this (example: 0.75)
// param: kind: string? = null one of ["Partnership", "Agreement", "Event", "Observation", "Role"]  -- only facts of this kind (example: "Agreement")
// param: limit: int = 10000 range 1..100000  -- at most this many rows, least confident first (example: 100)
// mode: read

// one label scan per fact kind, filtered on confidence (not a scan of every Entity); the cap is
// applied in the engine, after the sort
CALL {
  MATCH (f:Partnership) WHERE f.confidence < $threshold RETURN f
  UNION
  MATCH (f:Agreement) WHERE f.confidence < $threshold RETURN f
  UNION
  MATCH (f:Event) WHERE f.confidence < $threshold RETURN f
  UNION
  MATCH (f:Observation) WHERE f.confidence < $threshold RETURN f
  UNION
  MATCH (f:Role) WHERE f.confidence < $threshold RETURN f
}
WITH f, [l IN labels(f) WHERE l <> 'Entity'][0] AS fact_kind
WHERE $kind IS NULL OR fact_kind = $kind
OPTIONAL MATCH (f)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
RETURN fact_kind, f.id AS fact_id, f.name AS fact, f.confidence AS confidence, m.text AS sentence,
       d.id AS document_id, m.rule AS rules
ORDER BY confidence, fact_kind, fact_id, document_id
LIMIT $limit
