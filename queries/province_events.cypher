// name: province_events
// title: Events of a province in a date range
// description.en: Conferences, forums, visits, delegations, anniversaries, signings and other events a
//    province took part in, in date order, with the other participants and the place. An event is listed
//    when its dates fall within the range at the precision the article gives: one dated only "2023" is
//    within 2023 but not within November 2023.
// description.vi: Các sự kiện (hội nghị, diễn đàn, chuyến thăm, đoàn công tác, lễ kỷ niệm, lễ ký kết…) mà
//    một tỉnh tham gia trong một khoảng thời gian, kèm các bên tham gia và địa điểm.
// param: province: province  -- id or name of the province, accents and case optional (example: "Quảng Trị")
// param: date_from: date? = null  -- range start; YYYY or YYYY-MM mean the period's first day (example: "2023-11")
// param: date_to: date? = null  -- range end; YYYY or YYYY-MM mean the period's last day (example: "2023-12-31")
// param: kind: string? = null one of ["Conference", "Forum", "Talks", "Visit", "Delegation", "Anniversary", "Signing", "Groundbreaking", "Exhibition", "Other"]  -- event kind (example: "Forum")
// param: limit: int = 500 range 1..100000  -- at most this many, in the order shown; the rest on later pages (example: 100)
// param: offset: int = 0 range 0..10000000  -- skip this many first: the page (example: 0)
// mode: read

// the unit and, for one formed in the 2025 reform, the units merged into it (graph.resolve)
MATCH (p:Entity)
WHERE p.id IN $province_units AND p:VietnameseProvince
WITH p
MATCH (e:Event)-[:PARTICIPANT]->(p)
WITH p, e, coalesce(e.date_end, e.date_start) AS last_day
// Dates are strings of varying precision: pad them to the first / last day they can mean.
// A missing date stays null (so the row is left out); FalkorDB's substring() refuses a null length.
WHERE ($kind IS NULL OR e.kind = $kind)
  // e.day: the first day date_start can mean, a date value (strings padded and compared also work
  // unindexed, but FalkorDB answers indexed string ranges wrongly); the end has no day value
  AND ($date_from IS NULL OR e.day >= date($date_from_first))
  AND ($date_to IS NULL OR (last_day + substring('-12-31', coalesce(size(last_day), 4) - 4)) <= ($date_to + substring('-12-31', coalesce(size($date_to), 4) - 4)))
// the page is cut here, in the answer's order, before the other participants and places are read
WITH p, e ORDER BY p.id, e.date_start, e.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (e)-[:PARTICIPANT]->(x)
WHERE x <> p
WITH p, e, x ORDER BY x.name, x.id
WITH p, e, collect(x.name) AS other_participants, collect(x.id) AS other_participant_ids
OPTIONAL MATCH (e)-[:HELD_IN]->(h)
RETURN p.id AS province_id, p.name AS province, e.date_start AS date_start, e.date_end AS date_end,
       e.kind AS kind, e.name AS event, coalesce(h.name, e.place_name) AS place, other_participants,
       other_participant_ids, e.confidence AS confidence, e.id AS event_id
ORDER BY province_id, date_start, event_id
