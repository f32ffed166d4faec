// name: province_organizations
// title: Organisations a province works with
// description.en: Companies, business associations, embassies and consulates, agencies and international
//    organisations a province works with: as partners, as parties to its agreements, or as participants
//    in its events, with how (partner / agreement / event) and how often.
// description.vi: Các tổ chức (doanh nghiệp, hiệp hội, đại sứ quán, lãnh sự quán, cơ quan, tổ chức quốc tế)
//    mà một tỉnh làm việc cùng: là đối tác, cùng ký thỏa thuận hoặc cùng tham gia sự kiện.
// param: province: province  -- id or name of the province, accents and case optional (example: "Quảng Trị")
// param: org_kind: string? = null one of ["Company", "BusinessAssociation", "Association", "Consulate", "ForeignGovernmentAgency", "InternationalOrganization", "VietnameseGovernmentBody", "PartyBody"]  -- only this kind of organisation (example: "Company")
// mode: read

// the unit and, for one formed in the 2025 reform, the units merged into it (graph.resolve)
MATCH (p:Entity)
WHERE p.id IN $province_units AND p:VietnameseProvince
WITH p
CALL {
  WITH p
  MATCH (p)-[:PARTNERS_WITH]->(o:Organization)
  RETURN o, 'partner' AS relation, null AS fact
  UNION
  WITH p
  MATCH (p)<-[:PARTY]-(a:Agreement)-[:PARTY]->(o:Organization)
  RETURN o, 'agreement' AS relation, a.name AS fact
  UNION
  WITH p
  MATCH (p)<-[:PARTICIPANT]-(e:Event)-[:PARTICIPANT]->(o:Organization)
  RETURN o, 'event' AS relation, e.name AS fact
}
WITH p, o, relation, fact
WHERE $org_kind IS NULL OR o.org_kind = $org_kind
WITH p, o, relation, fact ORDER BY relation, fact
WITH p, o, collect(DISTINCT relation) AS relations, [f IN collect(fact) WHERE f IS NOT NULL] AS facts
RETURN p.id AS province_id, p.name AS province, o.id AS organization_id, o.name AS organization,
       o.org_kind AS org_kind, o.country AS country, relations, facts
ORDER BY province_id, size(relations) DESC, organization, organization_id
