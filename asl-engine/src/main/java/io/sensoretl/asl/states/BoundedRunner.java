package io.sensoretl.asl.states;

import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.time.TimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;

/**
 * Runs branch/iteration work on the injected executor with at most maxConcurrency in flight
 * (0 = unbounded). The waiting thread runs not-yet-started work itself, so nested Maps on a small
 * bounded pool cannot deadlock.
 */
final class BoundedRunner {
    private BoundedRunner() {}

    public static <T> List<T> runAll(ExecutorService executor, TimeSource time, List<Callable<T>> work,
                                     int maxConcurrency) {
        Instant start = time.now();
        List<Instant> ends = java.util.Collections.synchronizedList(new ArrayList<>());
        List<FutureTask<T>> tasks = new ArrayList<>();
        for (Callable<T> c : work) {
            tasks.add(new FutureTask<>(() -> time.runFrom(start, () -> {
                try {
                    return c.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    ends.add(time.now());
                }
            })));
        }
        try {
            return runTasks(executor, tasks, maxConcurrency);
        } finally {
            synchronized (ends) {
                ends.stream().max(Instant::compareTo).ifPresent(time::advanceTo);
            }
        }
    }

    private static <T> List<T> runTasks(ExecutorService executor, List<FutureTask<T>> tasks, int maxConcurrency) {
        int window = maxConcurrency <= 0 ? tasks.size() : maxConcurrency;
        int submitted = 0;
        for (int i = 0; i < tasks.size(); i++) {
            while (submitted < tasks.size() && submitted < i + window) {
                FutureTask<T> t = tasks.get(submitted++);
                if (executor == null || window == 1) {
                    continue;
                }
                executor.execute(t);
            }
            FutureTask<T> current = tasks.get(i);
            current.run();
            try {
                current.get();
            } catch (ExecutionException e) {
                cancelRest(tasks, i);
                throw unwrap(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        List<T> out = new ArrayList<>();
        for (FutureTask<T> t : tasks) {
            try {
                out.add(t.get());
            } catch (ExecutionException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static <T> void cancelRest(List<FutureTask<T>> tasks, int from) {
        for (int j = from + 1; j < tasks.size(); j++) {
            tasks.get(j).cancel(false);
        }
    }

    private static RuntimeException unwrap(ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof FailureException f) {
            return f;
        }
        if (c instanceof RuntimeException r) {
            return r;
        }
        return new IllegalStateException(c);
    }
}
