package io.sensoretl.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sensoretl.lambda.LambdaFunction;

/** Wraps a function as it is bound to the engine: progress reporting, or fault injection in tests. */
@FunctionalInterface
public interface HandlerDecorator {
    HandlerDecorator NONE = (function, handler) -> handler;

    RequestStreamHandler decorate(LambdaFunction function, RequestStreamHandler handler);

    default HandlerDecorator andThen(HandlerDecorator outer) {
        return (function, handler) -> outer.decorate(function, decorate(function, handler));
    }
}
