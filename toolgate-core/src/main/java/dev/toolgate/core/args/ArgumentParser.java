package dev.toolgate.core.args;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeType;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the arguments of an LLM tool call into a JSON object. The voice runtime may send them as a JSON
 * object, or, as OpenAI's chat completions do ({@code tool_calls[].function.arguments}), as a string holding
 * JSON text. No arguments at all (Java {@code null}, a missing node, JSON {@code null}, or a blank string)
 * means the empty object {@code {}}; the tool's schema then decides whether that is acceptable.
 *
 * <p>JSON text inside a string is parsed strictly: trailing content and duplicate property names are
 * errors, and decimal numbers keep their exact digits ({@code 1.10} stays {@code 1.10}) so the tenant
 * endpoint receives what the model wrote. Jackson's default stream limits apply to string and number lengths.
 *
 * <p>Limits ({@link ArgumentLimits}): the arguments object may nest at most {@code maxDepth} levels and take
 * at most {@code maxBytes} bytes as compact UTF-8 JSON. Depth is measured without recursion before anything
 * else touches the tree, so arguments nested 100,000 levels deep are an {@code HTTP_TOOL_INVALID_ARGS}, not a
 * {@link StackOverflowError}.
 *
 * <p>Thread-safe; stateless.
 */
public final class ArgumentParser {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ArgumentLimits DEFAULTS = ArgumentLimits.ofDefaults();

    private ArgumentParser() {}

    /**
     * Parses the model's raw arguments under the {@linkplain ArgumentLimits#ofDefaults() default limits}.
     *
     * @see #parse(JsonNode, ArgumentLimits)
     */
    public static ArgumentParseResult parse(JsonNode raw) {
        return parse(raw, DEFAULTS);
    }

    /**
     * Parses the model's raw arguments.
     *
     * @param raw a JSON object, a JSON string holding a JSON object, or null / missing / JSON null / a blank
     *     string for "no arguments"
     * @param limits the size and depth limits
     * @return {@link ArgumentParseResult.Parsed} with a copy of the object (so later changes to {@code raw}
     *     do not leak in), or {@link ArgumentParseResult.Invalid} with an {@code HTTP_TOOL_INVALID_ARGS} error
     *     such as "arguments must be a JSON object; got an array" or "arguments are nested deeper than the
     *     limit of 64 levels" ({@code overLimit} set); never throws for any input
     */
    public static ArgumentParseResult parse(JsonNode raw, ArgumentLimits limits) {
        if (raw == null || raw.isMissingNode() || raw.isNull()) {
            return new ArgumentParseResult.Parsed(MAPPER.createObjectNode());
        }
        if (raw.isString()) {
            return parseText(raw.stringValue(), limits);
        }
        return asObject(raw, "", limits);
    }

    private static ArgumentParseResult parseText(String text, ArgumentLimits limits) {
        if (text.isBlank()) {
            return new ArgumentParseResult.Parsed(MAPPER.createObjectNode());
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            // Jackson's own nesting limit (500) is above every allowed maxDepth: the text is too deep
            if (e.getMessage() != null && e.getMessage().contains("nesting depth")) {
                return tooDeep(limits);
            }
            return invalid("arguments are not valid JSON: " + e.getOriginalMessage());
        } catch (JacksonException e) {
            return invalid("arguments are not valid JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            // Jackson reports a decimal it cannot hold as a BigDecimal (an exponent past the int range) this way.
            return invalid("arguments are not valid JSON: a number is too large to represent exactly");
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new ArgumentParseResult.Parsed(MAPPER.createObjectNode());
        }
        return asObject(node, "the arguments string holds JSON that ", limits);
    }

    private static ArgumentParseResult asObject(JsonNode node, String context, ArgumentLimits limits) {
        if (node instanceof ObjectNode object) {
            if (JsonMeasure.deeperThan(object, limits.maxDepth())) {
                return tooDeep(limits);
            }
            long bytes = JsonMeasure.serializedBytes(object);
            if (bytes > limits.maxBytes()) {
                return new ArgumentParseResult.Invalid(
                        ToolError.of(
                                ErrorCode.HTTP_TOOL_INVALID_ARGS,
                                "arguments take " + bytes + " bytes as JSON, more than the limit of "
                                        + limits.maxBytes() + " bytes; nothing was sent"),
                        true);
            }
            return new ArgumentParseResult.Parsed(object.deepCopy());
        }
        String message = context.isEmpty()
                ? "arguments must be a JSON object; got " + describe(node.getNodeType())
                : "arguments must be a JSON object; " + context + "is " + describe(node.getNodeType());
        return invalid(message);
    }

    private static String describe(JsonNodeType type) {
        return switch (type) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case BINARY -> "binary data";
            case POJO -> "a Java object";
            case NULL -> "null";
            case MISSING -> "nothing";
            case OBJECT -> "an object";
        };
    }

    private static ArgumentParseResult tooDeep(ArgumentLimits limits) {
        return new ArgumentParseResult.Invalid(
                ToolError.of(
                        ErrorCode.HTTP_TOOL_INVALID_ARGS,
                        "arguments are nested deeper than the limit of " + limits.maxDepth()
                                + " levels of objects and arrays; nothing was sent"),
                true);
    }

    private static ArgumentParseResult invalid(String message) {
        return new ArgumentParseResult.Invalid(ToolError.of(ErrorCode.HTTP_TOOL_INVALID_ARGS, message));
    }
}
