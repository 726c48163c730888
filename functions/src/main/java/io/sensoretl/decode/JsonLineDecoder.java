package io.sensoretl.decode;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
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
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final JsonRecordView view = new JsonRecordView();

    public RecordView decode(byte[] bytes, int length) throws FieldError {
        JsonNode node;
        try (JsonParser p = MAPPER.createParser(bytes, 0, length)) {
            node = MAPPER.readTree(p);
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
        return objectView(node);
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
