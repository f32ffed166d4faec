// name: event_co_participants
// title: Co-participants of events
// description.en: Who took part in the same events as a given province, country, locality or
//    organisation, how often, and in which events.
// description.vi: Những bên cùng tham gia sự kiện với một tỉnh, quốc gia, địa phương hoặc tổ chức: số sự
//    kiện chung và tên các sự kiện.
// param: participant: entity  -- id or name of any participant, accents and case optional (example: "Quảng Trị")
// param: kind: string? = null one of ["Conference", "Forum", "Talks", "Visit", "Delegation", "Anniversary", "Signing", "Groundbreaking", "Exhibition", "Other"]  -- only events of this kind (example: "Conference")
// mode: read

MATCH (a:Entity {id: $participant})
WITH a
MATCH (a)<-[:PARTICIPANT]-(e:Event)-[:PARTICIPANT]->(b)
WHERE a <> b
  AND ($kind IS NULL OR e.kind = $kind)
WITH a, b, e ORDER BY e.date_start, e.id
WITH a, b, count(DISTINCT e) AS shared_events, collect(DISTINCT e.name) AS events
RETURN a.id AS participant_id, a.name AS participant, b.id AS co_participant_id, b.name AS co_participant,
       [l IN labels(b) WHERE l <> 'Entity'][0] AS co_participant_kind, b.country AS country, shared_events, events
ORDER BY participant_id, shared_events DESC, co_participant_id
