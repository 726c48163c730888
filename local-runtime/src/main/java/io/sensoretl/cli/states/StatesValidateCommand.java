package io.sensoretl.cli.states;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.validation.DefinitionValidator;
import io.sensoretl.asl.validation.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `states validate`: reports every problem of a definition with the JSON pointer of its culprit. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a definition; prints one line per problem (JSON pointer: message), or JSON with --json.")
final class StatesValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<definition>", description = "ASL definition file (JSON)")
    Path definition;

    @Option(names = "--json", description = "Print one JSON object: definition, valid, problems [{pointer, message}]")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Problem> problems = DefinitionValidator.validate(CliFiles.readJsonFile(definition, "definition"));
        if (json) {
            ObjectNode o = Json.object();
            o.put("definition", definition.toString());
            o.put("valid", problems.isEmpty());
            ArrayNode list = o.putArray("problems");
            problems.forEach(p -> list.addObject().put("pointer", p.pointer()).put("message", p.message()));
            spec.commandLine().getOut().println(Json.write(o));
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
