package io.sensoretl.asl.intrinsics;

/** Backslash escapes inside intrinsic string literals: \\, \{, \} and \' stand for the character itself. */
final class StringLiterals {
    private StringLiterals() {}

    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                c = raw.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
