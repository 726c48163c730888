package io.sensoretl.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps offsets in the rendered SQL (placeholders replaced by literals) back to offsets in the query
 * file, so an engine's error position points at what the user wrote.
 */
public final class SourceMap {
    private record Span(int rendered, int original, int renderedLength, boolean substituted) {}

    private final List<Span> spans = new ArrayList<>();
    private int rendered;
    private int original;

    void copied(int length) {
        if (length > 0) {
            spans.add(new Span(rendered, original, length, false));
            rendered += length;
            original += length;
        }
    }

    void substituted(int originalLength, int renderedLength) {
        spans.add(new Span(rendered, original, renderedLength, true));
        rendered += renderedLength;
        original += originalLength;
    }

    /** The offset in the query file of offset {@code r} of the rendered SQL; inside a literal, its placeholder. */
    public int original(int r) {
        for (Span s : spans) {
            if (r >= s.rendered && r < s.rendered + s.renderedLength) {
                return s.substituted ? s.original : s.original + (r - s.rendered);
            }
        }
        return original + Math.max(0, r - rendered);
    }
}
