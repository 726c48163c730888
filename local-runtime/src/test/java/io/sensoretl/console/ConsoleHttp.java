package io.sensoretl.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;

/** The console's pages over HTTP as a browser asks for them: GETs, and form POSTs with or without an Origin; no redirects followed. */
public final class ConsoleHttp {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final UnaryOperator<String> url;

    /** @param url the console's URL of a path (the fixture's {@code url}) */
    public ConsoleHttp(UnaryOperator<String> url) {
        this.url = url;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url.apply(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @param origin the Origin header, or null for none */
    public HttpResponse<String> post(String path, String form, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.apply(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
