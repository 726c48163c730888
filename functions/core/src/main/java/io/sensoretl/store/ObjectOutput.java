package io.sensoretl.store;

import java.io.OutputStream;

/**
 * A blob being written. It becomes visible under its key only when {@link #close()} succeeds, so a
 * writer that crashes never exposes half a file; {@link #abort()} leaves nothing behind.
 */
public abstract class ObjectOutput extends OutputStream {
    public abstract void abort();
}
