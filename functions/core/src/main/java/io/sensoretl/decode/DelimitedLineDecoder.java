package io.sensoretl.decode;

import io.sensoretl.contract.Format;
import io.sensoretl.reading.RejectReason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decodes delimited lines: strict UTF-8, quoting, header names. */
public final class DelimitedLineDecoder {
    private final Format format;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private DelimitedRecordView view;

    public DelimitedLineDecoder(Format format) {
        this.format = format;
        if (!format.header()) {
            view = new DelimitedRecordView(Map.of(), format.decimalSeparator());
        }
    }

    /** Reads the header row; column names are trimmed. Must be called first when the format has a header. */
    public void header(byte[] bytes, int length) throws FieldError {
        List<String> names = DelimitedRow.split(text(bytes, length), format.delimiter(), format.quote());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).trim();
            if (!n.isEmpty()) {
                index.putIfAbsent(n, i);
            }
        }
        view = new DelimitedRecordView(Map.copyOf(index), format.decimalSeparator());
    }

    public boolean needsHeader() {
        return view == null;
    }

    public RecordView decode(byte[] bytes, int length) throws FieldError {
        if (view == null) {
            throw new IllegalStateException("the header row has not been read");
        }
        return view.reset(DelimitedRow.split(text(bytes, length), format.delimiter(), format.quote()));
    }

    private String text(byte[] bytes, int length) throws FieldError {
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new FieldError(RejectReason.INVALID_ENCODING, "not valid UTF-8: " + e.getMessage());
        }
    }
}
