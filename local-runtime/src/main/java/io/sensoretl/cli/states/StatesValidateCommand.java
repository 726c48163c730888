package io.sensoretl.cli.states;

import io.sensoretl.asl.validation.DefinitionValidator;
import io.sensoretl.asl.validation.Problem;
import io.sensoretl.cli.JsonOutput;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `states validate`: reports every problem of a definition with the JSON pointer of its culprit. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a definition; prints one line per problem (JSON pointer: message).")
final class StatesValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<definition>", description = "ASL definition file (JSON).")
    Path definition;

    @Option(names = "--json", description = "Print {schemaVersion, definition, valid, problems: [{pointer, message}]} (docs/asl-engine.md).")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Problem> problems = DefinitionValidator.validate(CliFiles.readJsonFile(definition, "definition"));
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("definition", definition.toString());
            doc.put("valid", problems.isEmpty());
            doc.put("problems", problems.stream().map(p -> Map.of("pointer", p.pointer(), "message", p.message())).toList());
            spec.commandLine().getOut().println(JsonOutput.document(doc));
            return problems.isEmpty() ? 0 : 1;
        }
        if (problems.isEmpty()) {
            spec.commandLine().getOut().println(definition + ": valid");
            return 0;
        }
        for (Problem p : problems) {
            spec.commandLine().getOut().println(definition + "#" + p.pointer() + ": " + p.message());
        }
        spec.commandLine().getErr().println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
        return 1;
    }
}
