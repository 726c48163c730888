package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.time.TimeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The event log of one execution; appended to concurrently by Map iterations and Parallel branches. The event
 * that ends the execution closes it: a thread still working for a stopped execution cannot add to it.
 */
public final class History {
    private final TimeSource time;
    private final List<HistoryEvent> events;
    private boolean closed;

    public History(TimeSource time) {
        this(time, List.of());
    }

    /** A history that goes on from earlier events (a redriven execution keeps its history and event ids). */
    public History(TimeSource time, List<HistoryEvent> earlier) {
        this.time = time;
        this.events = new ArrayList<>(earlier);
    }

    /**
     * Appends and returns the new event id; previous is the id of the event that led to this one (0 for none).
     *
     * @throws ExecutionAborted when the execution has already ended (it was stopped)
     */
    public synchronized long add(String type, long previous, JsonNode details) {
        if (closed) {
            throw new ExecutionAborted();
        }
        long id = events.size() + 1L;
        events.add(new HistoryEvent(id, previous, time.now(), type, details));
        return id;
    }

    /**
     * Appends the event that ends the execution (ExecutionSucceeded, ...Failed, ...TimedOut, ...Aborted) and closes
     * the history; returns -1, adding nothing, when another one already ended it.
     */
    public synchronized long finish(String type, JsonNode details) {
        if (closed) {
            return -1;
        }
        long id = add(type, events.size(), details);
        closed = true;
        return id;
    }

    public synchronized boolean closed() {
        return closed;
    }

    public synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    public synchronized long lastId() {
        return events.size();
    }
}
