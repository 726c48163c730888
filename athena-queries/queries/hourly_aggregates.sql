-- Hourly aggregates per sensor and metric.
--
-- Answers: for every UTC hour in the window, how many readings each sensor reported per metric and
-- unit, and their minimum, maximum, mean, median and 95th percentile. Narrow it to some sensors with
-- a LIKE pattern, since a day of many sensors has many hours.
--
-- @param from   date             first partition day (dt), inclusive
-- @param to     date             last partition day (dt), inclusive
-- @param sensor string = %       sensor_id LIKE pattern, e.g. sensor-00% (default: every sensor)
SELECT
  date_trunc('hour', ts)         AS hour,
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
  AND sensor_id LIKE ${sensor}
GROUP BY date_trunc('hour', ts), sensor_id, metric, unit
ORDER BY hour, sensor_id, metric, unit
