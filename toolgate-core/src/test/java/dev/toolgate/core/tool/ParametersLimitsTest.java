package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.ToolJson.PARSER;
import static dev.toolgate.core.tool.ToolJson.errors;
import static dev.toolgate.core.tool.ToolJson.httpTool;
import static dev.toolgate.core.tool.ToolJson.json;
import static dev.toolgate.core.tool.ToolJson.node;
import static dev.toolgate.core.tool.ToolJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.toolgate.core.args.JsonMeasure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a tenant's {@code parameters} may cost: size, depth, description length, patterns that must run in linear
 * time, and {@code $ref}s that must not recurse or fan out. Each limit at its value and one past it.
 */
class ParametersLimitsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ParametersSchemaCheck check = new ParametersSchemaCheck();

    private List<FieldError> problems(ObjectNode schema) {
        return check.check(schema, "parameters");
    }

    private List<FieldError> problems(String schema) {
        return check.check(node(schema), "parameters");
    }

    /** {"type": "object", "not": {"not": ...}} exactly {@code depth} levels deep. */
    private static ObjectNode deep(int depth) {
        ObjectNode root = NODES.objectNode().put("type", "object");
        ObjectNode level = root;
        for (int i = 2; i <= depth; i++) {
            level = level.putObject("not");
        }
        return root;
    }

    /** A valid schema taking exactly {@code bytes} bytes as compact JSON (padded through its title). */
    private static ObjectNode ofBytes(int bytes) {
        ObjectNode schema = NODES.objectNode().put("type", "object").put("title", "");
        int base = (int) JsonMeasure.serializedBytes(schema);
        return schema.put("title", "x".repeat(bytes - base));
    }

    private static ObjectNode withPattern(String pattern) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.putObject("properties").putObject("zip").put("type", "string").put("pattern", pattern);
        return schema;
    }

    @Test
    void defaultLimitsAreThoseOfTheConfigurationDocs() {
        ToolLimits limits = ToolLimits.ofDefaults();

        assertThat(limits.maxParametersBytes()).isEqualTo(65_536);
        assertThat(limits.maxParametersDepth()).isEqualTo(32);
        assertThat(limits.maxParameterDescriptionChars()).isEqualTo(2_000);
        assertThat(limits.maxToolsPerAgent()).isEqualTo(1_000);
    }

    @Test
    void parametersAtTheDepthLimitPassAndOneLevelDeeperAreRefusedNamingTheLimit() {
        assertThat(problems(deep(32))).isEmpty();

        assertThat(problems(deep(33)))
                .containsExactly(new FieldError(
                        "parameters", "is nested deeper than the limit of 32 levels of objects and arrays"));
    }

    @Test
    void parametersAtTheSizeLimitPassAndOneByteMoreAreRefusedNamingTheLimit() {
        assertThat(problems(ofBytes(65_536))).isEmpty();

        List<FieldError> tooLarge = problems(ofBytes(65_537));

        assertThat(tooLarge).extracting(FieldError::field).containsExactly("parameters");
        assertThat(tooLarge.get(0).message()).contains("65537 bytes").contains("limit of 65536 bytes");
    }

    @Test
    void aParameterDescriptionAtTheLimitPassesAndOneCharacterMoreIsRefusedAtItsPath() {
        ObjectNode schema = withPattern("^[0-9]{5}$");
        ObjectNode zip = (ObjectNode) schema.get("properties").get("zip");

        zip.put("description", "é".repeat(2_000));
        assertThat(problems(schema)).isEmpty();
        zip.put("description", "é".repeat(2_001));
        assertThat(problems(schema))
                .containsExactly(new FieldError(
                        "parameters.properties.zip.description",
                        "must be at most 2000 characters (the limit for descriptions inside parameters); it has 2001"));
    }

    @Test
    void aPropertyNamedDescriptionIsASchemaNotADescription() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        schema.putObject("properties").putObject("description").put("type", "string");

        assertThat(problems(schema)).isEmpty();
    }

    @Test
    void configuredLimitsReplaceTheDefaults() {
        ParametersSchemaCheck strict =
                new ParametersSchemaCheck(new ToolLimits(Duration.ofSeconds(10), 65_536, 200, 3, 10, 5));

        assertThat(strict.check(deep(3), "parameters")).isEmpty();
        assertThat(strict.check(deep(4), "parameters"))
                .extracting(FieldError::message)
                .allMatch(m -> m.contains("3 levels"));
        assertThat(strict.check(ofBytes(201), "parameters"))
                .extracting(FieldError::message)
                .allMatch(m -> m.contains("200 bytes"));
        assertThat(strict.check(node("{'type': 'object', 'description': '12345678901'}"), "parameters"))
                .extracting(FieldError::field)
                .containsExactly("parameters.description");
    }

    @Test
    void aLookaheadPatternIsRefusedAtCreateNamingTheField() {
        List<FieldError> problems = problems(withPattern("^(?=.*[0-9])[a-z0-9]+$"));

        assertThat(problems).extracting(FieldError::field).containsExactly("parameters.properties.zip.pattern");
        assertThat(problems.get(0).message()).contains("RE2").contains("lookahead");
    }

    @Test
    void aBackreferenceInPatternPropertiesIsRefusedNamingTheKey() {
        List<FieldError> problems =
                problems("{'type': 'object', 'patternProperties': {'^(a)\\\\1$': {'type': 'string'}}}");

        assertThat(problems).extracting(FieldError::field).containsExactly("parameters.patternProperties.^(a)\\1$");
    }

    @Test
    void aNestedQuantifierPatternIsAccepted() {
        assertThat(problems(withPattern("^(a+)+$"))).isEmpty();
    }

    @Test
    void aPatternThatExpandsPastTheEngineLimitIsRefusedAtItsPath() {
        assertThat(problems(withPattern("((a{1000}){1000}){1000}")))
                .extracting(FieldError::field)
                .containsExactly("parameters.properties.zip.pattern");
    }

    @Test
    void patternsThatTogetherExpandTooFarAreRefused() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (int i = 0; i < 11; i++) {
            properties.putObject("p" + i).put("type", "string").put("pattern", "^.{998}$"); // 1,000 each
        }

        assertThat(problems(schema)).extracting(FieldError::field).containsExactly("parameters.properties.p10.pattern");
        properties.remove("p10");
        assertThat(problems(schema)).isEmpty();
    }

    @Test
    void aSchemaReferringToItselfIsRefused() {
        List<FieldError> problems =
                problems("{'type': 'object', 'properties': {'name': {'type': 'string'}, 'child': {'$ref': '#'}}}");

        assertThat(problems).extracting(FieldError::field).containsExactly("parameters.properties.child.$ref");
        assertThat(problems.get(0).message()).contains("recursive");
    }

    @Test
    void aDefinitionReferringToItselfIsRefused() {
        List<FieldError> problems = problems("""
                {'type': 'object', 'properties': {'tree': {'$ref': '#/$defs/node'}},
                 '$defs': {'node': {'type': 'object',
                                    'properties': {'children': {'type': 'array', 'items': {'$ref': '#/$defs/node'}}}}}}""");

        assertThat(problems)
                .extracting(FieldError::field)
                .containsExactly("parameters.$defs.node.properties.children.items.$ref");
    }

    @Test
    void definitionsReferringToEachOtherAreRefused() {
        List<FieldError> problems = problems("""
                {'$schema': 'http://json-schema.org/draft-07/schema#', 'type': 'object',
                 'properties': {'person': {'$ref': '#/definitions/person'}},
                 'definitions': {
                   'person': {'type': 'object', 'properties': {'employer': {'$ref': '#/definitions/company'}}},
                   'company': {'type': 'object', 'properties': {'owner': {'$ref': '#/definitions/person'}}}}}""");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).field())
                .startsWith("parameters.definitions.")
                .endsWith(".$ref");
        assertThat(problems.get(0).message()).contains("recursive");
    }

    @Test
    void aReferenceThroughAnAnchorThatRecursesIsRefused() {
        List<FieldError> problems = problems("""
                {'type': 'object', 'properties': {'list': {'$ref': '#item'}},
                 '$defs': {'item': {'$anchor': 'item', 'type': 'object', 'properties': {'next': {'$ref': '#item'}}}}}""");

        assertThat(problems)
                .extracting(FieldError::field)
                .containsExactly("parameters.$defs.item.properties.next.$ref");
    }

    @Test
    void aSharedDefinitionUsedTwiceIsNotRecursion() {
        assertThat(problems("""
                {'type': 'object',
                 'properties': {'from': {'$ref': '#/$defs/address'}, 'to': {'$ref': '#/$defs/address'},
                                'default': {'$ref': '#/$defs/address'}},
                 '$defs': {'address': {'type': 'object', 'properties': {'city': {'type': 'string'}}}}}""")).isEmpty();
    }

    @Test
    void aReferenceInsideAPropertyNamedDefaultIsStillChecked() {
        assertThat(problems("{'type': 'object', 'properties': {'default': {'$ref': '#'}}}"))
                .extracting(FieldError::field)
                .containsExactly("parameters.properties.default.$ref");
    }

    @Test
    void referencesThatFanOutExponentiallyAreRefused() {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode defs = schema.putObject("$defs");
        defs.putObject("d0").put("type", "string");
        for (int level = 1; level <= 12; level++) {
            var allOf = defs.putObject("d" + level).putArray("allOf");
            for (int i = 0; i < 10; i++) {
                allOf.addObject().put("$ref", "#/$defs/d" + (level - 1));
            }
        }
        schema.putObject("properties").putObject("x").put("$ref", "#/$defs/d12");

        List<FieldError> problems = problems(schema);

        assertThat(problems).extracting(FieldError::field).containsExactly("parameters");
        assertThat(problems.get(0).message()).contains("when its $refs are followed");
    }

    @Test
    void parametersNestedAHundredThousandLevelsAreRefusedNotAStackOverflow() {
        assertThat(problems(deep(100_000)))
                .extracting(FieldError::message)
                .containsExactly("is nested deeper than the limit of 32 levels of objects and arrays");
    }

    @Test
    void aPatchIsCheckedAgainstTheSameLimits() {
        ToolDefinition existing = valid(PARSER.parse(httpTool("")));
        ObjectNode patch = json("{}");
        patch.set("parameters", withPattern("^(?!x)"));

        assertThat(errors(PARSER.patch(existing, patch)))
                .extracting(FieldError::field)
                .containsExactly("parameters.properties.zip.pattern");
    }
}
