-- The run ledger as a table: one row per run (one version of one source object), so queries can
-- reconcile the curated data with what each run reported (athena-queries/queries/reconciliation.sql).
--
-- Placeholders: ${database} (Glue database), ${bucket} (curated bucket); see readings.sql.
--
-- The ledger itself lives in DynamoDB, which Athena cannot read without a federated connector (a
-- Lambda function per query, priced per invocation). Instead the close-run function writes each
-- closed ledger entry as one JSON object to
--   s3://${bucket}/ledger/runs/<run-id>.json
-- (replaced when the run is closed again), and this table reads those objects. Columns mirror
-- io.sensoretl.ledger.RunsTable, which both the export and the local query engine use.
-- Not partitioned: one small object per run.
CREATE EXTERNAL TABLE IF NOT EXISTS `${database}`.`runs` (
  `run_id` string,
  `source_key` string,
  `etag` string,
  `state` string,
  `execution_id` string,
  `attempt` int,
  `started_at` timestamp,
  `ended_at` timestamp,
  `records` bigint,
  `valid` bigint,
  `rejected` bigint,
  `dead_lettered_chunks` bigint,
  `partitions` array<string>,
  `error` string
)
ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
LOCATION 's3://${bucket}/ledger/runs/'
TBLPROPERTIES ('classification' = 'json');
