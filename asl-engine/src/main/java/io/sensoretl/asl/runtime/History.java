package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.time.TimeSource;
import java.util.ArrayList;
import java.util.List;

/** The event log of one execution; appended to concurrently by Map iterations and Parallel branches. */
public final class History {
    private final TimeSource time;
    private final List<HistoryEvent> events = new ArrayList<>();
    private boolean closed;

    public History(TimeSource time) {
        this.time = time;
    }

    /** Appends and returns the new event id; previous is the id of the event that led to this one (0 for none). */
    public synchronized long add(String type, long previous, JsonNode details) {
        if (closed) {
            // a stopped execution's history ends with ExecutionAborted, as on AWS; late work records nothing
            return events.size();
        }
        long id = events.size() + 1L;
        events.add(new HistoryEvent(id, previous, time.now(), type, details));
        return id;
    }

    /** Appends a last event; nothing is recorded after it. */
    public synchronized long close(String type, JsonNode details) {
        long id = add(type, events.size(), details);
        closed = true;
        return id;
    }

    public synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    public synchronized long lastId() {
        return events.size();
    }
}
