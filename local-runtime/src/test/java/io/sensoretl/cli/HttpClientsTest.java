package io.sensoretl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;

/** The CLI's class path carries one AWS SDK HTTP client: the URL-connection one every client here is built with. */
class HttpClientsTest {

    @Test
    void theOnlySdkHttpClientIsUrlConnection() {
        List<String> sync = new ArrayList<>();
        ServiceLoader.load(SdkHttpService.class).forEach(s -> sync.add(s.getClass().getName()));
        List<String> async = new ArrayList<>();
        ServiceLoader.load(SdkAsyncHttpService.class).forEach(s -> async.add(s.getClass().getName()));

        assertThat(sync).containsExactly("software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService");
        assertThat(async).as("no Netty client: nothing here is asynchronous").isEmpty();
    }
}
