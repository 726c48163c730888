package io.sensoretl.deploy.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation/SAM template written in YAML into the JSON form CloudFormation itself sees:
 * the short-form intrinsics ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, ...) become their long forms
 * ({@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}, {@code {"Fn::GetAtt": [resource, attribute]}}).
 */
public final class CfnYaml {
    /** Short-form tags and the long-form key each stands for. */
    static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("!Ref", "Ref"),
            Map.entry("!Condition", "Condition"),
            Map.entry("!GetAtt", "Fn::GetAtt"),
            Map.entry("!Sub", "Fn::Sub"),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!If", "Fn::If"),
            Map.entry("!Not", "Fn::Not"),
            Map.entry("!Equals", "Fn::Equals"),
            Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!Transform", "Fn::Transform"),
            Map.entry("!ToJsonString", "Fn::ToJsonString"),
            Map.entry("!Length", "Fn::Length"));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CfnYaml() {}

    public static JsonNode read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /** @param source names the text in error messages (a file name) */
    public static JsonNode parse(String yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object tree;
        try {
            tree = new Yaml(new IntrinsicConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + ": not a valid YAML template: " + e.getMessage(), e);
        }
        if (!(tree instanceof Map)) {
            throw new IllegalArgumentException(source + ": a template is a YAML mapping, found "
                    + (tree == null ? "an empty document" : tree.getClass().getSimpleName()));
        }
        return MAPPER.valueToTree(tree);
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            TAGS.forEach((tag, longForm) -> yamlConstructors.put(new Tag(tag), new LongForm(longForm)));
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    // !GetAtt Resource.Attribute.Path -> ["Resource", "Attribute.Path"]
                    value = key.equals("Fn::GetAtt") ? splitGetAtt(text, node) : text;
                } else if (node instanceof SequenceNode sequence) {
                    value = new ArrayList<>(constructSequence(sequence));
                } else {
                    value = new LinkedHashMap<>(constructMapping((MappingNode) node));
                }
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(key, value);
                return longForm;
            }
        }

        private static List<String> splitGetAtt(String text, Node node) {
            int dot = text.indexOf('.');
            if (dot < 1 || dot == text.length() - 1) {
                throw new YAMLException("!GetAtt expects Resource.Attribute, found '" + text + "' at " + node.getStartMark());
            }
            return List.of(text.substring(0, dot), text.substring(dot + 1));
        }
    }
}
