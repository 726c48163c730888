package io.sensoretl.local;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The address the local endpoints listen on: loopback unless asked otherwise ({@code serve --host}), so
 * nothing outside this machine reaches them by default. Clients on this machine are pointed at
 * {@link #clientHost()}: loopback when listening on every interface, else the address listened on.
 */
public record BindHost(String host) {
    public static final BindHost LOOPBACK = new BindHost("127.0.0.1");

    public BindHost {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot listen on '" + host + "': not an address of this machine ("
                    + e.getMessage() + ")");
        }
    }

    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The host a client on this machine connects to. */
    public String clientHost() {
        try {
            InetAddress a = InetAddress.getByName(host);
            if (a.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
            String literal = a.getHostAddress();
            return literal.contains(":") ? "[" + literal + "]" : literal;
        } catch (UnknownHostException e) {
            return host;
        }
    }

    /** The host as an URI authority part for binding (IPv6 literals in brackets). */
    String uriHost() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
