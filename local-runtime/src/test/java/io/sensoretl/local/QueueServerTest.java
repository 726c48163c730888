package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue state's database is shared between processes through H2's mixed mode: the process that
 * opens it first serves it to the others, at the address it writes in the database's lock file. That
 * server is this machine's only, like every local endpoint.
 */
class QueueServerTest {
    @TempDir
    Path dir;

    @Test
    void theQueueDatabaseIsServedToOtherProcessesOnLoopbackOnly() throws Exception {
        Path sqs = dir.resolve("sqs");
        try (QueueServer server = QueueServer.start(sqs, 0, null)) {
            Properties lock = new Properties();
            try (Reader r = Files.newBufferedReader(sqs.resolve("queues.lock.db"))) {
                lock.load(r);
            }
            String advertised = lock.getProperty("server");
            assertThat(advertised).as("the address other processes connect to, in " + sqs.resolve("queues.lock.db"))
                    .isNotNull();
            String host = advertised.substring(0, advertised.lastIndexOf(':'));
            int port = Integer.parseInt(advertised.substring(advertised.lastIndexOf(':') + 1));
            assertThat(InetAddress.getByName(host).isLoopbackAddress()).as("advertised " + advertised).isTrue();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
            for (InetAddress other : nonLoopbackAddresses()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(other, port), 2_000);
                    }
                }).as("the queue database on %s:%d", other.getHostAddress(), port).isInstanceOf(IOException.class);
            }
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .toList();
    }
}
