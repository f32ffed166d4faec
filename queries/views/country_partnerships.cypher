// name: country_partnerships
// title: Every partnership with a country or with its places and organisations
// description.en: The country itself (Entity.id index) and the partners located in it (the country
//    index), then their Partnership facts.
// param: id: string  -- ISO 3166-1 alpha-2, upper case (example: "LA")
// mode: read
// max_rows: 5000

MATCH (c:Entity {id: $id})
WITH c
CALL {
  WITH c
  MATCH (x:Entity {id: c.id}) RETURN x
  UNION
  WITH c
  MATCH (x:ForeignLocality {country: c.id}) RETURN x
  UNION
  WITH c
  MATCH (x:Organization {country: c.id}) RETURN x
}
WITH DISTINCT x
MATCH (p:VietnameseProvince)-[:HAS_PARTNERSHIP]->(ps:Partnership)-[:PARTNER]->(x)
RETURN {province: {id: p.id, name: p.name},
        partner: {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0], country: x.country,
                  iso3166_2: x.iso3166_2},
        since: ps.since, first_reported: ps.first_reported, evidence_count: ps.evidence_count} AS item
ORDER BY item.province.name, item.partner.name
