// name: province_counts
// title: What provinces did themselves, what they inherit and both together
// description.en: Per province id: how many partners, agreements, events, figures and articles the
//    graph holds for the unit itself (`counts`), for the units merged into it in the 2025 reform
//    (`inherited_counts`, with those units in `rolled_up_from`) and for all of them together
//    (`total_counts`). Each partner, fact or article is counted once in a total even when several of
//    the units share it, so a total can be less than own plus inherited.
// param: ids: list[string]  -- province ids (example: ["VN-2025-44", "VN-09"])
// param: include_predecessors: bool = true  -- false: the unit alone, nothing inherited (example: true)
// mode: read
// max_rows: 500

UNWIND $ids AS pid
MATCH (p:Entity {id: pid})
WHERE p:VietnameseProvince
OPTIONAL MATCH (o:VietnameseProvince)-[:MERGED_INTO]->(p)
WITH p, collect(DISTINCT o) AS found
WITH p, CASE WHEN $include_predecessors THEN found ELSE [] END AS preds
UNWIND [p] + preds AS u
OPTIONAL MATCH (u)-[:PARTNERS_WITH]->(x)
WITH p, preds, count(DISTINCT CASE WHEN u = p THEN x END) AS x_own,
     count(DISTINCT CASE WHEN u <> p THEN x END) AS x_inh, count(DISTINCT x) AS x_all
UNWIND [p] + preds AS u
OPTIONAL MATCH (a:Agreement)-[:PARTY]->(u)
WITH p, preds, x_own, x_inh, x_all, count(DISTINCT CASE WHEN u = p THEN a END) AS a_own,
     count(DISTINCT CASE WHEN u <> p THEN a END) AS a_inh, count(DISTINCT a) AS a_all
UNWIND [p] + preds AS u
OPTIONAL MATCH (e:Event)-[:PARTICIPANT]->(u)
WITH p, preds, x_own, x_inh, x_all, a_own, a_inh, a_all, count(DISTINCT CASE WHEN u = p THEN e END) AS e_own,
     count(DISTINCT CASE WHEN u <> p THEN e END) AS e_inh, count(DISTINCT e) AS e_all
UNWIND [p] + preds AS u
OPTIONAL MATCH (ob:Observation)-[:OBSERVATION_OF]->(u)
WITH p, preds, x_own, x_inh, x_all, a_own, a_inh, a_all, e_own, e_inh, e_all,
     count(DISTINCT CASE WHEN u = p THEN ob END) AS o_own, count(DISTINCT CASE WHEN u <> p THEN ob END) AS o_inh,
     count(DISTINCT ob) AS o_all
UNWIND [p] + preds AS u
OPTIONAL MATCH (d:Document)-[:ABOUT]->(u)
WITH p, preds, x_own, x_inh, x_all, a_own, a_inh, a_all, e_own, e_inh, e_all, o_own, o_inh, o_all,
     count(DISTINCT CASE WHEN u = p THEN d END) AS d_own, count(DISTINCT CASE WHEN u <> p THEN d END) AS d_inh,
     count(DISTINCT d) AS d_all
RETURN p.id AS id, [o IN preds | {id: o.id, name: o.name}] AS rolled_up_from,
       {partners: x_own, agreements: a_own, events: e_own, observations: o_own, documents: d_own} AS counts,
       {partners: x_inh, agreements: a_inh, events: e_inh, observations: o_inh, documents: d_inh} AS inherited_counts,
       {partners: x_all, agreements: a_all, events: e_all, observations: o_all, documents: d_all} AS total_counts
ORDER BY id
