-- Records that could not become readings, with a stable reason code (io.sensoretl.reading.RejectReason).
--
-- Placeholders: ${database} (Glue database), ${bucket} (curated bucket); see readings.sql.
--
-- Columns and types mirror io.sensoretl.parquet.ReadingSchema.REJECTS (checked by AthenaDdlTest).
-- Partitioned by the day of the upload (dt); the transform writes each run's rejects in place under
--   s3://${bucket}/curated/rejects/dt=YYYY-MM-DD/run=<run-id>/chunk-NNNNN.parquet
-- and the compact function registers s3://${bucket}/curated/rejects/dt=YYYY-MM-DD/ as the
-- partition location; Athena reads the run= sub-directories below it.
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
TBLPROPERTIES ('classification' = 'parquet', 'parquet.compression' = 'ZSTD');
