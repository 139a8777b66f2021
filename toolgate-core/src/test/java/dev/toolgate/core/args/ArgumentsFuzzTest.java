package dev.toolgate.core.args;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Fuzz tests of argument parsing and validation (docs/fuzzing.md): the model's raw arguments, and tenant
 * parameter schemas, come from the fuzz input.
 *
 * <p>Invariants: {@link ArgumentParser#parse} never throws and yields an object or an
 * {@code HTTP_TOOL_INVALID_ARGS} error; {@link ArgumentValidator#compile} throws nothing but
 * {@link IllegalArgumentException}; {@link ArgumentValidator#validate} never throws, and a non-empty result
 * becomes one {@code HTTP_TOOL_INVALID_ARGS} error.
 */
class ArgumentsFuzzTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final ArgumentValidator ROUTE = ArgumentValidator.compile(MAPPER.readTree("""
            {"type": "object",
             "properties": {
               "origin": {"type": "string", "minLength": 1, "maxLength": 80},
               "method": {"type": "string", "enum": ["FASTEST", "SHORTEST", "SCENIC"]},
               "date": {"type": "string", "format": "date"},
               "email": {"type": "string", "format": "email"},
               "stops": {"type": "array", "items": {"type": "integer", "minimum": 0}, "maxItems": 5},
               "options": {"type": "object", "properties": {"avoid_tolls": {"type": "boolean"}},
                           "required": ["avoid_tolls"], "additionalProperties": false},
               "price": {"type": "number", "multipleOf": 0.01, "exclusiveMaximum": 1e6}
             },
             "required": ["origin"]}
            """));

    /** The raw bytes, read as UTF-8, are the arguments string a model sent: seeds are plain text files. */
    @FuzzTest(maxDuration = "2m")
    void parsesAndValidatesAnyArgumentsString(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);

        ArgumentParseResult result = ArgumentParser.parse(StringNode.valueOf(text));

        switch (result) {
            case ArgumentParseResult.Invalid invalid -> {
                assertThat(invalid.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
                assertThat(invalid.error().message()).isNotBlank();
            }
            case ArgumentParseResult.Parsed parsed -> {
                assertThat(parsed.arguments().isObject()).isTrue();
                assertValidates(ROUTE, parsed.arguments());
            }
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JacksonException e) {
            return;
        }
        ArgumentParseResult fromTree = ArgumentParser.parse(tree);
        if (fromTree instanceof ArgumentParseResult.Parsed parsed) {
            assertValidates(ROUTE, parsed.arguments());
        }
    }

    /** A tenant's schema and a model's arguments, both from the input. */
    @FuzzTest(maxDuration = "2m")
    void compilesAnySchemaOrRefusesItCleanly(FuzzedDataProvider data) {
        String schemaText = data.consumeString(2_000);
        String argumentsText = data.consumeRemainingAsString();
        JsonNode schema;
        try {
            schema = MAPPER.readTree(schemaText);
        } catch (JacksonException e) {
            return;
        }
        if (schema == null) {
            return;
        }
        ArgumentValidator validator;
        try {
            validator = ArgumentValidator.compile(schema);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        }
        if (ArgumentParser.parse(StringNode.valueOf(argumentsText)) instanceof ArgumentParseResult.Parsed parsed) {
            assertValidates(validator, parsed.arguments());
        }
    }

    private static void assertValidates(ArgumentValidator validator, JsonNode arguments) {
        List<ArgumentViolation> violations = validator.validate(arguments);
        for (ArgumentViolation violation : violations) {
            assertThat(violation.path()).isNotNull();
            assertThat(violation.message()).isNotBlank();
        }
        if (!violations.isEmpty()) {
            ToolError error = validator.toError(violations);
            assertThat(error.code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
            assertThat(error.message()).isNotBlank();
        }
    }
}
