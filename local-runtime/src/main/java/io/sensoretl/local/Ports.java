package io.sensoretl.local;

import io.sensoretl.cli.UserError;
import java.net.BindException;

/** Start-up failures of the local endpoints, as one line a user can act on. */
final class Ports {
    private Ports() {}

    static RuntimeException startFailure(String service, int port, String option, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return new UserError("cannot start the local " + service + " endpoint: 127.0.0.1:" + port
                        + " is already in use (choose another with " + option + ", or 0 for any free port)");
            }
        }
        return new IllegalStateException("cannot start the local " + service + " endpoint on 127.0.0.1:" + port + ": " + e, e);
    }
}
