// name: documents_mentioning
// title: Documents that mention a partner
// description.en: The articles that facts about an entity (a partner, country, organisation or province)
//    were read from: partnerships, agreements, events, roles and figures, with how many facts and
//    of which kinds each article gives.
// description.vi: Các bài viết có dữ kiện về một đối tác, quốc gia, tổ chức hoặc tỉnh (quan hệ đối tác,
//    thỏa thuận, sự kiện, chức vụ, số liệu), kèm số dữ kiện và loại dữ kiện.
// param: entity: entity  -- id or name of the entity, accents and case optional (example: "Quảng Tây")
// mode: read

MATCH (x:Entity {id: $entity})
WITH x
// the facts that involve x, whichever way their relationship points
MATCH (x)-[:PARTNER|PARTY|PARTICIPANT|HELD_IN|ROLE_IN|OBSERVATION_OF|HAS_PARTNERSHIP]-(f)-[:EVIDENCED_BY]->(m:Mention)-[:IN_DOCUMENT]->(d:Document)
WITH x, d, f, [l IN labels(f) WHERE l <> 'Entity'][0] AS fact_kind ORDER BY fact_kind
WITH x, d, count(DISTINCT f) AS facts, collect(DISTINCT fact_kind) AS fact_kinds
RETURN x.id AS entity_id, x.name AS entity, d.id AS document_id, d.title AS title, d.published AS published,
       coalesce(d.url, d.source) AS source, facts, fact_kinds
ORDER BY entity_id, published, document_id
