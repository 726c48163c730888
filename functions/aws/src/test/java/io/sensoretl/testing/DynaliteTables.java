package io.sensoretl.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One dynalite server per test class and a fresh table per test, for the DynamoDB adapters' tests:
 * {@code @RegisterExtension static final DynaliteTables DYNAMO = new DynaliteTables();}. Skips the class
 * as {@link Dynalite#start()} does where dynalite or node is missing.
 */
public final class DynaliteTables implements BeforeAllCallback, AfterAllCallback {
    private final AtomicInteger tables = new AtomicInteger();
    private Dynalite dynalite;
    private DynamoDbClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dynalite = Dynalite.start();
        client = dynalite.client();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    /** The client of the class's server, default configuration. */
    public DynamoDbClient client() {
        return client;
    }

    /** Another client of the same server, configured as given. */
    public DynamoDbClient client(ClientOverrideConfiguration config) {
        return dynalite.client(config);
    }

    /** A new, empty run-ledger table (which also holds the partition leases) named {@code <prefix>-<n>}. */
    public String newLedgerTable(String prefix) {
        String table = prefix + "-" + tables.incrementAndGet();
        DynamoDbTables.ledger(client, table);
        return table;
    }

    /** A new, empty latest-readings table named {@code <prefix>-<n>}. */
    public String newLatestReadingsTable(String prefix) {
        String table = prefix + "-" + tables.incrementAndGet();
        DynamoDbTables.latestReadings(client, table);
        return table;
    }
}
