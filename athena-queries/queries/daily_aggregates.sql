-- Daily aggregates per sensor and metric.
--
-- Answers: for every UTC day (partition dt) in the window, how many readings each sensor reported
-- per metric and unit, and their minimum, maximum, mean, median and 95th percentile.
-- Percentiles are approximate on Athena (approx_percentile); the local engine computes them exactly
-- (see docs/queries.md, "Trino and DuckDB").
--
-- @param from date  first partition day (dt), inclusive
-- @param to   date  last partition day (dt), inclusive
SELECT
  dt,
  sensor_id,
  metric,
  unit,
  count(*)                       AS readings,
  min(value)                     AS min_value,
  max(value)                     AS max_value,
  avg(value)                     AS avg_value,
  approx_percentile(value, 0.5)  AS p50,
  approx_percentile(value, 0.95) AS p95
FROM readings
WHERE dt BETWEEN ${from} AND ${to}
GROUP BY dt, sensor_id, metric, unit
ORDER BY dt, sensor_id, metric, unit
