-- Curated sensor readings, as written by the compaction step (functions: io.sensoretl.compact).
--
-- Placeholders (substitute before running, e.g. with envsubst or the deploy script):
--   ${database}  the Glue database (GLUE_DATABASE of the compact function)
--   ${bucket}    the curated bucket (CURATED_BUCKET of the compact function)
--
-- Columns and types mirror io.sensoretl.parquet.ReadingSchema.READINGS; a unit test
-- (AthenaDdlTest) fails when they drift apart. The compact function creates the same table through
-- the Glue API when it does not exist, so running this file is optional.
--
-- Partitions: one per UTC day of the reading's timestamp. Do NOT use MSCK REPAIR TABLE or partition
-- projection: each partition points at one immutable version directory
--   s3://${bucket}/curated/readings/dt=YYYY-MM-DD/v=<compaction-id>/
-- and only the compact function may move it (see docs/finalisation.md). Rows in every file are
-- ordered by (sensor_id, ts), so filters on those columns skip row groups.
CREATE EXTERNAL TABLE IF NOT EXISTS `${database}`.`readings` (
  `sensor_id` string,
  `ts` timestamp,
  `metric` string,
  `value` double,
  `unit` string,
  `lat` double,
  `lon` double,
  `attributes` map<string,string>,
  `source_key` string,
  `run_id` string
)
PARTITIONED BY (`dt` string)
ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'
STORED AS
  INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'
  OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'
LOCATION 's3://${bucket}/curated/readings/'
TBLPROPERTIES ('classification' = 'parquet', 'parquet.compression' = 'ZSTD');
