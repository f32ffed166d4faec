// name: stats_by_kind
// title: Agreements by kind
// description.en: For the dashboard: agreements per kind.
// mode: read
// max_rows: 100

MATCH (a:Agreement)
RETURN a.kind AS kind, count(a) AS n
ORDER BY n DESC
