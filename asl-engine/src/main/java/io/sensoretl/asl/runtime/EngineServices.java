package io.sensoretl.asl.runtime;

import io.sensoretl.asl.intrinsics.IntrinsicFunctions;
import io.sensoretl.asl.jsonata.JsonataEvaluator;
import io.sensoretl.asl.services.ObjectStore;
import io.sensoretl.asl.task.TaskResources;
import io.sensoretl.asl.task.TaskTokens;
import io.sensoretl.asl.time.TimeSource;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the engine gets injected: time, randomness, concurrency, task resources and the object store; and the
 * task tokens its callback tasks wait on.
 */
public record EngineServices(TimeSource time, RandomGenerator random, ExecutorService executor,
                            TaskResources resources, ObjectStore objects, IntrinsicFunctions intrinsics,
                            JsonataEvaluator jsonata, Supplier<String> uuids, TaskTokens tokens) {}
