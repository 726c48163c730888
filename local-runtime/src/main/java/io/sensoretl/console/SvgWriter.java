package io.sensoretl.console;

import java.util.Locale;

/** Writes SVG markup: every attribute value and text is escaped, numbers are written with one decimal. */
final class SvgWriter {
    private final StringBuilder out = new StringBuilder();

    SvgWriter(double width, double height) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width)).append("\" height=\"")
                .append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" role=\"img\">");
        out.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5f6b7a\"/>"
                + "</marker></defs>");
    }

    /** Opens a group; attributes are name, value pairs. */
    SvgWriter group(String... attributes) {
        out.append("<g");
        attributes(attributes);
        out.append('>');
        return this;
    }

    SvgWriter end() {
        out.append("</g>");
        return this;
    }

    SvgWriter title(String text) {
        out.append("<title>").append(Html.escape(text)).append("</title>");
        return this;
    }

    SvgWriter rect(double x, double y, double width, double height, double radius) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" rx=\"").append(n(radius)).append("\"/>");
        return this;
    }

    SvgWriter text(double x, double y, String text, String... attributes) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        attributes(attributes);
        out.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    /** A path from its points: a straight line for two, a cubic curve through the middle two of four. */
    SvgWriter path(String cssClass, double... xy) {
        StringBuilder d = new StringBuilder("M").append(n(xy[0])).append(',').append(n(xy[1]));
        if (xy.length == 8) {
            d.append(" C").append(n(xy[2])).append(',').append(n(xy[3])).append(' ').append(n(xy[4])).append(',')
                    .append(n(xy[5])).append(' ').append(n(xy[6])).append(',').append(n(xy[7]));
        } else {
            for (int i = 2; i + 1 < xy.length; i += 2) {
                d.append(" L").append(n(xy[i])).append(',').append(n(xy[i + 1]));
            }
        }
        out.append("<path class=\"").append(Html.escape(cssClass)).append("\" d=\"").append(d)
                .append("\" marker-end=\"url(#arrow)\"/>");
        return this;
    }

    String finish() {
        return out.append("</svg>").toString();
    }

    private void attributes(String... attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(Html.escape(attributes[i + 1])).append('"');
        }
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
