package io.sensoretl.decode;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sensoretl.reading.RejectReason;
import java.io.CharConversionException;
import java.io.IOException;

/** Decodes one NDJSON line into a JSON object record, classifying why a line is not one. */
public final class JsonLineDecoder {
    /**
     * Duplicate keys are detected (their meaning is ambiguous); NaN/Infinity are parsed so they can be
     * rejected as not_finite with a precise message rather than as malformed JSON.
     */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final JsonRecordView view = new JsonRecordView();
    private final JsonFieldPlan plan;
    private final JsonNode[] captured;

    /** Decodes whole records as trees (any field can be read). */
    public JsonLineDecoder() {
        this(null);
    }

    /** Streams over each record keeping only the plan's fields, when the plan allows it. */
    public JsonLineDecoder(JsonFieldPlan plan) {
        this.plan = plan != null && plan.streamable() ? plan : null;
        this.captured = this.plan == null ? null : new JsonNode[this.plan.size()];
    }

    /**
     * Decodes one record. The bytes are checked as strict UTF-8 first: Jackson's decoder would accept
     * overlong forms and encoded surrogates.
     */
    public RecordView decode(byte[] bytes, int length) throws FieldError {
        Utf8Validator.check(bytes, length);
        JsonNode node = null;
        boolean streamed = false;
        try (JsonParser p = MAPPER.createParser(bytes, 0, length)) {
            if (plan != null && p.nextToken() == JsonToken.START_OBJECT) {
                java.util.Arrays.fill(captured, null);
                JsonFieldExtractor.object(p, plan.root(), captured);
                streamed = true;
            } else {
                node = MAPPER.readTree(p); // with a plan, only a record that is not an object gets here
            }
            if (p.nextToken() != null) {
                throw new FieldError(RejectReason.MALFORMED_JSON, "trailing data after the JSON value at column "
                        + (p.currentTokenLocation().getColumnNr()));
            }
        } catch (FieldError e) {
            throw e;
        } catch (CharConversionException e) {
            throw new FieldError(RejectReason.INVALID_ENCODING, "not valid UTF-8: " + e.getMessage());
        } catch (JsonParseException e) {
            throw classify(e);
        } catch (IOException e) {
            throw new FieldError(RejectReason.MALFORMED_JSON, e.getMessage());
        }
        return streamed ? view.reset(plan, captured) : objectView(node);
    }

    /** The configured mapper, for readers of whole JSON documents. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public RecordView objectView(JsonNode node) throws FieldError {
        if (node == null || !node.isObject()) {
            throw new FieldError(RejectReason.WRONG_TYPE, "expected a JSON object per record, found "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return view.reset(node);
    }

    public static FieldError classify(JsonParseException e) {
        String m = e.getOriginalMessage();
        String where = " (column " + e.getLocation().getColumnNr() + ")";
        if (m.startsWith("Duplicate field")) {
            return new FieldError(RejectReason.DUPLICATE_KEY, m + where);
        }
        if (m.contains("UTF-8") || m.contains("UTF8")) {
            return new FieldError(RejectReason.INVALID_ENCODING, "not valid UTF-8: " + firstLine(m) + where);
        }
        return new FieldError(RejectReason.MALFORMED_JSON, firstLine(m) + where);
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
