package io.sensoretl.lambda;

import org.crac.Core;
import org.crac.Resource;

/**
 * Registers a function's SnapStart priming with the JVM's CRaC context (a no-op registry on JVMs
 * without CRaC). The priming class is found by name from the function's registry entry
 * ({@link LambdaFunction#primingClass()}): primings depend on their handlers, never the reverse. The
 * deployment jar keeps the class because functions/lambda/pom.xml names it as an entry point of the
 * jar pruner (checked by {@code LambdaFunctionTest}).
 */
final class SnapStart {
    private SnapStart() {}

    /** The registered priming; the CRaC context holds resources weakly, so the handler must keep it. */
    static Resource register(LambdaFunction function) {
        Resource priming;
        try {
            priming = (Resource) Class.forName(function.primingClass()).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot create " + function.primingClass() + ", the SnapStart priming of "
                    + function.functionName() + ": " + e, e);
        }
        Core.getGlobalContext().register(priming);
        return priming;
    }
}
