package io.sensoretl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import picocli.CommandLine;

/**
 * {@code --version} in the shape of {@code aws --version}: one line of {@code name/version} pairs, our
 * version and commit first, then the runtime and the libraries whose versions decide behaviour (AWS SDK,
 * Parquet, DuckDB), read from the class path actually loaded rather than from the build's pins.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    static String line() {
        return "sensor-etl/" + ownVersion()
                + " commit/" + commit()
                + " Java/" + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
                + " aws-sdk-java/" + staticField("software.amazon.awssdk.core.util.VersionInfo", "SDK_VERSION")
                + " parquet-java/" + staticField("org.apache.parquet.Version", "VERSION_NUMBER")
                + " duckdb-jdbc/" + manifestVersion("org.duckdb.DuckDBDriver")
                + " " + System.getProperty("os.name") + "/" + System.getProperty("os.version")
                + " " + System.getProperty("os.arch");
    }

    static String ownVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through: an unknown version is reported as such, never guessed
        }
        return "unknown";
    }

    /**
     * The commit of the checkout the CLI runs from (the launcher runs {@code local-runtime/target/classes}
     * of a clone), {@code +dirty} with uncommitted changes to tracked files; "unknown" outside a git
     * checkout or without git. Asked of git at run time so a rebuild is not needed after each commit.
     */
    static String commit() {
        Path root = checkoutRoot();
        if (root == null || !Files.exists(root.resolve(".git"))) {
            return "unknown";
        }
        String head = git(root, "rev-parse", "--short=12", "HEAD");
        if (head == null || head.isBlank()) {
            return "unknown";
        }
        String status = git(root, "status", "--porcelain", "--untracked-files=no");
        return head.strip() + (status != null && !status.isBlank() ? "+dirty" : "");
    }

    private static Path checkoutRoot() {
        try {
            Path classes = Path.of(VersionProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <root>/local-runtime/target/classes or <root>/local-runtime/target/local-runtime-*.jar
            Path target = classes.getParent();
            return target == null || target.getParent() == null ? null : target.getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String git(Path root, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = root.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String staticField(String className, String field) {
        try {
            return String.valueOf(Class.forName(className).getField(field).get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "absent";
        }
    }

    /** The Bundle-Version (else Implementation-Version) in the manifest of the jar holding the class. */
    private static String manifestVersion(String className) {
        try {
            Path jar = Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
            try (JarFile file = new JarFile(jar.toFile())) {
                var attributes = file.getManifest().getMainAttributes();
                String v = attributes.getValue("Bundle-Version");
                return v != null ? v : String.valueOf(attributes.getValue("Implementation-Version"));
            }
        } catch (ReflectiveOperationException | LinkageError | URISyntaxException | IOException | RuntimeException e) {
            return "absent";
        }
    }
}
