package io.sensoretl.cli;

import io.sensoretl.progress.Progress;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Reports the bytes written through it, and its lines as records (NDJSON: one record a line). */
public final class ProgressStream extends FilterOutputStream {
    private final Progress progress;

    public ProgressStream(OutputStream out, Progress progress) {
        super(out);
        this.progress = progress;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        progress.advance(1, b == '\n' ? 1 : 0);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        long lines = 0;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
        progress.advance(len, lines);
    }
}
