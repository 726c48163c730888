package io.sensoretl.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scalikejdbc.ConnectionPool$;

/**
 * ElasticMQ on a loopback port with its queues and messages in an H2 database under the data dir's
 * {@code sqs/} ({@code queues.mv.db}). ElasticMQ's SQL persistence writes every change (a send, a
 * receive, a visibility change, a delete) before it answers the request, so what a client was told is
 * stored survives a crash of the process; queues and messages are loaded when the server starts.
 *
 * <p>Several processes may use one data dir at once: H2's automatic mixed mode lets the first process
 * that opens the database serve it to the others over loopback (127.0.0.1 only), and another process
 * takes over when it ends. Each process's ElasticMQ keeps what it loaded in memory, so the queue a process reads is the
 * one it started with plus its own changes; that is why commands attach to a running {@code serve}
 * instead of starting their own server (see {@link LocalServices#open}).
 *
 * <p>ElasticMQ's SQL persistence keeps its connection pool in a JVM-wide singleton (scalikejdbc's
 * default pool), so one JVM can hold one queue state at a time; a second one is refused.
 */
final class QueueServer implements AutoCloseable {
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    static {
        // H2's mixed mode would otherwise listen on every interface (it accepts other hosts) and advertise
        // the address the host name resolves to, which may be remote, unroutable or not resolvable at all.
        // The queue state is this machine's only, like every local endpoint: loopback. H2 reads the setting
        // when its classes load, so it is set before the first connection (an explicit -Dh2.bindAddress wins).
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }

    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
    private static Path openInThisJvm;

    private final Path directory;
    private final ActorSystem system;
    private final SQSRestServer server;
    private final int port;
    private boolean closed;

    private QueueServer(Path directory, ActorSystem system, SQSRestServer server, int port) {
        this.directory = directory;
        this.system = system;
        this.server = server;
        this.port = port;
    }

    /**
     * @param port      port to bind on 127.0.0.1, 0 for any free port
     * @param visibleAs the endpoint clients reach the queues through (it appears in queue URLs), or
     *                  null when that is this server itself
     */
    static QueueServer start(Path directory, int port, URI visibleAs) {
        claim(directory);
        ActorSystem system = null;
        try {
            String url = jdbcUrl(directory);
            open(url, directory);
            // set (or reset, after another data dir) the pool ElasticMQ's persistence actor uses
            ConnectionPool$ pools = ConnectionPool$.MODULE$;
            pools.singleton(url, "", "", pools.singleton$default$4(), pools.DEFAULT_CONNECTION_POOL_FACTORY());
            system = ActorSystem.create("sensor-etl-sqs");
            SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", url, "", "", false);
            ActorRef store = system.actorOf(Props.create(SqlQueuePersistenceActor.class,
                    () -> new SqlQueuePersistenceActor(config, scala.collection.immutable.List$.MODULE$.empty())));
            ActorRef queues = system.actorOf(Props.create(QueueManagerActor.class,
                    () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, scala.Option.apply(store))));
            restore(store, queues, directory);
            var builder = SQSRestServerBuilder.withActorSystem(system).withQueueManagerActor(queues)
                    .withInterface("127.0.0.1").withPort(port);
            if (visibleAs != null) {
                builder = builder.withServerAddress(new NodeAddress("http", "127.0.0.1", visibleAs.getPort(), ""));
            }
            SQSRestServer server = builder.start();
            int bound = server.waitUntilStarted().localAddress().getPort();
            return new QueueServer(directory, system, server, bound);
        } catch (RuntimeException e) {
            if (system != null) {
                terminate(system);
            }
            release(directory);
            throw e;
        }
    }

    int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stopAndWait();
        } finally {
            terminate(system);
            release(directory);
        }
    }

    /**
     * WRITE_DELAY=0: a commit is written to the file before the statement returns (H2's default waits
     * up to 500 ms, which a killed process would lose). AUTO_SERVER: shared between processes, see above.
     */
    private static String jdbcUrl(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("queues") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /** Opens the database once ourselves: its errors are clearer than a persistence actor that fails to start. */
    private static void open(String url, Path directory) {
        try {
            Files.createDirectories(directory);
            try (Connection c = DriverManager.getConnection(url, "", "")) {
                c.isValid(5);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot open the local queue state in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void restore(ActorRef store, ActorRef queues, Path directory) {
        Object reply;
        try {
            reply = Patterns.ask(store, new QueueEvent.Restore(queues), RESTORE_TIMEOUT).toCompletableFuture()
                    .get(RESTORE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the local queues from " + directory, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot load the local queues from " + directory + " within "
                    + RESTORE_TIMEOUT.toSeconds() + " s: " + e, e);
        }
        if (reply instanceof scala.util.Either<?, ?> either && either.isLeft()) {
            throw new IllegalStateException("cannot load the local queues from " + directory + ": " + either.swap().toOption().get());
        }
    }

    private static void terminate(ActorSystem system) {
        try {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the JVM ends anyway; the database was written on every change
        }
    }

    private static synchronized void claim(Path directory) {
        if (openInThisJvm != null) {
            throw new IllegalStateException("the local queue state of " + openInThisJvm + " is already open in this process;"
                    + " ElasticMQ's SQL persistence keeps one connection pool per JVM, so " + directory
                    + " cannot be opened beside it (close the other LocalServices first)");
        }
        openInThisJvm = directory;
    }

    private static synchronized void release(Path directory) {
        if (directory.equals(openInThisJvm)) {
            ConnectionPool$.MODULE$.close(ConnectionPool$.MODULE$.DEFAULT_NAME());
            openInThisJvm = null;
        }
    }
}
