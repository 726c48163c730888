package io.sensoretl.aws;

import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.parquet.StreamOutputFile;
import io.sensoretl.store.aws.S3MultipartOutputStream;
import io.sensoretl.transform.TransformOutputs;
import org.apache.parquet.io.OutputFile;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Streams a chunk's Parquet files to S3 as they are written (multipart upload, one part buffered).
 * Keys depend only on the run and the chunk index, so a retried chunk overwrites its own files.
 */
public final class S3TransformOutputs implements TransformOutputs {
    private final S3Client s3;
    private final String bucket;
    private final ChunkDescriptor chunk;

    public S3TransformOutputs(S3Client s3, String bucket, ChunkDescriptor chunk) {
        this.s3 = s3;
        this.bucket = bucket;
        this.chunk = chunk;
    }

    @Override
    public OutputFile readings(String partition, String fileName) {
        return open(S3Layout.stagingKey(chunk.runId(), partition, fileName));
    }

    @Override
    public OutputFile rejects(String fileName) {
        return open(S3Layout.rejectsKey(chunk.sourceDate(), chunk.runId(), fileName));
    }

    private OutputFile open(String key) {
        return new StreamOutputFile(new S3MultipartOutputStream(s3, bucket, key, "application/vnd.apache.parquet"),
                "s3://" + bucket + "/" + key);
    }
}
