// name: provinces_partnering_with
// title: Provinces partnering with a foreign locality, country or organisation
// description.en: The Vietnamese provinces that work with a given partner. For a country, also the
//    provinces that work with any locality or organisation of that country; `via` names the partner
//    the link actually goes to.
// description.vi: Các tỉnh Việt Nam hợp tác với một địa phương, quốc gia hoặc tổ chức nước ngoài; với
//    một quốc gia, gồm cả các tỉnh hợp tác với địa phương hoặc tổ chức của quốc gia đó (cột via).
// param: partner: partner  -- id or name of the partner, in any language the graph knows, accents and case optional (example: "Quảng Tây")
// param: include_country_members: bool = true  -- for a country, include partners located in it (example: false)
// mode: read

MATCH (t:Entity {id: $partner})
WHERE t:ForeignLocality OR t:Country OR t:Organization
// the partner itself and, for a country, the partners located in it (on the country indexes): one
// pass from each to its provinces, never a scan of every PARTNERS_WITH edge per partner
CALL {
  WITH t
  MATCH (x:Entity {id: t.id}) RETURN x
  UNION
  WITH t
  MATCH (x:ForeignLocality {country: t.id}) WHERE $include_country_members AND t:Country RETURN x
  UNION
  WITH t
  MATCH (x:Organization {country: t.id}) WHERE $include_country_members AND t:Country RETURN x
}
WITH DISTINCT t, x
MATCH (p:VietnameseProvince)-[r:PARTNERS_WITH]->(x)
RETURN t.id AS partner_id, t.name AS partner, p.id AS province_id, p.name AS province, x.id AS via_id,
       x.name AS via, [l IN labels(x) WHERE l <> 'Entity'][0] AS via_kind, r.since AS since, r.first_reported AS first_reported,
       r.evidence_count AS evidence_count
ORDER BY partner_id, province, province_id, via_id
