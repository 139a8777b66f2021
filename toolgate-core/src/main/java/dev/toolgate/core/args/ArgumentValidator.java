package dev.toolgate.core.args;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Checks a tool call's arguments against the tool's {@code parameters} JSON Schema, with networknt's
 * json-schema-validator. Compile once per tool with {@link #compile(JsonNode)}, then call
 * {@link #validate(JsonNode)} for every invocation; an instance is immutable and thread-safe.
 *
 * <p>Dialect: JSON Schema 2020-12 unless the schema names another with {@code $schema}; drafts 4, 6, 7,
 * 2019-09 and 2020-12 are known, any other {@code $schema} is refused. {@code format} is an assertion
 * (a {@code "format": "date"} property rejects {@code "2024-13-45"}), as in the BFCL data the tests use;
 * 2020-12 alone would only annotate.
 *
 * <p>Security: compiling never touches the network or the file system. Only the built-in meta-schemas
 * of the known drafts (shipped inside the networknt jar) can be loaded; a {@code $ref} or {@code $id} to
 * any other absolute location ({@code https:}, {@code file:}, {@code classpath:}, ...) fails compilation
 * instead of being fetched. References inside the schema ({@code #/$defs/...}) work as usual. Every
 * reference is resolved at compile time, so a broken one is reported when the tool is saved.
 *
 * <p>Regular expressions ({@code pattern}, {@code patternProperties}, {@code "format": "regex"}) run on
 * RE2/J through {@link LinearRegex}: matching takes time linear in the input, and with
 * {@link #validate(JsonNode, long)} stops at the call's deadline. A pattern RE2 cannot compile (lookaround,
 * backreferences) fails compilation.
 */
public final class ArgumentValidator {

    /**
     * The most violations spelled out in one error message. Real calls have a handful; the cap only stops a
     * runaway call (thousands of stray properties) from flooding the model's context.
     */
    private static final int MAX_VIOLATIONS_LISTED = 50;

    /** The most enum values quoted in one violation message before "…". */
    private static final int MAX_ENUM_VALUES_SHOWN = 25;

    /*
     * Meta-schema ids networknt maps to copies inside its own jar (MetaSchemaIdResolver); nothing else may
     * be loaded. The registry has no IriResourceLoader (networknt 3 only adds one on fetchRemoteResources()),
     * so even an allowed id that is not bundled fails instead of being fetched.
     */
    private static final Predicate<AbsoluteIri> BUNDLED_META_SCHEMAS = iri -> {
        String id = iri.toString();
        return id.startsWith("https://json-schema.org/draft/") || id.startsWith("http://json-schema.org/draft-0");
    };

    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .regularExpressionFactory(LinearRegex.INSTANCE)
            .build();

    private final Schema schema;

    private ArgumentValidator(Schema schema) {
        this.schema = schema;
    }

    /**
     * Compiles a tool's parameters schema.
     *
     * @param parametersSchema a JSON Schema (an object, or a boolean schema)
     * @return a reusable, thread-safe validator
     * @throws IllegalArgumentException if the schema cannot be compiled: an unknown {@code $schema}
     *     dialect, a reference that cannot be resolved or points outside the schema, a pattern RE2 cannot
     *     compile ({@link LinearRegex#problem(String)}), or a malformed keyword; the message says which (it
     *     never contains fetched content)
     */
    public static ArgumentValidator compile(JsonNode parametersSchema) {
        Objects.requireNonNull(parametersSchema, "parametersSchema");
        // One registry per schema: its cache is keyed by $id, and tenants must not see each other's $ids.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(CONFIG)
                        .dialectRegistry(new BasicDialectRegistry(List.of(
                                Dialects.getDraft4(),
                                Dialects.getDraft6(),
                                Dialects.getDraft7(),
                                Dialects.getDraft201909(),
                                Dialects.getDraft202012())))
                        .schemaLoader(loader -> loader.allow(BUNDLED_META_SCHEMAS)));
        try {
            Schema schema = registry.getSchema(parametersSchema);
            schema.initializeValidators();
            return new ArgumentValidator(schema);
        } catch (RuntimeException e) { // SchemaException, or a networknt fault on a malformed keyword
            throw new IllegalArgumentException("invalid parameters schema: " + e.getMessage(), e);
        }
    }

    /**
     * Validates arguments, collecting every violation (validation does not stop at the first).
     *
     * @param arguments the parsed arguments, normally an object from {@link ArgumentParser}
     * @return the violations in schema order; empty when the arguments are valid
     */
    public List<ArgumentViolation> validate(JsonNode arguments) {
        Objects.requireNonNull(arguments, "arguments");
        return violations(schema.validate(arguments));
    }

    /**
     * Validates arguments like {@link #validate(JsonNode)}, but a regular expression still matching at
     * {@code deadlineNanos} stops the validation.
     *
     * @param arguments the parsed arguments
     * @param deadlineNanos the call's deadline on the {@link System#nanoTime()} scale
     * @return the violations in schema order; empty when the arguments are valid
     * @throws ValidationDeadlineException if the deadline passed while a pattern was matching
     */
    public List<ArgumentViolation> validate(JsonNode arguments, long deadlineNanos) {
        Objects.requireNonNull(arguments, "arguments");
        return violations(LinearRegex.withDeadline(deadlineNanos, () -> schema.validate(arguments)));
    }

    private static List<ArgumentViolation> violations(List<Error> errors) {
        List<ArgumentViolation> violations = new ArrayList<>(errors.size());
        for (Error error : errors) {
            violations.add(toViolation(error));
        }
        return List.copyOf(violations);
    }

    /**
     * Describes violations as one {@code HTTP_TOOL_INVALID_ARGS} error whose message lists every violation
     * with its path, for example {@code arguments do not match the tool's parameters: /method: must be one of
     * ["FASTEST", "SHORTEST"]; /date: required property is missing}. Past 50 violations the rest are counted
     * ({@code … and 12 more violations}) rather than listed.
     *
     * @param violations the non-empty result of {@link #validate(JsonNode)}
     * @return the error, with the code's default hint
     * @throws IllegalArgumentException if {@code violations} is empty
     */
    public ToolError toError(List<ArgumentViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violations to report");
        }
        StringJoiner message = new StringJoiner("; ", "arguments do not match the tool's parameters: ", "");
        int listed = Math.min(violations.size(), MAX_VIOLATIONS_LISTED);
        for (ArgumentViolation violation : violations.subList(0, listed)) {
            message.add(violation.describe());
        }
        if (violations.size() > listed) {
            message.add("… and " + (violations.size() - listed) + " more violations");
        }
        return ToolError.of(ErrorCode.HTTP_TOOL_INVALID_ARGS, message.toString());
    }

    private static ArgumentViolation toViolation(Error error) {
        String keyword = error.getKeyword() == null ? "schema" : error.getKeyword();
        NodePath location = error.getInstanceLocation();
        return switch (keyword) {
            case "required" ->
                new ArgumentViolation(child(location, error.getProperty()), keyword, "required property is missing");
            case "additionalProperties", "unevaluatedProperties" ->
                new ArgumentViolation(
                        child(location, error.getProperty()),
                        keyword,
                        "property is not allowed by the tool's parameters");
            case "enum" -> new ArgumentViolation(location.toString(), keyword, "must be one of " + enumValues(error));
            case "type" -> new ArgumentViolation(location.toString(), keyword, typeMessage(error));
            default -> new ArgumentViolation(location.toString(), keyword, error.getMessage());
        };
    }

    /** The pointer to {@code property} under {@code parent}; NodePath escapes '~' and '/' (RFC 6901 §3). */
    private static String child(NodePath parent, String property) {
        return property == null ? parent.toString() : parent.append(property).toString();
    }

    private static String enumValues(Error error) {
        JsonNode values = error.getSchemaNode();
        if (values == null || !values.isArray()) {
            return String.valueOf(error.getArguments().length > 0 ? error.getArguments()[0] : "[]");
        }
        StringJoiner list = new StringJoiner(", ", "[", "]");
        int shown = 0;
        for (JsonNode value : values) {
            if (shown == MAX_ENUM_VALUES_SHOWN) {
                list.add("… (" + (values.size() - shown) + " more)");
                break;
            }
            list.add(value.toString());
            shown++;
        }
        return list.toString();
    }

    private static String typeMessage(Error error) {
        Object[] arguments = error.getArguments();
        if (arguments != null && arguments.length >= 2) {
            return "expected type " + arguments[1] + ", got " + arguments[0];
        }
        return error.getMessage();
    }
}
