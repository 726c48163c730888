-- Gaps: sensors that were silent for longer than N minutes.
--
-- Answers: every stretch in the window during which a sensor sent no reading at all (of any metric)
-- for more than max_silence_minutes: from its reading before the silence to its next reading. A sensor
-- that stopped reporting is silent from its last reading until the newest reading of any sensor in the
-- window, and is flagged still_silent.
--
-- @param from                date              first partition day (dt), inclusive
-- @param to                  date              last partition day (dt), inclusive
-- @param max_silence_minutes number = 60       report silences longer than this many minutes
WITH seen AS (
  SELECT DISTINCT sensor_id, ts
  FROM readings
  WHERE dt BETWEEN ${from} AND ${to}
), successive AS (
  SELECT sensor_id, ts AS silent_from, lead(ts) OVER (PARTITION BY sensor_id ORDER BY ts) AS next_ts
  FROM seen
), observed AS (
  SELECT max(ts) AS newest FROM seen
)
SELECT
  sensor_id,
  silent_from,
  coalesce(next_ts, newest)                                                          AS silent_until,
  round((to_unixtime(coalesce(next_ts, newest)) - to_unixtime(silent_from)) / 60.0, 2) AS silent_minutes,
  next_ts IS NULL                                                                    AS still_silent
FROM successive CROSS JOIN observed
WHERE to_unixtime(coalesce(next_ts, newest)) - to_unixtime(silent_from) > ${max_silence_minutes} * 60
ORDER BY sensor_id, silent_from
