-- Latest reading per sensor (one row per sensor and metric).
--
-- Answers: what each sensor reported last for each of its metrics, looking only at the partitions
-- in the window. Ties on the timestamp go to the later run id, then the larger value: the same rule
-- the latest-readings table applies (docs/finalisation.md), so both agree.
--
-- @param from date  first partition day (dt) searched, inclusive
-- @param to   date  last partition day (dt) searched, inclusive
SELECT sensor_id, metric, ts, value, unit, dt
FROM (
  SELECT
    sensor_id, metric, ts, value, unit, dt,
    row_number() OVER (PARTITION BY sensor_id, metric ORDER BY ts DESC, run_id DESC, value DESC) AS newest
  FROM readings
  WHERE dt BETWEEN ${from} AND ${to}
) ranked
WHERE newest = 1
ORDER BY sensor_id, metric
