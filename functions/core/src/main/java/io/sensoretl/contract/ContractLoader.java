package io.sensoretl.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads an ingest contract from YAML or JSON (JSON is YAML) and checks it completely: a contract
 * with an error never reaches the decoder, and the error lists every bad entry with its path.
 */
public final class ContractLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The contract for the bundled sample dump and the generator's output. */
    public static final String DEFAULT_RESOURCE = "contracts/default.yaml";

    private ContractLoader() {}

    public static Contract load(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("contract " + file + " is a directory; expected one contract file (YAML or JSON)");
        }
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract " + file + ": " + e.getMessage(), e);
        }
    }

    /** The default contract shipped inside the functions jar. */
    public static Contract defaultContract() {
        return classpath(DEFAULT_RESOURCE);
    }

    public static Contract classpath(String resource) {
        try (InputStream in = ContractLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract resource " + resource + " on the classpath");
            }
            return parse(in.readAllBytes(), "classpath:" + resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Contract parse(byte[] text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ContractException(source, List.of(new ContractProblem("",
                    "not valid YAML/JSON" + where + ": " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ContractProblem> problems = new ArrayList<>();
        Contract contract = new ContractParser(new Cursor(root, "", problems)).contract();
        if (!problems.isEmpty()) {
            throw new ContractException(source, problems);
        }
        return contract;
    }
}
