package dev.toolgate.core.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The size and depth limits of a call's arguments, at the limit and one past it, in both argument forms. */
class ArgumentLimitsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** An arguments object {@code depth} levels deep: {"a": [[...]]}. */
    private static ObjectNode nested(int depth) {
        ObjectNode root = NODES.objectNode();
        if (depth > 1) {
            var array = root.putArray("a");
            for (int level = 3; level <= depth; level++) {
                array = array.addArray();
            }
        }
        return root;
    }

    /** {@code {"s":"xx…"}} taking exactly {@code bytes} bytes as compact JSON ({"s":""} is 8). */
    private static ObjectNode ofBytes(int bytes) {
        return NODES.objectNode().put("s", "x".repeat(bytes - 8));
    }

    private static ArgumentParseResult.Invalid invalid(ArgumentParseResult result) {
        assertThat(result).isInstanceOf(ArgumentParseResult.Invalid.class);
        ArgumentParseResult.Invalid invalid = (ArgumentParseResult.Invalid) result;
        assertThat(invalid.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        return invalid;
    }

    @Test
    void defaultsAreSixtyFourKibibytesAndSixtyFourLevels() {
        assertThat(ArgumentLimits.ofDefaults()).isEqualTo(new ArgumentLimits(65_536, 64));
        assertThatThrownBy(() -> new ArgumentLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArgumentLimits(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void argumentsAtTheDefaultDepthPassAndOneLevelDeeperFailNamingTheLimit() {
        assertThat(ArgumentParser.parse(nested(64))).isInstanceOf(ArgumentParseResult.Parsed.class);

        ArgumentParseResult.Invalid tooDeep = invalid(ArgumentParser.parse(nested(65)));

        assertThat(tooDeep.error().message()).contains("nested deeper than the limit of 64 levels");
        assertThat(tooDeep.overLimit()).isTrue();
    }

    @Test
    void theDepthLimitHoldsForArgumentsSentAsAJsonString() {
        ArgumentLimits limits = new ArgumentLimits(65_536, 3);

        assertThat(ArgumentParser.parse(NODES.stringNode("{\"a\":[[1]]}"), limits))
                .isInstanceOf(ArgumentParseResult.Parsed.class);
        assertThat(invalid(ArgumentParser.parse(NODES.stringNode("{\"a\":[[[1]]]}"), limits))
                        .error()
                        .message())
                .contains("limit of 3 levels");
    }

    @Test
    void argumentsAtTheDefaultSizePassAndOneByteMoreFailNamingTheLimit() {
        assertThat(ArgumentParser.parse(ofBytes(65_536))).isInstanceOf(ArgumentParseResult.Parsed.class);

        ArgumentParseResult.Invalid tooLarge = invalid(ArgumentParser.parse(ofBytes(65_537)));

        assertThat(tooLarge.error().message()).contains("65537 bytes").contains("limit of 65536 bytes");
        assertThat(tooLarge.overLimit()).isTrue();
    }

    @Test
    void theSizeLimitCountsCompactJsonNotTheWhitespaceOfAString() {
        ArgumentLimits limits = new ArgumentLimits(20, 64);
        String padded = "{  \"s\" :   \"" + "x".repeat(12) + "\"   }"; // 20 bytes compact, more as written

        assertThat(ArgumentParser.parse(NODES.stringNode(padded), limits))
                .isInstanceOf(ArgumentParseResult.Parsed.class);
        assertThat(invalid(ArgumentParser.parse(NODES.stringNode(padded.replace("xx", "xxx")), limits))
                        .overLimit())
                .isTrue();
    }

    @Test
    void argumentsNestedAHundredThousandLevelsAreInvalidNotAStackOverflow() {
        String text = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        JsonNode deepNode = nested(100_000);

        assertThat(invalid(ArgumentParser.parse(NODES.stringNode(text))).error().message())
                .contains("nested deeper than the limit of 64 levels");
        assertThat(invalid(ArgumentParser.parse(deepNode)).error().message())
                .contains("nested deeper than the limit of 64 levels");
    }

    @Test
    void malformedArgumentsAreNotOverTheLimit() {
        assertThat(invalid(ArgumentParser.parse(NODES.stringNode("[1]"))).overLimit())
                .isFalse();
    }
}
