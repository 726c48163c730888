package io.sensoretl.cost;

import java.util.Locale;

/** Lambda's instruction set architectures. */
public enum Arch {
    X86_64("x86_64"),
    ARM64("arm64");

    private final String id;

    Arch(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Accepts Lambda's names and the JVM's {@code os.arch} names (amd64, aarch64). */
    public static Arch parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "x86_64", "amd64", "x86-64", "x64" -> X86_64;
            case "arm64", "aarch64" -> ARM64;
            default -> throw new CostInputException("unknown architecture '" + value + "' (expected arm64 or x86_64)");
        };
    }
}
