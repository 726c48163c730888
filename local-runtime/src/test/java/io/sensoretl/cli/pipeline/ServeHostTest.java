package io.sensoretl.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.cli.CliRun;
import io.sensoretl.cli.JsonOutput;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --host: loopback by default, another address on request with a warning (for sam local invoke). */
class ServeHostTest {
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void byDefaultTheEndpointsListenOnLoopbackOnly() throws Exception {
        try (CliRun.Background serve = CliRun.background("serve", "--json", "--data-dir", dir.resolve("a").toString())) {
            JsonNode endpoints = JsonOutput.mapper().readTree(serve.awaitLine(START));
            assertThat(endpoints.path("host").asText()).isEqualTo("127.0.0.1");
            int port = URI.create(endpoints.path("s3Endpoint").asText()).getPort();
            assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
            Optional<InetAddress> other = nonLoopbackAddress();
            assumeThat(other).as("this machine has no non-loopback IPv4 address").isPresent();
            assertThat(connects(other.get(), port)).as("reachable on " + other.get()).isFalse();
            serve.stop();
        }
    }

    @Test
    void hostListensOnTheAddressAskedForAndWarns() throws Exception {
        try (CliRun.Background serve = CliRun.background("serve", "--json", "--host", "0.0.0.0",
                "--data-dir", dir.resolve("b").toString())) {
            JsonNode endpoints = JsonOutput.mapper().readTree(serve.awaitLine(START));
            assertThat(serve.awaitErrLine(Duration.ofSeconds(10)))
                    .startsWith("sensor-etl serve: WARNING: listening on 0.0.0.0, not only this machine");
            assertThat(endpoints.path("host").asText()).isEqualTo("0.0.0.0");
            // clients on this machine are still pointed at loopback
            URI s3 = URI.create(endpoints.path("s3Endpoint").asText());
            URI sqs = URI.create(endpoints.path("sqsEndpoint").asText());
            assertThat(s3.getHost()).isEqualTo("127.0.0.1");
            Optional<InetAddress> other = nonLoopbackAddress();
            assumeThat(other).as("this machine has no non-loopback IPv4 address").isPresent();
            assertThat(connects(other.get(), s3.getPort())).as("S3 on " + other.get()).isTrue();
            assertThat(connects(other.get(), sqs.getPort())).as("SQS on " + other.get()).isTrue();
            serve.stop();
        }
    }

    @Test
    void anAddressThatIsNotAHostIsOneLine() {
        CliRun run = CliRun.of("serve", "--host", "no such host.invalid", "--data-dir", dir.resolve("c").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("sensor-etl serve: --host: cannot listen on 'no such host.invalid'");
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (n.isUp() && !n.isLoopback()) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
