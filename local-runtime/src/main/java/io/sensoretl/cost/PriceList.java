package io.sensoretl.cost;

import java.util.Map;

/**
 * AWS list prices for one region at one date, in USD, read from a data file (docs/prices/*.yaml) so
 * that users update numbers, not code. Free tiers are ignored: the model prices the marginal job.
 */
public record PriceList(
        String source,
        String region,
        String asOf,
        double lambdaRequest,
        Map<Arch, Double> lambdaGbSecond,
        double standardTransition,
        double expressRequest,
        double expressGbSecond,
        int expressMemoryIncrementMb,
        int expressDurationIncrementMs,
        double s3PutRequest,
        double s3GetRequest,
        double dynamoDbWriteRequestUnit,
        double glueCatalogRequest,
        double sqsRequest,
        double athenaPerTb,
        double athenaMinimumMbPerQuery,
        double glueDpuHour,
        int glueMinimumBilledSeconds,
        int glueMinimumDpus,
        double logsIngestionPerGb) {

    private static final double MILLION = 1_000_000.0;
    private static final double THOUSAND = 1_000.0;

    public double lambdaGbSecond(Arch arch) {
        return lambdaGbSecond.get(arch);
    }

    public static PriceList from(DataFile f) {
        return new PriceList(
                f.name(),
                f.text("region"),
                f.text("as_of"),
                f.positive("lambda.request_per_million") / MILLION,
                Map.of(Arch.X86_64, f.positive("lambda.gb_second.x86_64"), Arch.ARM64, f.positive("lambda.gb_second.arm64")),
                f.positive("step_functions.standard_transition_per_thousand") / THOUSAND,
                f.positive("step_functions.express_request_per_million") / MILLION,
                f.positive("step_functions.express_gb_second"),
                (int) f.positive("step_functions.express_memory_increment_mb"),
                (int) f.positive("step_functions.express_duration_increment_ms"),
                f.positive("s3.put_per_thousand") / THOUSAND,
                f.positive("s3.get_per_thousand") / THOUSAND,
                f.positive("dynamodb.write_request_unit_per_million") / MILLION,
                f.positive("glue_catalog.request_per_million") / MILLION,
                f.positive("sqs.request_per_million") / MILLION,
                f.positive("athena.per_tb_scanned"),
                f.number("athena.minimum_mb_per_query"),
                f.positive("glue_etl.dpu_hour"),
                (int) f.number("glue_etl.minimum_billed_seconds"),
                (int) f.positive("glue_etl.minimum_dpus"),
                f.positive("cloudwatch_logs.ingestion_per_gb"));
    }
}
