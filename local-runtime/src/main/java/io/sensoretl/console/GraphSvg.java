package io.sensoretl.console;

import java.util.Map;

/**
 * Draws a {@link GraphLayout} as SVG, each state coloured by its {@link StateStatus} (CSS class {@code st-*}, and
 * {@code data-state}/{@code data-status} for tools and tests): containers first, so their inner states and the
 * edges come on top; forward edges straight down, loops as curves on the right, Catch edges dashed.
 */
final class GraphSvg {
    private static final double MARGIN = 16;
    private static final double LOOP_SPAN = 40;

    private GraphSvg() {}

    static String draw(GraphLayout.Layout layout, Map<String, StateStatus> statuses) {
        SvgWriter svg = new SvgWriter(layout.width() + 2 * MARGIN + LOOP_SPAN, layout.height() + 2 * MARGIN);
        svg.group("transform", "translate(" + MARGIN + "," + MARGIN + ")");
        for (GraphLayout.Box b : layout.boxes().stream()
                .sorted(java.util.Comparator.comparingInt(GraphLayout.Box::depth)).toList()) {
            StateStatus status = statuses.getOrDefault(b.name(), StateStatus.NOT_REACHED);
            svg.group("class", "state " + (b.container() ? "container " : "") + status.css(), "data-state", b.name(),
                    "data-status", status.name());
            svg.title(b.name() + " (" + b.type() + "): " + status.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' '));
            svg.rect(b.x(), b.y(), b.width(), b.height(), b.container() ? 6 : 4);
            if (b.container()) {
                svg.text(b.x() + 8, b.y() + 17, b.name(), "font-weight", "600");
                svg.text(b.x() + b.width() - 8, b.y() + 17, b.type(), "class", "type", "text-anchor", "end");
            } else {
                svg.text(b.centerX(), b.y() + 19, b.name(), "text-anchor", "middle");
                svg.text(b.centerX(), b.y() + 34, b.type(), "class", "type", "text-anchor", "middle");
            }
            svg.end();
        }
        Map<String, GraphLayout.Box> byName = GraphLayout.byName(layout);
        for (GraphLayout.Edge e : layout.edges()) {
            GraphLayout.Box from = byName.get(e.from());
            GraphLayout.Box to = byName.get(e.to());
            if (from == null || to == null) {
                continue;
            }
            String css = "edge" + (e.kind() == GraphLayout.EdgeKind.CATCH ? " catch" : "");
            double labelX;
            double labelY;
            if (e.back()) {
                double x1 = from.x() + from.width();
                double y1 = from.y() + from.height() / 2;
                double x2 = to.x() + to.width();
                double y2 = to.y() + to.height() / 2;
                double out = Math.max(x1, x2) + LOOP_SPAN;
                svg.path(css, x1, y1, out, y1, out, y2, x2 + 2, y2);
                labelX = out - LOOP_SPAN / 2;
                labelY = (y1 + y2) / 2;
            } else {
                double x1 = from.centerX();
                double y1 = from.y() + from.height();
                double x2 = to.centerX();
                double y2 = to.y() - 2;
                svg.path(css, x1, y1, x1, (y1 + y2) / 2, x2, (y1 + y2) / 2, x2, y2);
                labelX = (x1 + x2) / 2 + 4;
                labelY = (y1 + y2) / 2 - 3;
            }
            if (!e.label().isEmpty()) {
                svg.text(labelX, labelY, e.label(), "class", "edge-label");
            }
        }
        svg.end();
        return svg.finish();
    }
}
