package io.sensoretl.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/** Wraps a function as it is bound to the engine: progress reporting, or fault injection in tests. */
@FunctionalInterface
public interface HandlerDecorator {
    HandlerDecorator NONE = (substitution, handler) -> handler;

    RequestStreamHandler decorate(String substitution, RequestStreamHandler handler);

    default HandlerDecorator andThen(HandlerDecorator outer) {
        return (substitution, handler) -> outer.decorate(substitution, decorate(substitution, handler));
    }
}
