package io.sensoretl.asl.states;

/** StringMatches: '*' matches any run of characters; '\*' and '\\' are literal. */
final class StringMatcher {
    private StringMatcher() {}

    static boolean matches(String text, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return text.matches("(?s)" + regex);
    }
}
