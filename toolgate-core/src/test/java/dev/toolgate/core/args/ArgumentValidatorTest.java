package dev.toolgate.core.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ArgumentValidatorTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final ArgumentValidator ROUTE = ArgumentValidator.compile(json("""
            {"type": "object",
             "properties": {
               "origin": {"type": "string"},
               "destination": {"type": "string"},
               "method": {"type": "string", "enum": ["FASTEST", "SHORTEST", "SCENIC"]},
               "date": {"type": "string", "format": "date"},
               "stops": {"type": "array", "items": {"type": "integer"}},
               "options": {"type": "object", "properties": {"avoid_tolls": {"type": "boolean"}},
                           "required": ["avoid_tolls"]}
             },
             "required": ["origin", "destination"]}
            """));

    @Test
    void acceptsArgumentsThatMatchTheSchema() {
        List<ArgumentViolation> violations = ROUTE.validate(json("""
                {"origin": "Berlin", "destination": "Köln", "method": "FASTEST", "date": "2026-11-21",
                 "stops": [1, 2], "options": {"avoid_tolls": true}}"""));

        assertThat(violations).isEmpty();
    }

    @Test
    void reportsAMissingRequiredPropertyAtThePropertyItself() {
        List<ArgumentViolation> violations = ROUTE.validate(json("{\"destination\": \"Köln\"}"));

        assertThat(violations)
                .containsExactly(new ArgumentViolation("/origin", "required", "required property is missing"));
    }

    @Test
    void reportsAMissingNestedRequiredPropertyWithItsFullPath() {
        List<ArgumentViolation> violations =
                ROUTE.validate(json("{\"origin\": \"a\", \"destination\": \"b\", \"options\": {}}"));

        assertThat(violations)
                .extracting(ArgumentViolation::path, ArgumentViolation::keyword)
                .containsExactly(tuple("/options/avoid_tolls", "required"));
    }

    @Test
    void reportsEveryViolationNotJustTheFirst() {
        List<ArgumentViolation> violations = ROUTE.validate(json("""
                {"destination": 7, "method": "SLOWEST", "stops": [1, "two"]}"""));

        assertThat(violations)
                .extracting(ArgumentViolation::path)
                .containsExactlyInAnyOrder("/destination", "/method", "/stops/1", "/origin");
    }

    @Test
    void rejectsAnImpossibleDateBecauseFormatAsserts() {
        List<ArgumentViolation> violations =
                ROUTE.validate(json("{\"origin\": \"a\", \"destination\": \"b\", \"date\": \"2026-13-45\"}"));

        assertThat(violations)
                .extracting(ArgumentViolation::path, ArgumentViolation::keyword)
                .containsExactly(tuple("/date", "format"));
    }

    @Test
    void rejectsADateInTheWrongFormat() {
        List<ArgumentViolation> violations =
                ROUTE.validate(json("{\"origin\": \"a\", \"destination\": \"b\", \"date\": \"21/11/2026\"}"));

        assertThat(violations).extracting(ArgumentViolation::keyword).containsExactly("format");
    }

    @Test
    void honoursADraft07SchemaDeclaredWithDollarSchema() {
        ArgumentValidator validator = ArgumentValidator.compile(json("""
                {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
                 "properties": {"when": {"type": "string", "format": "date"},
                                "tuple": {"type": "array", "items": [{"type": "string"}, {"type": "integer"}]}}}
                """));

        List<ArgumentViolation> violations =
                validator.validate(json("{\"when\": \"yesterday\", \"tuple\": [\"a\", \"b\"]}"));

        // Draft-07 array-form "items" is tuple validation; in 2020-12 it would be a schema error.
        assertThat(violations).extracting(ArgumentViolation::path).containsExactlyInAnyOrder("/when", "/tuple/1");
    }

    @Test
    void errorMessageListsEveryViolationWithItsPath() {
        List<ArgumentViolation> violations =
                ROUTE.validate(json("{\"origin\": \"a\", \"method\": \"SLOWEST\", \"date\": 5}"));

        ToolError error = ROUTE.toError(violations);

        assertThat(error.code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        assertThat(error.message())
                .isEqualTo("arguments do not match the tool's parameters: "
                        + "/method: must be one of [\"FASTEST\", \"SHORTEST\", \"SCENIC\"]; "
                        + "/date: expected type string, got integer; "
                        + "/destination: required property is missing");
    }

    @Test
    void countsRatherThanListsViolationsPastFifty() {
        ArgumentValidator closed =
                ArgumentValidator.compile(json("{\"type\": \"object\", \"additionalProperties\": false}"));
        StringBuilder arguments = new StringBuilder("{");
        for (int i = 0; i < 60; i++) {
            arguments.append(i == 0 ? "" : ",").append("\"p").append(i).append("\": 1");
        }
        List<ArgumentViolation> violations =
                closed.validate(json(arguments.append("}").toString()));

        ToolError error = closed.toError(violations);

        assertThat(violations).hasSize(60);
        assertThat(error.message()).contains("/p49: ").doesNotContain("/p50: ").endsWith("; … and 10 more violations");
    }

    @Test
    void escapesSlashAndTildeInPaths() {
        ArgumentValidator validator = ArgumentValidator.compile(json("""
                {"type": "object", "properties": {"a/b": {"type": "integer"}}, "required": ["c~d"]}"""));

        List<ArgumentViolation> violations = validator.validate(json("{\"a/b\": \"x\"}"));

        assertThat(violations).extracting(ArgumentViolation::path).containsExactlyInAnyOrder("/a~1b", "/c~0d");
    }

    @Test
    void reportsAPropertyTheSchemaDoesNotAllowAtThatProperty() {
        ArgumentValidator validator = ArgumentValidator.compile(json("""
                {"type": "object", "properties": {"a": {"type": "integer"}}, "additionalProperties": false}"""));

        List<ArgumentViolation> violations = validator.validate(json("{\"a\": 1, \"admin\": true}"));

        assertThat(violations)
                .containsExactly(new ArgumentViolation(
                        "/admin", "additionalProperties", "property is not allowed by the tool's parameters"));
    }

    @Test
    void shortensAVeryLongEnumList() {
        String values = String.join(
                ",", IntStream.range(0, 40).mapToObj(i -> "\"v" + i + "\"").toList());
        ArgumentValidator validator = ArgumentValidator.compile(
                json("{\"type\": \"object\", \"properties\": {\"x\": {\"enum\": [" + values + "]}}}"));

        List<ArgumentViolation> violations = validator.validate(json("{\"x\": \"nope\"}"));

        assertThat(violations.getFirst().message())
                .contains("\"v24\"")
                .doesNotContain("\"v25\"")
                .endsWith("… (15 more)]");
    }

    @Test
    void refusesARemoteReferenceWithoutFetchingIt() throws Exception {
        try (MockWebServer server = loopbackServer()) {
            JsonNode schema = json("{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \""
                    + server.url("/schema.json") + "\"}}}");

            assertThatThrownBy(() -> ArgumentValidator.compile(schema))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not allowed to be loaded");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void refusesAnUnknownDialectWithoutLoadingIt() throws Exception {
        try (MockWebServer server = loopbackServer()) {
            JsonNode schema = json("{\"$schema\": \"" + server.url("/dialect") + "\", \"type\": \"object\"}");

            assertThatThrownBy(() -> ArgumentValidator.compile(schema))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Unknown dialect");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void refusesClasspathAndFileReferences() {
        for (String ref : List.of("classpath:draft/2020-12/schema", "file:///etc/passwd")) {
            JsonNode schema = json("{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"" + ref + "\"}}}");

            assertThatThrownBy(() -> ArgumentValidator.compile(schema))
                    .as(ref)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not allowed to be loaded");
        }
    }

    @Test
    void loadsTheBundledMetaSchemaForAReferenceToIt() {
        ArgumentValidator validator = ArgumentValidator.compile(json("""
                {"type": "object", "properties": {"schema": {"$ref": "https://json-schema.org/draft/2020-12/schema"}}}"""));

        List<ArgumentViolation> violations = validator.validate(json("{\"schema\": {\"type\": 5}}"));

        assertThat(violations).isNotEmpty().allMatch(v -> v.path().startsWith("/schema/type"));
    }

    @Test
    void resolvesLocalReferences() {
        ArgumentValidator validator = ArgumentValidator.compile(json("""
                {"type": "object", "$defs": {"qty": {"type": "integer", "minimum": 1}},
                 "properties": {"n": {"$ref": "#/$defs/qty"}}}"""));

        List<ArgumentViolation> violations = validator.validate(json("{\"n\": 0}"));

        assertThat(violations)
                .extracting(ArgumentViolation::path, ArgumentViolation::keyword)
                .containsExactly(tuple("/n", "minimum"));
    }

    @Test
    void reportsABrokenLocalReferenceAtCompileTime() {
        JsonNode schema = json("{\"type\": \"object\", \"properties\": {\"n\": {\"$ref\": \"#/$defs/missing\"}}}");

        assertThatThrownBy(() -> ArgumentValidator.compile(schema))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid parameters schema: ");
    }

    @Test
    void keepsTenantIdsApart() {
        // Two tenants' schemas share an $id; each validator must use its own definition.
        ArgumentValidator integers = ArgumentValidator.compile(json("""
                {"$id": "https://example.com/shared", "type": "object", "properties": {"v": {"type": "integer"}}}"""));
        ArgumentValidator strings = ArgumentValidator.compile(json("""
                {"$id": "https://example.com/shared", "type": "object", "properties": {"v": {"type": "string"}}}"""));

        assertThat(integers.validate(json("{\"v\": 1}"))).isEmpty();
        assertThat(strings.validate(json("{\"v\": \"x\"}"))).isEmpty();
        assertThat(strings.validate(json("{\"v\": 1}"))).hasSize(1);
    }

    @Test
    void validatesFromManyThreadsAtOnce() throws Exception {
        JsonNode good = json("{\"origin\": \"a\", \"destination\": \"b\", \"date\": \"2026-01-31\"}");
        JsonNode bad = json("{\"origin\": \"a\", \"date\": \"2026-02-31\"}");
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> results = IntStream.range(0, 400)
                    .mapToObj(i -> pool.submit(
                            () -> ROUTE.validate(i % 2 == 0 ? good : bad).size()))
                    .toList();

            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? 0 : 2);
            }
        }
    }

    @Test
    void refusesToBuildAnErrorFromNoViolations() {
        assertThatThrownBy(() -> ROUTE.toError(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** A server on loopback that must stay unused: it proves no fetch was attempted. */
    private static MockWebServer loopbackServer() throws Exception {
        MockWebServer server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        return server;
    }

    private static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }
}
