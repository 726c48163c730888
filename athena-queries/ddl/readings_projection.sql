-- VARIANT of readings.sql with partition projection. Read the trade-off before using it.
--
-- Create it INSTEAD of readings.sql (same table name, so every query works unchanged); the partitions the
-- compact function keeps registering are then ignored by Athena.
--
-- Placeholders: ${database} (Glue database), ${bucket} (curated bucket), ${first_day} (the oldest
-- partition day worth scanning, e.g. 2024-01-01). ${dt} in storage.location.template is Athena's own
-- and must stay as it is: substitute only the three, e.g. envsubst '$database $bucket $first_day'.
--
-- With projection Athena computes the partitions of a query from the `dt` predicate and the template
-- below instead of asking Glue, so there is nothing to register and planning stays fast whatever the
-- number of days. The price, for this table:
--   * The template can only name the partition directory, s3://.../dt=YYYY-MM-DD/, and Athena reads
--     every file below it. Compaction writes each new version to a new sub-directory v=<id>/ and
--     deletes the old one only after the catalog switch, so while a partition is being compacted a
--     query sees a half-written new version, or the old and the new version together (rows twice).
--     The registered table (readings.sql) points each partition at exactly one complete version and
--     switches it in one catalog call, so readers never see either.
--   * A day with no data is still "a partition": queries over long ranges list many empty prefixes.
--   * Queries must constrain dt (they do: every query in athena-queries/queries filters on it).
-- Use it only if nobody queries while runs finalise (e.g. queries at night, loads by day), or for
-- ad-hoc exploration of a copy of the data. The local engine (./sensor-etl query) always uses the
-- registered partitions, never projection.
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
TBLPROPERTIES (
  'classification' = 'parquet',
  'parquet.compression' = 'ZSTD',
  'projection.enabled' = 'true',
  'projection.dt.type' = 'date',
  'projection.dt.format' = 'yyyy-MM-dd',
  'projection.dt.range' = '${first_day},NOW',
  'projection.dt.interval' = '1',
  'projection.dt.interval.unit' = 'DAYS',
  'storage.location.template' = 's3://${bucket}/curated/readings/dt=${dt}/'
);
