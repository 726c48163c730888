package io.sensoretl.s3proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.Test;

class S3ProxyServerTest {
    private static final URI ANY_PORT = URI.create("http://127.0.0.1:0");

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itServesS3OnAFreePortAndRefusesAnUnsignedRequest() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start(new TransientNio2BlobStore(), ANY_PORT, "key", "secret")) {
            assertThat(s3.port()).isPositive();
            HttpResponse<String> r = get(s3.port(), "/");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("<Code>AccessDenied</Code>");
        }
    }

    @Test
    void closingItStopsServing() throws Exception {
        S3ProxyServer s3 = S3ProxyServer.start(new TransientNio2BlobStore(), ANY_PORT, "key", "secret");
        int port = s3.port();
        s3.close();
        assertThatThrownBy(() -> get(port, "/")).isInstanceOf(ConnectException.class);
    }

    @Test
    void aPortInUseFailsWithTheBindExceptionInTheCause() throws Exception {
        try (S3ProxyServer first = S3ProxyServer.start(new TransientNio2BlobStore(), ANY_PORT, "key", "secret")) {
            URI taken = URI.create("http://127.0.0.1:" + first.port());
            assertThatThrownBy(() -> S3ProxyServer.start(new TransientNio2BlobStore(), taken, "key", "secret"))
                    .satisfies(e -> assertThat(causes(e)).anyMatch(BindException.class::isInstance));
        }
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.add(t);
        }
        return out;
    }
}
