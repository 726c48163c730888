-- Data-quality report: rejected records by upload day, source object and reason.
--
-- Answers: for every upload day (the rejects table's dt) and source object, how many records were
-- rejected for each reason, each reason's share of that object's rejects, and one example of the
-- explanation the pipeline gave (the alphabetically first, so repeated runs of the report agree).
--
-- @param from date  first upload day (dt of the rejects table), inclusive
-- @param to   date  last upload day, inclusive
SELECT
  dt,
  source_key,
  reason,
  count(*) AS rejects,
  round(100 * CAST(count(*) AS double) / sum(count(*)) OVER (PARTITION BY dt, source_key), 2) AS pct_of_source,
  min(detail) AS example_detail
FROM rejects
WHERE dt BETWEEN ${from} AND ${to}
GROUP BY dt, source_key, reason
ORDER BY dt, source_key, rejects DESC, reason
