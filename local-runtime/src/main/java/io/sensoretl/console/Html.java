package io.sensoretl.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What every console page shares: escaping (every text that reaches a page goes through {@link #escape}), links to
 * executions and Map Runs, dates and durations, and the page around the content with its styles (no script, no
 * CDN: the pages need nothing but this server).
 */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Html() {}

    /** Text as HTML (or SVG) character data or a quoted attribute value. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** An ARN (or any text) as one path segment or query value. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String executionHref(String executionArn) {
        return "/console/executions/" + encode(executionArn);
    }

    static String mapRunHref(String mapRunArn) {
        return "/console/map-runs/" + encode(mapRunArn);
    }

    static String link(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** 1.234 s, 2 min 5 s, 3 h 4 min. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.3f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    static String status(String status) {
        return "<span class=\"status s-" + escape(status.toLowerCase(java.util.Locale.ROOT)) + "\">" + escape(status)
                + "</span>";
    }

    /** A whole page; {@code refreshSeconds > 0} reloads it (while something on it still runs). */
    static String page(String title, String body, int refreshSeconds) {
        StringBuilder b = new StringBuilder(body.length() + 4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        if (refreshSeconds > 0) {
            b.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">");
        }
        b.append("<title>").append(escape(title)).append(" · sensor-etl Step Functions</title><style>")
                .append(STYLE).append("</style></head><body><header><a href=\"/console/\">sensor-etl · local Step "
                        + "Functions</a></header><main>");
        b.append(body);
        b.append("</main></body></html>\n");
        return b.toString();
    }

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:0;color:#16191f;background:#f2f3f3}
            header{background:#232f3e;padding:10px 20px}header a{color:#fff;text-decoration:none;font-weight:600}
            main{padding:16px 24px}h1{font-size:20px;margin:4px 0 12px}h2{font-size:16px;margin:20px 0 8px}
            table{border-collapse:collapse;background:#fff;width:100%;margin-bottom:12px}
            th,td{border-bottom:1px solid #e9ebed;padding:6px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
            th{background:#fafafa;font-weight:600}
            pre{margin:4px 0;white-space:pre-wrap;word-break:break-all;background:#fafafa;padding:6px;max-height:320px;overflow:auto}
            .status{font-weight:600}.s-succeeded{color:#037f0c}.s-failed,.s-timed_out{color:#d91515}
            .s-running{color:#0972d3}.s-aborted,.s-pending_redrive{color:#5f6b7a}
            .box{background:#fff;padding:10px 14px;margin-bottom:12px;border:1px solid #e9ebed}
            .error{border-left:4px solid #d91515}.filters a{margin-right:10px}.filters a.on{font-weight:700}
            form{display:inline}button{font:inherit;padding:4px 14px;margin-right:8px;cursor:pointer}
            .legend span{display:inline-block;margin-right:14px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;border:1px solid #879596;vertical-align:-1px}
            .graph{background:#fff;border:1px solid #e9ebed;overflow:auto;padding:8px}
            g.state rect{stroke:#879596;stroke-width:1}g.state text{font-size:12px;fill:#16191f}
            g.state text.type{font-size:10px;fill:#5f6b7a}g.container>rect{fill-opacity:.5;stroke-dasharray:4 3}
            .st-succeeded rect,.legend .st-succeeded{fill:#d7f3d8;background:#d7f3d8}
            .st-failed rect,.legend .st-failed{fill:#ffd3d1;background:#ffd3d1}
            .st-caught rect,.legend .st-caught{fill:#ffe8bd;background:#ffe8bd}
            .st-running rect,.legend .st-running{fill:#d1e8ff;background:#d1e8ff}
            .st-aborted rect,.legend .st-aborted{fill:#e9ebed;background:#e9ebed}
            .st-not_reached rect,.legend .st-not_reached{fill:#ffffff;background:#ffffff}
            path.edge{fill:none;stroke:#5f6b7a;stroke-width:1.2}path.catch{stroke-dasharray:5 3;stroke:#d91515}
            text.edge-label{font-size:10px;fill:#5f6b7a}
            """;
}
