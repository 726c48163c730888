package io.sensoretl.asl.services;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-process Lambda functions by name; ARNs, partial ARNs and qualified names resolve to the same function. */
public final class LambdaFunctions {
    private final Map<String, Object> handlers = new ConcurrentHashMap<>();
    private final String region;
    private final String account;

    public LambdaFunctions(String region, String account) {
        this.region = region;
        this.account = account;
    }

    public LambdaFunctions register(String functionName, RequestHandler<?, ?> handler) {
        handlers.put(nameOf(functionName), handler);
        return this;
    }

    public LambdaFunctions register(String functionName, RequestStreamHandler handler) {
        handlers.put(nameOf(functionName), handler);
        return this;
    }

    public Optional<Object> find(String nameOrArn) {
        return Optional.ofNullable(handlers.get(nameOf(nameOrArn)));
    }

    public String arnOf(String nameOrArn) {
        return arnOf(nameOrArn, region, account);
    }

    /** The unqualified function ARN; bare names resolve in the given region and account. */
    public static String arnOf(String nameOrArn, String region, String account) {
        if (nameOrArn.startsWith("arn:")) {
            String[] p = nameOrArn.split(":");
            return String.join(":", p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
        }
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + nameOf(nameOrArn);
    }

    /** arn:aws:lambda:r:a:function:NAME[:qualifier], a:function:NAME or NAME[:qualifier]. */
    public static String nameOf(String nameOrArn) {
        String[] p = nameOrArn.split(":");
        int fn = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals("function")) {
                fn = i;
            }
        }
        if (fn >= 0 && fn + 1 < p.length) {
            return p[fn + 1];
        }
        return p[0];
    }
}
