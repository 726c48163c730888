package io.sensoretl.stepfunctions;

/** Step Functions ARNs: built from the service's region and account, and taken apart with errors AWS gives. */
record Arns(String partition, String region, String account) {

    String stateMachine(String name) {
        return prefix() + "stateMachine:" + name;
    }

    String execution(String machine, String name) {
        return prefix() + "execution:" + machine + ":" + name;
    }

    private String prefix() {
        return "arn:" + partition + ":states:" + region + ":" + account + ":";
    }

    /** The state machine name (and the {@code #TestCase} suffix, if any) of a state machine ARN. */
    static String[] stateMachineName(String arn, String field) {
        String[] parts = split(arn, field, "stateMachine", 7);
        String name = parts[6];
        int hash = name.indexOf('#');
        return hash < 0 ? new String[] {name, null} : new String[] {name.substring(0, hash), name.substring(hash + 1)};
    }

    /** {machine, execution name} of an execution ARN. */
    static String[] executionName(String arn, String field) {
        String[] parts = split(arn, field, "execution", 8);
        return new String[] {parts[6], parts[7]};
    }

    /**
     * {parent state machine, Map Run label, run id} of a Map Run ARN
     * ({@code arn:<partition>:states:<region>:<account>:mapRun:<machine>/<label>:<id>}).
     */
    static String[] mapRun(String arn, String field) {
        String[] parts = split(arn, field, "mapRun", 8);
        int slash = parts[6].indexOf('/');
        if (slash <= 0 || slash == parts[6].length() - 1) {
            throw SfnException.of("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn
                    + "' (" + field + " must be arn:<partition>:states:<region>:<account>:mapRun:<stateMachine>/<label>:<id>)");
        }
        return new String[] {parts[6].substring(0, slash), parts[6].substring(slash + 1), parts[7]};
    }

    /** The state machine ARN of a Map Run's child executions: {@code ...:stateMachine:<machine>/<label>}. */
    static String mapRunStateMachine(String mapRunArn) {
        String withoutId = mapRunArn.substring(0, mapRunArn.lastIndexOf(':'));
        return withoutId.replace(":mapRun:", ":stateMachine:");
    }

    private static String[] split(String arn, String field, String resource, int count) {
        if (arn == null) {
            throw SfnException.validation("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        String[] parts = arn.split(":", -1);
        if (parts.length != count || !parts[0].equals("arn") || !parts[2].equals("states") || !parts[5].equals(resource)
                || parts[6].isEmpty() || parts[count - 1].isEmpty()) {
            throw SfnException.of("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn
                    + "' (" + field + " must be arn:<partition>:states:<region>:<account>:" + resource + ":...)");
        }
        return parts;
    }
}
