// name: people_and_roles
// title: People and their roles
// description.en: Named people (mostly officials) and the posts the articles give them, with the
//    organisation where known and the article and sentence; optionally only people named in articles
//    about one province, or whose name contains some text.
// description.vi: Các cá nhân (chủ yếu là lãnh đạo, cán bộ) và chức vụ bài viết nêu, kèm tổ chức (nếu có),
//    bài viết và câu trích; có thể lọc theo tỉnh mà bài viết đề cập hoặc theo tên.
// param: province: province? = null  -- only people in articles about this province (id or name) (example: "Lạng Sơn")
// param: name: name? = null  -- only people whose name contains this, accents and case optional (example: "Trịnh Tuyết Mai")
// mode: read

// run instead of people_and_roles.cypher when a province is given: from the province (and its
// predecessors) on the Entity.id index to the articles about it, then to the roles they evidence
MATCH (about:Entity)
WHERE about.id IN $province_units AND about:VietnameseProvince
WITH about
MATCH (about)<-[:ABOUT]-(d:Document)<-[:IN_DOCUMENT]-(m:Mention)<-[:EVIDENCED_BY]-(role:Role)<-[:HAS_ROLE]-(person:Person)
WHERE $name IS NULL OR person.search_text CONTAINS $name_key
OPTIONAL MATCH (role)-[:ROLE_IN]->(o:Organization)
RETURN person.name AS person, role.title AS role, o.name AS organization, about.id AS province_id,
       about.name AS province, d.id AS document_id, d.title AS title, d.published AS published, m.text AS sentence,
       person.id AS person_id
ORDER BY person, role, document_id
