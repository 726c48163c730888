-- Reconciliation: records per run and source object against the run ledger's counts.
--
-- Answers: for every run that has curated readings in the readings window or rejects in the rejects
-- window, whether the tables hold exactly what the run ledger says the run produced: curated rows
-- against the ledger's valid count, rejected rows against its rejected count. The verdict is OK,
-- MISMATCH, RUN_NOT_SUCCEEDED (the ledger entry is RUNNING or FAILED) or NOT_IN_LEDGER.
-- The windows must cover all of a run's partitions for its row to be OK: a run's readings land in the
-- days of their timestamps (the ledger's partitions column lists them), its rejects in its upload day.
-- The ledger is visible to SQL as the runs table (athena-queries/ddl/runs.sql, docs/queries.md).
--
-- @param from         date  first readings partition day (dt), inclusive
-- @param to           date  last readings partition day (dt), inclusive
-- @param rejects_from date  first upload day (dt of the rejects table), inclusive
-- @param rejects_to   date  last upload day, inclusive
WITH curated AS (
  SELECT run_id, source_key, count(*) AS curated_rows
  FROM readings
  WHERE dt BETWEEN ${from} AND ${to}
  GROUP BY run_id, source_key
), rejected AS (
  SELECT run_id, source_key, count(*) AS rejected_rows
  FROM rejects
  WHERE dt BETWEEN ${rejects_from} AND ${rejects_to}
  GROUP BY run_id, source_key
), seen AS (
  SELECT run_id, source_key FROM curated
  UNION
  SELECT run_id, source_key FROM rejected
)
SELECT
  s.run_id,
  s.source_key,
  r.state                                    AS ledger_state,
  r.records                                  AS ledger_records,
  r.valid                                    AS ledger_valid,
  r.rejected                                 AS ledger_rejected,
  coalesce(c.curated_rows, 0)                AS curated_rows,
  coalesce(j.rejected_rows, 0)               AS rejected_rows,
  coalesce(c.curated_rows, 0) - r.valid      AS curated_diff,
  coalesce(j.rejected_rows, 0) - r.rejected  AS rejected_diff,
  CASE
    WHEN r.run_id IS NULL THEN 'NOT_IN_LEDGER'
    WHEN r.state <> 'SUCCEEDED' THEN 'RUN_NOT_SUCCEEDED'
    WHEN coalesce(c.curated_rows, 0) = r.valid AND coalesce(j.rejected_rows, 0) = r.rejected THEN 'OK'
    ELSE 'MISMATCH'
  END                                        AS verdict
FROM seen s
LEFT JOIN curated c ON c.run_id = s.run_id AND c.source_key = s.source_key
LEFT JOIN rejected j ON j.run_id = s.run_id AND j.source_key = s.source_key
LEFT JOIN runs r ON r.run_id = s.run_id
ORDER BY s.run_id, s.source_key
