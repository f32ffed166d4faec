// name: stats_by_year
// title: Agreements by year
// description.en: For the dashboard: agreements per year of their date.
// mode: read
// max_rows: 500

MATCH (a:Agreement)
WHERE a.date IS NOT NULL
RETURN left(a.date, 4) AS year, count(a) AS n
ORDER BY year
