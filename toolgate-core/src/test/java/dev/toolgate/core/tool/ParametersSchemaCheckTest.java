package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.ToolJson.PARSER;
import static dev.toolgate.core.tool.ToolJson.assertSingleError;
import static dev.toolgate.core.tool.ToolJson.httpTool;
import static dev.toolgate.core.tool.ToolJson.node;
import static dev.toolgate.core.tool.ToolJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ParametersSchemaCheckTest {

    private final ParametersSchemaCheck check = new ParametersSchemaCheck();

    private List<FieldError> problems(String schema) {
        return check.check(node(schema), "parameters");
    }

    @Test
    void acceptsSeedAssemblyAiWeatherSchema() {
        List<FieldError> problems = problems("""
                {'type': 'object',
                 'properties': {'latitude': {'type': 'number', 'description': 'Latitude in decimal degrees.'},
                                'longitude': {'type': 'number'}},
                 'required': ['latitude', 'longitude']}""");

        assertThat(problems).isEmpty();
    }

    @Test
    void rejectsMisspelledTypeAtItsPath() {
        List<FieldError> problems = problems("{'type': 'object', 'properties': {'a': {'type': 'strnig'}}}");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).field()).isEqualTo("parameters.properties.a.type");
        assertThat(problems.get(0).message()).startsWith("is not valid JSON Schema (draft 2020-12)");
    }

    @Test
    void rejectsArrayAtTheTopLevel() {
        assertThat(problems("{'type': 'array'}"))
                .containsExactly(
                        new FieldError("parameters.type", "must be \"object\": function arguments are a JSON object"));
    }

    @Test
    void rejectsSchemaWithoutTopLevelType() {
        assertThat(problems("{'properties': {}}")).extracting(FieldError::field).containsExactly("parameters.type");
    }

    @Test
    void rejectsRequiredGivenAsString() {
        List<FieldError> problems = problems("{'type': 'object', 'required': 'x'}");

        assertThat(problems).extracting(FieldError::field).containsExactly("parameters.required");
        assertThat(problems.get(0).message()).contains("array expected");
    }

    @Test
    void reportsEveryInvalidKeywordOnce() {
        List<FieldError> problems = problems("""
                {'type': 'object', 'properties': {'a': {'minLength': -1, 'enum': 3}, 'b': {'type': 'strnig'}}}""");

        assertThat(problems)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "parameters.properties.a.minLength",
                        "parameters.properties.a.enum",
                        "parameters.properties.b.type");
    }

    @Test
    void reportsArrayElementsWithIndexPaths() {
        List<FieldError> problems = problems("{'type': 'object', 'required': ['a', 5]}");

        assertThat(problems).extracting(FieldError::field).containsExactly("parameters.required[1]");
    }

    @Test
    void rejectsParametersThatAreNotAnObject() {
        assertThat(problems("'object'")).extracting(FieldError::field).containsExactly("parameters");
    }

    @Test
    void rejectsInvalidRegexPattern() {
        List<FieldError> problems =
                problems("{'type': 'object', 'properties': {'a': {'type': 'string', 'pattern': '['}}}");

        assertThat(problems).extracting(FieldError::field).containsExactly("parameters.properties.a.pattern");
        assertThat(problems.get(0).message())
                .startsWith("is not a usable pattern")
                .contains("missing closing ]");
    }

    @Test
    void refusesRemoteReferencesWithoutFetchingThem() {
        List<FieldError> problems =
                problems("{'type': 'object', 'properties': {'a': {'$ref': 'https://schemas.example.com/a.json'}}}");

        assertThat(problems)
                .containsExactly(new FieldError(
                        "parameters.properties.a.$ref",
                        "must be a local reference (#/...): remote schemas are never fetched"));
    }

    @Test
    void acceptsLocalReferences() {
        List<FieldError> problems = problems("""
                {'type': 'object', '$defs': {'city': {'type': 'string'}},
                 'properties': {'from': {'$ref': '#/$defs/city'}, 'to': {'$ref': '#/$defs/city'}}}""");

        assertThat(problems).isEmpty();
    }

    @Test
    void rejectsLocalReferenceToNothing() {
        List<FieldError> problems = problems("{'type': 'object', 'properties': {'a': {'$ref': '#/$defs/missing'}}}");

        assertThat(problems).extracting(FieldError::field).containsExactly("parameters");
    }

    @Test
    void ignoresRefLookalikesInsideEnumValues() {
        List<FieldError> problems =
                problems("{'type': 'object', 'properties': {'a': {'enum': [{'$ref': 'https://x'}]}}}");

        assertThat(problems).isEmpty();
    }

    @Test
    void checksDraft07SchemasAgainstTheDraft07MetaSchema() {
        List<FieldError> problems = problems("""
                {'$schema': 'http://json-schema.org/draft-07/schema#', 'type': 'object',
                 'definitions': {'n': {'type': 'integer'}},
                 'properties': {'count': {'$ref': '#/definitions/n'}, 'bad': {'type': 'strnig'}}}""");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).field()).isEqualTo("parameters.properties.bad.type");
        assertThat(problems.get(0).message()).startsWith("is not valid JSON Schema (draft-07)");
    }

    @Test
    void acceptsValidDraft07Schema() {
        assertThat(problems(
                        "{'$schema': 'http://json-schema.org/draft-07/schema', 'type': 'object', 'properties': {}}"))
                .isEmpty();
    }

    @Test
    void acceptsExplicitDraft202012Dialect() {
        assertThat(problems("{'$schema': 'https://json-schema.org/draft/2020-12/schema', 'type': 'object'}"))
                .isEmpty();
    }

    @Test
    void refusesOtherDialects() {
        assertThat(problems("{'$schema': 'http://json-schema.org/draft-04/schema#', 'type': 'object'}"))
                .extracting(FieldError::field)
                .containsExactly("parameters.$schema");
    }

    @Test
    void parserReportsSchemaProblemsUnderParameters() {
        ObjectNode body = httpTool("");
        body.set("parameters", node("{'type': 'object', 'properties': {'a': {'type': 'strnig'}}}"));

        assertSingleError(PARSER.parse(body), "parameters.properties.a.type", "is not valid JSON Schema");
    }

    @Test
    void parserKeepsAValidSchemaAsSubmitted() {
        ObjectNode body = httpTool("");
        body.set("parameters", node("{'type': 'object', 'properties': {'a': {'type': 'string', 'enum': ['x', 'y']}}}"));

        assertThat(valid(PARSER.parse(body)).parameters()).isEqualTo(body.get("parameters"));
    }
}
