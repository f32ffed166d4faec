// name: events_all_count
// title: How many events match the filters, without a province or participant: every event
// description.en: The total for /events, without a province or participant: every event.
// param: pid: string?  -- a province participant, by id (example: "VN-25")
// param: xid: string?  -- another participant, by id (example: "LA-SV")
// param: kind: string?  -- event kind (example: "Visit")
// param: from: date?  -- ending on or after (example: "2023-08")
// param: to: date?  -- starting on or before, at the precision given (example: "2023-12")
// mode: read

MATCH (e:Event)
WHERE ($kind IS NULL OR e.kind = $kind)
  AND ($from IS NULL OR (e.date_start IS NOT NULL AND coalesce(e.date_end, e.date_start) >= $from))
  AND ($to IS NULL OR e.day <= date($to_last))
  AND ($pid IS NULL OR (e)-[:PARTICIPANT]->(:VietnameseProvince {id: $pid}))
  AND ($xid IS NULL OR (e)-[:PARTICIPANT]->(:Entity {id: $xid}))
RETURN count(e) AS total
