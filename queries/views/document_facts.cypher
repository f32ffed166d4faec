// name: document_facts
// title: The facts read from one article
// description.en: Every fact with evidence in the document, in text order.
// param: id: string  -- document id (example: "doc-report")
// mode: read
// max_rows: 5000

MATCH (d:Entity {id: $id})
WHERE d:Document
WITH d
MATCH (d)<-[:IN_DOCUMENT]-(m:Mention)<-[:EVIDENCED_BY]-(f)
RETURN {type: [lbl IN labels(f) WHERE lbl <> 'Entity'][0], id: f.id, name: f.name,
        evidence: {text: m.text, `start`: m.`start`, `end`: m.`end`, rule: m.rule}} AS item
ORDER BY item.evidence.`start`, item.evidence.`end`, item.id  // ties by id: the same order after a restore
