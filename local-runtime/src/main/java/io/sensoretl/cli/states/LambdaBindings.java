package io.sensoretl.cli.states;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sensoretl.asl.services.LambdaFunctions;
import io.sensoretl.cli.UserError;
import java.util.List;

/** `--lambda name=com.example.Handler`: binds function names to handler classes on the classpath. */
final class LambdaBindings {
    private LambdaBindings() {}

    static void register(List<String> bindings, LambdaFunctions functions) {
        for (String binding : bindings) {
            int eq = binding.indexOf('=');
            if (eq <= 0 || eq == binding.length() - 1) {
                throw new UserError("--lambda expects name=fully.qualified.HandlerClass, got '" + binding + "'");
            }
            String name = binding.substring(0, eq);
            String className = binding.substring(eq + 1);
            Object handler;
            try {
                handler = Class.forName(className).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new UserError("--lambda " + name + ": cannot instantiate " + className + " (" + e + ")");
            }
            if (handler instanceof RequestStreamHandler s) {
                functions.register(name, s);
            } else if (handler instanceof RequestHandler<?, ?> h) {
                functions.register(name, h);
            } else {
                throw new UserError("--lambda " + name + ": " + className
                        + " implements neither RequestHandler nor RequestStreamHandler");
            }
        }
    }
}
