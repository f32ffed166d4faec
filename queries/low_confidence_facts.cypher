// name: low_confidence_facts
// title: Facts with low confidence
// description.en: Data quality: partnerships, agreements, events, figures and roles the extractor was
//    least sure of (confidence below a threshold), with the sentence and article to check them against.
// description.vi: Kiểm tra chất lượng dữ liệu: các dữ kiện có độ tin cậy thấp hơn ngưỡng, kèm câu trích và
//    bài viết để đối chiếu.
// param: threshold: float = 0.8 range 0..1  -- list facts with confidence below this (example: 0.75)
// param: kind: string? = null one of ["Partnership", "Agreement", "Event", "Observation", "Role"]  -- only facts of this kind (example: "Agreement")
// mode: read

MATCH (f:Entity)
WHERE (f:Partnership OR f:Agreement OR f:Event OR f:Observation OR f:Role)
  AND f.confidence < $threshold
WITH f, [l IN labels(f) WHERE l <> 'Entity'][0] AS fact_kind
WHERE $kind IS NULL OR fact_kind = $kind
OPTIONAL MATCH (f)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
RETURN fact_kind, f.id AS fact_id, f.name AS fact, f.confidence AS confidence, m.text AS sentence,
       d.id AS document_id, m.rule AS rules
ORDER BY confidence, fact_kind, fact_id, document_id
