// name: stats_by_country
// title: Partnerships by partner country
// description.en: For the dashboard: partnerships and provinces per partner country.
// mode: read
// max_rows: 500

MATCH (p:VietnameseProvince)-[:HAS_PARTNERSHIP]->(:Partnership)-[:PARTNER]->(x)
WHERE x.country IS NOT NULL
RETURN x.country AS country, count(*) AS partnerships, count(DISTINCT p) AS provinces
ORDER BY partnerships DESC, country
