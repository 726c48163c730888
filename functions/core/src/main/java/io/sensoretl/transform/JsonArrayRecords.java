package io.sensoretl.transform;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.decode.DamagedInputException;
import io.sensoretl.decode.FieldError;
import io.sensoretl.decode.JsonLineDecoder;
import io.sensoretl.decode.RecordView;
import io.sensoretl.decode.Utf8CheckingInputStream;
import io.sensoretl.reading.RejectReason;
import java.io.IOException;
import java.io.InputStream;

/**
 * Records of a JSON array document, streamed element by element (the document is never held whole).
 * A syntax error inside the array makes the rest of the document unreadable: it becomes one reject
 * at the error's offset, and everything before it is kept. The same holds for bytes that are not strict
 * UTF-8 (checked before Jackson sees them, since Jackson accepts overlong forms) and damaged gzip.
 */
final class JsonArrayRecords implements SourceRecords {
    private final InputStream in;
    private final JsonParser parser;
    private final JsonLineDecoder decoder = new JsonLineDecoder();
    private JsonNode current;
    private FieldError currentError;
    private String currentRaw;
    private long offset;
    private boolean done;
    private boolean started;

    JsonArrayRecords(ByteSource source) throws IOException {
        this.in = new Utf8CheckingInputStream(source.open(0));
        this.parser = JsonLineDecoder.mapper().createParser(in);
    }

    @Override
    public boolean next() throws IOException {
        if (done) {
            return false;
        }
        current = null;
        currentError = null;
        currentRaw = null;
        try {
            JsonToken t = parser.nextToken();
            if (!started) {
                started = true;
                if (t == null) {
                    return finish();
                }
                if (t != JsonToken.START_ARRAY) {
                    offset = parser.currentTokenLocation().getByteOffset();
                    return fail(new FieldError(RejectReason.MALFORMED_JSON,
                            "expected a JSON array document (format json_array), found " + t));
                }
                t = parser.nextToken();
            }
            if (t == JsonToken.END_ARRAY) {
                JsonToken after = parser.nextToken();
                if (after != null) {
                    offset = parser.currentTokenLocation().getByteOffset();
                    return fail(new FieldError(RejectReason.MALFORMED_JSON, "data after the end of the JSON array"));
                }
                return finish();
            }
            if (t == null) {
                offset = parser.currentLocation().getByteOffset();
                return fail(new FieldError(RejectReason.MALFORMED_JSON, "the JSON array is not closed (input ends early)"));
            }
            offset = parser.currentTokenLocation().getByteOffset();
            current = parser.readValueAsTree();
            return true;
        } catch (JsonParseException e) {
            offset = e.getLocation() == null ? offset : e.getLocation().getByteOffset();
            return fail(JsonLineDecoder.classify(e));
        } catch (DamagedInputException e) {
            return fail(new FieldError(e.reason(), e.getMessage()));
        }
    }

    private boolean finish() {
        done = true;
        return false;
    }

    /** Reports the rest of the document as one rejected record. */
    private boolean fail(FieldError error) {
        done = true;
        currentError = new FieldError(error.reason(), error.getMessage() + "; the rest of the document from offset "
                + offset + " cannot be read");
        currentRaw = "";
        return true;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public String raw(int maxBytes) {
        if (currentRaw == null) {
            String s = current == null ? "" : current.toString();
            currentRaw = s.length() > maxBytes ? s.substring(0, maxBytes) : s;
        }
        return currentRaw;
    }

    @Override
    public RecordView decode() throws FieldError {
        if (currentError != null) {
            throw currentError;
        }
        return decoder.objectView(current);
    }

    @Override
    public long bytes() {
        return parser.currentLocation().getByteOffset();
    }

    @Override
    public void close() throws IOException {
        parser.close();
        in.close();
    }
}
