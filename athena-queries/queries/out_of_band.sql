-- Out-of-band values: readings of one metric outside an expected band.
--
-- Answers: which readings of a metric were below low or above high (in the metric's canonical unit)
-- in the window, oldest first. The band is an operating range you choose (e.g. 15..27 degC for a
-- server room), narrower than the validity range of the contract: values outside the contract's
-- range never reach the curated table, they are rejected as out_of_range.
--
-- @param from   date    first partition day (dt), inclusive
-- @param to     date    last partition day (dt), inclusive
-- @param metric string  metric name, e.g. temperature
-- @param low    number  lowest value inside the band (inclusive)
-- @param high   number  highest value inside the band (inclusive)
SELECT
  dt,
  sensor_id,
  ts,
  metric,
  value,
  unit,
  CASE WHEN value < ${low} THEN 'below' ELSE 'above' END AS band
FROM readings
WHERE dt BETWEEN ${from} AND ${to}
  AND metric = ${metric}
  AND (value < ${low} OR value > ${high})
ORDER BY ts, sensor_id
