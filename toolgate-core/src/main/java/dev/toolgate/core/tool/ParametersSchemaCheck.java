package dev.toolgate.core.tool;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.toolgate.core.args.ArgumentValidator;
import dev.toolgate.core.args.JsonMeasure;
import dev.toolgate.core.args.LinearRegex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks that a tool's {@code parameters} is a usable JSON Schema for function arguments:
 * <ol>
 *   <li>a JSON object whose top-level {@code "type"} is {@code "object"} (function arguments are an object);</li>
 *   <li>valid against its meta-schema: JSON Schema draft 2020-12 by default, draft-07 when {@code $schema}
 *       names it ({@code http://json-schema.org/draft-07/schema#}); any other {@code $schema} is refused;</li>
 *   <li>only local references ({@code "$ref": "#/..."}): remote schemas are never fetched;</li>
 *   <li>within the {@link ToolLimits}: at most {@code maxParametersBytes} as compact JSON, at most
 *       {@code maxParametersDepth} levels deep (both checked first, without recursion), every
 *       {@code description} inside at most {@code maxParameterDescriptionChars} characters;</li>
 *   <li>every {@code pattern} and {@code patternProperties} key runs on the linear-time engine
 *       ({@link LinearRegex}: no lookaround, no backreferences, bounded counted repetition), reported at its own
 *       path, e.g. {@code parameters.properties.zip.pattern};</li>
 *   <li>not recursive: no {@code $ref} leads back into itself, directly or through other definitions
 *       ({@code $defs}, {@code definitions}), and followed references do not make the schema hold more objects
 *       and arrays than {@code maxParametersBytes / 3} (the most a schema within the size limit can hold
 *       written out);</li>
 *   <li>compilable by networknt json-schema-validator exactly as {@link ArgumentValidator} compiles it for
 *       calls.</li>
 * </ol>
 * Only the meta-schemas bundled in networknt are ever loaded; remote fetching is switched off.
 *
 * <p>Thread-safe: one instance may serve all requests.
 */
public final class ParametersSchemaCheck {

    private static final String DRAFT_7_ID = "http://json-schema.org/draft-07/schema";
    private static final String DRAFT_2020_12_ID = "https://json-schema.org/draft/2020-12/schema";

    /** Keywords whose values are data, not schemas: a {@code "$ref"} key inside them is not a reference. */
    private static final Set<String> DATA_KEYWORDS = SchemaWalk.DATA_KEYWORDS;

    private final Schema draft2020MetaSchema;
    private final Schema draft7MetaSchema;
    private final ToolLimits limits;

    /** Checks against the {@linkplain ToolLimits#ofDefaults() default limits}; see {@link #ParametersSchemaCheck(ToolLimits)}. */
    public ParametersSchemaCheck() {
        this(ToolLimits.ofDefaults());
    }

    /**
     * Loads the bundled draft 2020-12 and draft-07 meta-schemas (from networknt's jar, never the network).
     *
     * @param limits the size, depth and description limits of {@code parameters}
     * @throws NullPointerException if {@code limits} is null
     */
    public ParametersSchemaCheck(ToolLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.draft2020MetaSchema =
                registry(SpecificationVersion.DRAFT_2020_12).getSchema(SchemaLocation.of(DRAFT_2020_12_ID));
        this.draft7MetaSchema = registry(SpecificationVersion.DRAFT_7).getSchema(SchemaLocation.of(DRAFT_7_ID + "#"));
        this.draft2020MetaSchema.initializeValidators();
        this.draft7MetaSchema.initializeValidators();
    }

    /**
     * Returns the problems of {@code parameters}, with paths below {@code path} (e.g.
     * {@code parameters.properties.city.type}); empty when it is a usable argument schema.
     *
     * @param parameters the submitted schema; any JSON value
     * @param path the path of the schema in the submission, e.g. {@code parameters}
     */
    public List<FieldError> check(JsonNode parameters, String path) {
        if (!parameters.isObject()) {
            return List.of(new FieldError(
                    path, "must be a JSON Schema object, e.g. {\"type\": \"object\", \"properties\": {}}"));
        }
        if (JsonMeasure.deeperThan(parameters, limits.maxParametersDepth())) {
            return List.of(new FieldError(
                    path,
                    "is nested deeper than the limit of " + limits.maxParametersDepth()
                            + " levels of objects and arrays"));
        }
        long bytes = JsonMeasure.serializedBytes(parameters);
        if (bytes > limits.maxParametersBytes()) {
            return List.of(new FieldError(
                    path,
                    "takes " + bytes + " bytes as JSON, more than the limit of " + limits.maxParametersBytes()
                            + " bytes"));
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode type = parameters.get("type");
        if (type == null || !type.isString() || !type.stringValue().equals("object")) {
            errors.add(new FieldError(path + ".type", "must be \"object\": function arguments are a JSON object"));
        }
        JsonNode dialect = parameters.get("$schema");
        Schema metaSchema;
        String draftName;
        if (dialect == null) {
            metaSchema = draft2020MetaSchema;
            draftName = "draft 2020-12";
        } else if (isDialect(dialect, DRAFT_2020_12_ID)) {
            metaSchema = draft2020MetaSchema;
            draftName = "draft 2020-12";
        } else if (isDialect(dialect, DRAFT_7_ID)) {
            metaSchema = draft7MetaSchema;
            draftName = "draft-07";
        } else {
            errors.add(new FieldError(
                    path + ".$schema", "must be " + DRAFT_2020_12_ID + " (the default) or " + DRAFT_7_ID + "#"));
            return errors;
        }
        Set<String> reported = new LinkedHashSet<>();
        errors.forEach(error -> reported.add(error.field()));
        errors.addAll(metaSchemaErrors(metaSchema, parameters, path, draftName, reported));
        if (errors.isEmpty()) {
            remoteReferences(parameters, path, errors);
        }
        if (errors.isEmpty()) {
            errors.addAll(SchemaWalk.check(
                    parameters, path, limits.maxParameterDescriptionChars(), limits.maxParametersBytes() / 3));
        }
        if (errors.isEmpty()) {
            compile(parameters, path, errors);
        }
        return errors;
    }

    /**
     * One error per instance location not already {@code reported} (a failed {@code anyOf} reports each branch:
     * the first says enough).
     */
    private static List<FieldError> metaSchemaErrors(
            Schema metaSchema, JsonNode parameters, String path, String draftName, Set<String> reported) {
        Set<String> locations = new LinkedHashSet<>(reported);
        List<FieldError> errors = new ArrayList<>();
        for (Error error : metaSchema.validate(parameters)) {
            String location = path + pathOf(error.getInstanceLocation());
            if (locations.add(location)) {
                errors.add(new FieldError(
                        location, "is not valid JSON Schema (" + draftName + "): " + error.getMessage()));
            }
        }
        return errors;
    }

    private static void remoteReferences(JsonNode node, String path, List<FieldError> errors) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                remoteReferences(node.get(i), path + "[" + i + "]", errors);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            String childPath = path + "." + key;
            if (isReferenceKeyword(key)
                    && value.isString()
                    && !value.stringValue().startsWith("#")) {
                errors.add(new FieldError(
                        childPath, "must be a local reference (#/...): remote schemas are never fetched"));
            } else if (!DATA_KEYWORDS.contains(key)) {
                remoteReferences(value, childPath, errors);
            }
        }
    }

    private static boolean isReferenceKeyword(String key) {
        return key.equals("$ref") || key.equals("$dynamicRef") || key.equals("$recursiveRef");
    }

    /**
     * Compiles as calls will ({@link ArgumentValidator#compile}: a fresh registry per schema, so a tenant's
     * {@code $id} never lands in a cache another tenant's schema could resolve against, and RE2/J patterns).
     */
    private static void compile(JsonNode parameters, String path, List<FieldError> errors) {
        try {
            ArgumentValidator.compile(parameters.deepCopy());
        } catch (RuntimeException e) {
            errors.add(new FieldError(path, "is not a usable JSON Schema: " + rootCause(e)));
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null
                ? cause.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }

    private static boolean isDialect(JsonNode dialect, String id) {
        if (!dialect.isString()) {
            return false;
        }
        String value = dialect.stringValue();
        if (value.endsWith("#")) {
            value = value.substring(0, value.length() - 1);
        }
        String bare = id.substring(id.indexOf("://"));
        return value.equals("http" + bare) || value.equals("https" + bare);
    }

    private static String pathOf(NodePath location) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                result.append('[').append(index).append(']');
            } else {
                result.append('.').append(element);
            }
        }
        return result.toString();
    }

    private static SchemaRegistry registry(SpecificationVersion version) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .locale(Locale.ENGLISH)
                .regularExpressionFactory(LinearRegex.INSTANCE)
                .build();
        return SchemaRegistry.withDefaultDialect(
                version,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
    }
}
