// name: document_detail
// title: One article with its subject provinces
// description.en: A document by id (Entity.id index), its metadata, text and subject provinces.
// param: id: string  -- document id (example: "doc-report")
// mode: read
// max_rows: 1

MATCH (d:Entity {id: $id})
WHERE d:Document
OPTIONAL MATCH (d)-[:ABOUT]->(p)
WITH d, collect(DISTINCT {id: p.id, name: p.name}) AS subjects
RETURN {id: d.id, title: d.title, url: d.url, source: d.source, published: d.published,
        content_hash: d.content_hash, ingested_at: d.ingested_at, content: d.content,
        subject_provinces: [s IN subjects WHERE s.id IS NOT NULL]} AS item
