package io.sensoretl.cli;

import io.sensoretl.local.LocalS3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The AWS CLI as a user runs it against the local endpoints (Debian's {@code awscli}; CI may install it
 * with {@code apt-get install -y awscli}). Tests that need it check {@link #available()} and skip with a
 * message when it is absent.
 */
public final class AwsCli {
    public record Result(int exit, String out, String err) {}

    private AwsCli() {}

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code aws args...} with the local credentials and a config of its own under {@code dir}. */
    public static Result run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, List.of(), args);
    }

    /** @param config lines of the {@code [default]} profile, e.g. {@code s3 =} settings */
    public static Result run(Path dir, String accessKey, String secretKey, List<String> config, String... args)
            throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("aws-cli"));
        Path configFile = home.resolve("config");
        List<String> lines = new ArrayList<>(List.of("[default]", "region = us-east-1"));
        lines.addAll(config);
        Files.write(configFile, lines);
        List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("AWS_CONFIG_FILE", configFile.toString());
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        if (accessKey != null) {
            pb.environment().put("AWS_ACCESS_KEY_ID", accessKey);
            pb.environment().put("AWS_SECRET_ACCESS_KEY", secretKey);
        }
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Path out = home.resolve("stdout");
        Path err = home.resolve("stderr");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish within 5 minutes");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
