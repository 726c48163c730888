package io.sensoretl.cost;

/**
 * The same job as an AWS Glue Spark ETL job, for comparison: compute only (the job would make the
 * same S3 and catalog calls). Seconds are billed per second with a minimum, on at least 2 DPUs.
 */
public record GlueEtlCost(int dpus, double runSeconds, double billedSeconds, double dpuHours, double usd, String note) {}
