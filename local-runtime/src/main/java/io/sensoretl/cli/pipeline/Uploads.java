package io.sensoretl.cli.pipeline;

import io.sensoretl.cli.UserError;
import io.sensoretl.contract.ContractException;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.local.DataDir;
import io.sensoretl.store.ObjectOutput;
import io.sensoretl.store.aws.S3ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts what the user names (a dump, a contract) into the local S3, checking it first. */
final class Uploads {
    record Location(String bucket, String key) {
        String uri() {
            return "s3://" + bucket + "/" + key;
        }
    }

    private Uploads() {}

    /** A local file goes to {@code s3://sensor-etl-source/incoming/<name>}; an s3:// URI must exist locally. */
    static Location dump(S3Client s3, String fileOrUri) {
        if (fileOrUri.startsWith("s3://")) {
            String rest = fileOrUri.substring("s3://".length());
            int slash = rest.indexOf('/');
            if (slash < 1 || slash == rest.length() - 1) {
                throw new UserError("expected s3://bucket/key, got " + fileOrUri);
            }
            Location l = new Location(rest.substring(0, slash), rest.substring(slash + 1));
            try {
                s3.headObject(b -> b.bucket(l.bucket()).key(l.key()));
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                throw new UserError(fileOrUri + " does not exist in the local S3 (HTTP " + e.statusCode() + ")");
            }
            return l;
        }
        Path file = checkReadable(Path.of(fileOrUri));
        Location l = new Location(DataDir.SOURCE_BUCKET, DataDir.UPLOAD_PREFIX + file.getFileName());
        upload(s3, file, l);
        return l;
    }

    /**
     * Uploads a file as the AWS CLI does: one PutObject when it is small, a multipart upload in parts when it is
     * large (S3 takes at most 5 GiB in one PutObject; a dump of 10 GiB failed with the SDK's "Error writing
     * request body"). The object appears only once it is whole.
     */
    static void upload(S3Client s3, Path file, Location to) {
        ObjectOutput out = S3ObjectStore.withoutLifecycleTags(s3, to.bucket()).create(to.key());
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
            out.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw new UserError("cannot upload the dump " + file + " to " + to.uri() + " in the local S3: " + e.getMessage());
        }
    }

    static Path checkReadable(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserError("cannot read the dump " + file + ": " + (Files.exists(file) ? "not a readable file" : "no such file"));
        }
        return file;
    }

    static void checkContract(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserError("contract " + file + " is a directory; --contract expects one contract file (YAML or JSON, "
                    + "e.g. test-fixtures/contracts/default.yaml)");
        }
        if (!Files.exists(file)) {
            throw new UserError("contract " + file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserError("cannot read the contract " + file + ": not a readable file");
        }
        try {
            ContractLoader.load(file);
        } catch (ContractException e) {
            throw new UserError(e.getMessage().replace('\n', ' '));
        }
    }

    /** Checks the contract, then stores it by content: {@code s3://sensor-etl-data/contracts/<sha>-<name>}. */
    static String contract(S3Client s3, Path file) {
        checkContract(file);
        byte[] text;
        try {
            text = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError("cannot read the contract " + file + ": " + e.getMessage());
        }
        String key = "contracts/" + sha(text) + "-" + file.getFileName();
        s3.putObject(b -> b.bucket(DataDir.DATA_BUCKET).key(key), RequestBody.fromBytes(text));
        return "s3://" + DataDir.DATA_BUCKET + "/" + key;
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
