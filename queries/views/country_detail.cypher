// name: country_detail
// title: A country
// description.en: A country's names and codes (ISO 3166-1 alpha-2 id).
// param: id: string  -- ISO 3166-1 alpha-2, upper case (example: "LA")
// mode: read
// max_rows: 1

MATCH (x:Entity {id: $id})
WHERE x:Country
RETURN {id: x.id, name: x.name, type: [lbl IN labels(x) WHERE lbl <> 'Entity'][0], country: x.country,
        iso3166_2: x.iso3166_2} AS entity, x.name_en AS name_en, x.wikidata AS wikidata
