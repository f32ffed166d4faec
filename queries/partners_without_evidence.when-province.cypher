// name: partners_without_evidence
// title: Partners without evidence
// description.en: Data quality: province–partner links that no article sentence supports: PARTNERS_WITH
//    shortcuts with no Partnership behind them, partnerships with no evidence mention (or whose mention
//    lost its document), and shortcuts whose evidence count disagrees with the mentions found.
// description.vi: Kiểm tra chất lượng dữ liệu: các quan hệ tỉnh – đối tác không có câu trích làm bằng chứng,
//    hoặc số bằng chứng ghi trên cạnh tóm tắt không khớp.
// param: province: province? = null  -- only this province (id or name) (example: "Quảng Trị")
// mode: read

// run instead of partners_without_evidence.cypher when a province is given: the province (and its predecessors)
// found on the Entity.id index first (Neo4j's planner started from every Agreement / Partnership
// when the filter was `$province IS NULL OR …`)
// From the Partnership facts (each read once) to the shortcut between the same two nodes, then
// the shortcuts with no Partnership at all (a pattern predicate): never, for every shortcut, every
// partnership of its province.
CALL {
  MATCH (p:Entity)
  WHERE p.id IN $province_units AND p:VietnameseProvince
  WITH p
  MATCH (p)-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x)
  OPTIONAL MATCH (ps)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(:Document)
  WITH p, x, count(DISTINCT ps) AS partnerships, count(DISTINCT m) AS mentions
  MATCH (p)-[r:PARTNERS_WITH]->(x)
  RETURN p, r, x, partnerships, mentions
  UNION
  MATCH (p:Entity)
  WHERE p.id IN $province_units AND p:VietnameseProvince
  // a province has a shortcut without a Partnership exactly when it has more shortcuts than
  // partnerships whose pair has a shortcut (one Partnership per pair); only such provinces are
  // searched for them, since the search costs the province's partnerships for each shortcut
  WITH p, size([(p)-[:PARTNERS_WITH]->(y) | y]) AS shortcuts
  OPTIONAL MATCH (p)-[:HAS_PARTNERSHIP]->(:Partnership)-[:PARTNER]->(z)
  WHERE (p)-[:PARTNERS_WITH]->(z)
  WITH p, shortcuts, count(z) AS backed
  WHERE shortcuts > backed
  MATCH (p)-[r:PARTNERS_WITH]->(x)
  WHERE NOT (x)<-[:PARTNER]-(:Partnership)<-[:HAS_PARTNERSHIP]-(p)
  RETURN p, r, x, 0 AS partnerships, 0 AS mentions
}
WITH p, r, x, partnerships, mentions,
     CASE
       WHEN partnerships = 0 THEN 'no Partnership behind the PARTNERS_WITH shortcut'
       WHEN mentions = 0 THEN 'no evidence mention in a document'
       WHEN coalesce(r.evidence_count, -1) <> mentions THEN 'evidence_count disagrees with the mentions'
     END AS problem
WHERE problem IS NOT NULL
RETURN p.id AS province_id, p.name AS province, x.id AS partner_id, x.name AS partner, problem,
       partnerships, mentions, r.evidence_count AS evidence_count
ORDER BY province_id, partner_id
