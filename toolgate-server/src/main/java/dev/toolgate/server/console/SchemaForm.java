package dev.toolgate.server.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The test panel's arguments form, generated from a tool's parameters JSON Schema: one input per top-level property
 * (text, number, a choice for an {@code enum} or a boolean, JSON for objects and arrays), and the arguments object
 * read back from the submitted inputs. Values are converted by the property's type where they can be and otherwise
 * sent as typed, so the gateway's argument validation reports them exactly as it would for the model.
 */
public final class SchemaForm {

    /** The prefix of each input's request parameter name: {@code arg.city}. */
    static final String PREFIX = "arg.";

    private SchemaForm() {}

    /**
     * One input.
     *
     * @param name the property name
     * @param kind {@code text}, {@code integer}, {@code number}, {@code boolean}, {@code enum} or {@code json}
     * @param required whether the schema requires it
     * @param description the property's description, or null
     * @param options the choices of an {@code enum}, else empty
     * @param value the value to show, as text
     */
    public record Input(
            String name, String kind, boolean required, String description, List<String> options, String value) {

        /** Returns the request parameter name of this input. */
        public String param() {
            return PREFIX + name;
        }
    }

    /**
     * Returns the inputs for {@code parameters}, filled from {@code arguments} (null: empty).
     *
     * @param parameters the tool's parameters schema
     * @param arguments arguments to show, e.g. of a logged invocation, or null
     */
    static List<Input> inputs(JsonNode parameters, JsonNode arguments) {
        List<Input> inputs = new ArrayList<>();
        JsonNode properties = parameters == null ? null : parameters.get("properties");
        if (properties == null || !properties.isObject()) {
            return inputs;
        }
        Set<String> required = new HashSet<>();
        JsonNode requiredList = parameters.get("required");
        if (requiredList != null && requiredList.isArray()) {
            requiredList.forEach(name -> required.add(name.asString("")));
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode schema = property.getValue();
            String kind = kind(schema);
            List<String> options = new ArrayList<>();
            if (kind.equals("enum")) {
                schema.get("enum")
                        .forEach(option -> options.add(option.isString() ? option.asString() : option.toString()));
            }
            JsonNode given = arguments == null ? null : arguments.get(property.getKey());
            String value =
                    given == null || given.isNull() ? "" : given.isString() ? given.asString() : given.toString();
            JsonNode description = schema.get("description");
            inputs.add(new Input(
                    property.getKey(),
                    kind,
                    required.contains(property.getKey()),
                    description != null && description.isString() ? description.asString() : null,
                    options,
                    value));
        }
        return inputs;
    }

    /**
     * Reads the arguments object from submitted inputs.
     *
     * @param inputs the form's inputs (for their kinds)
     * @param params the request parameters
     */
    static ObjectNode arguments(List<Input> inputs, Map<String, String> params) {
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        for (Input input : inputs) {
            String text = params.get(input.param());
            if (text == null || text.isEmpty()) {
                continue;
            }
            switch (input.kind()) {
                case "integer", "number" -> {
                    try {
                        BigDecimal number = new BigDecimal(text.trim());
                        if (input.kind().equals("integer")
                                && number.stripTrailingZeros().scale() <= 0) {
                            arguments.put(input.name(), number.toBigIntegerExact());
                        } else {
                            arguments.put(input.name(), number);
                        }
                    } catch (NumberFormatException | ArithmeticException e) {
                        arguments.put(input.name(), text);
                    }
                }
                case "boolean" -> arguments.put(input.name(), Boolean.parseBoolean(text));
                case "json" -> {
                    JsonText.Read read = JsonText.read(text);
                    if (read.value() != null) {
                        arguments.set(input.name(), read.value());
                    } else {
                        arguments.put(input.name(), text);
                    }
                }
                default -> arguments.put(input.name(), text);
            }
        }
        return arguments;
    }

    private static String kind(JsonNode schema) {
        if (schema.has("enum") && schema.get("enum").isArray()) {
            return "enum";
        }
        JsonNode type = schema.get("type");
        String name = type != null && type.isString() ? type.asString() : "";
        return switch (name) {
            case "integer" -> "integer";
            case "number" -> "number";
            case "boolean" -> "boolean";
            case "object", "array" -> "json";
            case "string" -> "text";
            default -> type == null ? "text" : "json";
        };
    }
}
