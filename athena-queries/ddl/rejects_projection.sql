-- VARIANT of rejects.sql with partition projection.
--
-- Create it INSTEAD of rejects.sql (same table name, so every query works unchanged).
--
-- Placeholders: ${database}, ${bucket}, ${first_day}; leave ${dt} as it is (see readings_projection.sql).
--
-- For rejects the trade-off is milder than for readings: the transform writes each run's rejects in
-- place (curated/rejects/dt=<upload day>/run=<run>/chunk-NNNNN.parquet), every file is written once
-- and appears whole, and nothing is moved afterwards. What projection changes: a query sees the
-- rejects of a run that is still transforming (the registered table sees them too, since the
-- partition is registered by the first run of the day), and no registration step is needed at all.
CREATE EXTERNAL TABLE IF NOT EXISTS `${database}`.`rejects` (
  `source_key` string,
  `byte_offset` bigint,
  `reason` string,
  `detail` string,
  `raw` string,
  `run_id` string
)
PARTITIONED BY (`dt` string)
ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'
STORED AS
  INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'
  OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'
LOCATION 's3://${bucket}/curated/rejects/'
TBLPROPERTIES (
  'classification' = 'parquet',
  'parquet.compression' = 'ZSTD',
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '${first_day},NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'storage.location.template' = 's3://${bucket}/curated/rejects/dt=${dt}/'
);
