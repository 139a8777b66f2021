package dev.toolgate.server.toolimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.tool.ParseResult;
import dev.toolgate.core.tool.ToolDefinitionParser;
import dev.toolgate.core.tool.ToolLimits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The import's mapping without the server: documents, names, schemas, servers and one operation at a time. */
class ImportMappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ToolDefinitionParser PARSER = new ToolDefinitionParser(ToolLimits.ofDefaults());

    private static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void refusesReferencesToOtherDocumentsBeforeAnythingReadsThem() {
        JsonNode document = json("{'openapi': '3.0.3', 'info': {'title': 't', 'version': '1'}, 'paths': {'/a': {'get':"
                + " {'parameters': [{'$ref': 'https://evil.example/params.yaml#/p'}], 'responses': {}}}}}");

        assertThatThrownBy(() -> OpenApiDocuments.read(document))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("https://evil.example/params.yaml#/p")
                .hasMessageContaining("only local references");
        assertThat(OpenApiDocuments.externalReference(
                        json("{'example': {'$ref': 'file:///x'}, 'x-a': {'$ref': 'y'}}"), "#"))
                .isNull();
    }

    @Test
    void refusesYamlThatIsNotAnOpenApiDocumentOrExpandsWithoutBound() {
        String aliases = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n";

        assertThatThrownBy(() -> OpenApiDocuments.read(aliases)).isInstanceOf(DocumentException.class);
        assertThatThrownBy(() -> OpenApiDocuments.read("title: not an api\n"))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("neither an openapi nor a swagger field");
        assertThatThrownBy(() -> OpenApiDocuments.read("openapi: 4.0.0\npaths: {}\n"))
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> OpenApiDocuments.read("")).hasMessageContaining("empty");
    }

    @Test
    void readsLargeYamlAsLongAsItIsWithinSnakeYamlsLimit() {
        String description = "d".repeat(1_000);
        StringBuilder yaml = new StringBuilder("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n");
        for (int i = 0; yaml.length() < 4 * 1024 * 1024; i++) {
            yaml.append("  /p")
                    .append(i)
                    .append(":\n    get: {description: ")
                    .append(description)
                    .append(", responses: {}}\n");
        }

        assertThatThrownBy(() -> OpenApiDocuments.read(yaml.toString()))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("YAML");
    }

    @Test
    void convertsSwagger2ToOpenApi3() {
        OpenApiDocuments.Read read = OpenApiDocuments.read("""
                swagger: "2.0"
                info: {title: t, version: "1"}
                host: api.example.com
                schemes: [https]
                paths:
                  /a/{id}:
                    get:
                      parameters: [{name: id, in: path, required: true, type: string}]
                      responses: {"200": {description: ok}}
                definitions:
                  Thing: {type: object}
                """);

        assertThat(read.version()).isEqualTo("2.0");
        assertThat(read.document().get("openapi").asString()).startsWith("3.0");
        assertThat(read.document().at("/servers/0/url").asString()).startsWith("https://api.example.com");
        assertThat(read.document().at("/components/schemas/Thing/type").asString())
                .isEqualTo("object");
    }

    @Test
    void namesAreSanitizedCutToSixtyFourAndUnique() {
        Set<String> taken = new HashSet<>(Set.of("repos_get"));
        String long70 = "a".repeat(70);

        assertThat(Names.sanitize("repos/get", "x")).isEqualTo("repos_get");
        assertThat(Names.sanitize("$$$", "fallback")).isEqualTo("fallback");
        assertThat(Names.sanitize("Ünïcode näme", "x")).isEqualTo("n_code_n_me");
        assertThat(Names.unique("repos_get", taken)).isEqualTo("repos_get_2");
        assertThat(Names.unique("repos_get", taken)).isEqualTo("repos_get_3");
        String first = Names.unique(Names.sanitize(long70, "x"), taken);
        String second = Names.unique(Names.sanitize(long70, "x"), taken);
        assertThat(first).hasSize(64);
        assertThat(second).hasSize(64).endsWith("_2").isNotEqualTo(first);
        assertThat(Names.fromMethodAndPath("get", "/users/{id}/repos")).isEqualTo("get_users_id_repos");
        assertThat(Names.secret("my key/v2")).isEqualTo("my_key_v2");
    }

    @Test
    void schemasBecomeSelfContainedJsonSchema() {
        JsonNode document = json("{'components': {'schemas': {'Node': {'type': 'object', 'properties': {"
                + "'child': {'$ref': '#/components/schemas/Node'}, 'id': {'type': 'string', 'readOnly': true},"
                + "'name': {'type': 'string', 'nullable': true, 'pattern': '^(?=a)b$', 'description': '"
                + "x".repeat(50) + "'}, 'n': {'type': 'integer', 'minimum': 0, 'exclusiveMinimum': true}}}}}}");
        List<ImportWarning.Code> losses = new ArrayList<>();

        ObjectNode schema = new SchemaConverter(document, 20, losses::add)
                .convert(json("{'$ref': '#/components/schemas/Node'}"), 1);

        assertThat(schema.at("/properties/child").toString()).isEqualTo("{}");
        assertThat(schema.at("/properties").has("id")).isFalse();
        assertThat(schema.at("/properties/name/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(schema.at("/properties/name").has("pattern")).isFalse();
        assertThat(schema.at("/properties/name/description").asString())
                .hasSize(20)
                .endsWith("…");
        assertThat(schema.at("/properties/n/exclusiveMinimum").asInt()).isZero();
        assertThat(schema.at("/properties/n").has("minimum")).isFalse();
        assertThat(losses).contains(ImportWarning.Code.SCHEMA_CUT, ImportWarning.Code.PATTERN_DROPPED);
    }

    @Test
    void serverUrlsTakeTheFirstHttpsServerWithVariableDefaults() {
        List<ImportWarning> warnings = new ArrayList<>();
        JsonNode document = json("{'servers': [{'url': 'http://api.example.com'}, {'url': '/relative'},"
                + " {'url': 'https://{region}.example.com/v1/', 'variables': {'region': {'default': 'eu'}}}]}");

        assertThat(ServerUrls.base(document, null, warnings)).isEqualTo("https://eu.example.com/v1");
        assertThat(warnings).extracting(ImportWarning::code).containsOnly(ImportWarning.Code.NON_HTTPS_SERVER);
        assertThat(ServerUrls.base(document, "https://other.example.com/", warnings))
                .isEqualTo("https://other.example.com");
        assertThatThrownBy(() -> ServerUrls.base(json("{'servers': [{'url': 'http://a.example'}]}"), null, warnings))
                .hasMessageContaining("base_url");
        assertThat(ServerUrls.baseUrlProblem("http://a.example")).contains("https");
        assertThat(ServerUrls.baseUrlProblem("https://a.example/v1?x=1")).contains("query");
        assertThat(ServerUrls.baseUrlProblem("https://a.example/v1")).isNull();
    }

    @Test
    void aPostOperationMapsToAToolThatPassesTheToolRules() {
        JsonNode document = json("{'components': {'securitySchemes': {'key': {'type': 'apiKey', 'in': 'header',"
                + " 'name': 'X-Key'}}}, 'security': [{'key': []}]}");
        JsonNode operation = json("{'operationId': 'orders/create', 'summary': 'Create an order', 'parameters': ["
                + "{'name': 'shop id', 'in': 'path', 'required': true, 'schema': {'type': 'string'}},"
                + "{'name': 'dry', 'in': 'query', 'schema': {'type': 'boolean'}},"
                + "{'name': 'X-Key', 'in': 'header', 'schema': {'type': 'string'}},"
                + "{'name': 'Idempotency-Key', 'in': 'header', 'schema': {'type': 'string'}},"
                + "{'name': 'X-Trace', 'in': 'header', 'schema': {'type': 'string'}}],"
                + " 'requestBody': {'required': true, 'content': {'application/json; charset=utf-8': {'schema':"
                + " {'type': 'object', 'required': ['sku'], 'properties': {'sku': {'type': 'string'},"
                + " 'dry': {'type': 'integer'}}}}}}}");

        OperationMapper.Mapped mapped = new OperationMapper(document, "https://shop.example.com", 2000)
                .map("/shops/{shop id}/orders", json("{}"), "post", operation);

        ObjectNode tool = mapped.tool();
        assertThat(tool.get("name").asString()).isEqualTo("orders_create");
        assertThat(tool.at("/config/url").asString())
                .isEqualTo("https://shop.example.com/shops/{{args.shop_id}}/orders");
        assertThat(tool.at("/config/query_params/0/key").asString()).isEqualTo("dry");
        assertThat(tool.at("/config/query_params/0/value").asString()).isEqualTo("{{args.dry_2}}");
        assertThat(tool.at("/config/headers").toString())
                .isEqualTo("[{\"key\":\"X-Trace\",\"value\":\"{{args.X-Trace}}\"}]");
        assertThat(tool.at("/config/auth/header_name").asString()).isEqualTo("X-Key");
        assertThat(tool.at("/parameters/required").toString()).isEqualTo("[\"sku\",\"shop_id\"]");
        assertThat(mapped.warnings()).extracting(ImportWarning::code).containsOnly(ImportWarning.Code.RESERVED_HEADER);
        assertThat(mapped.secrets()).containsExactly("key");
        assertThat(PARSER.parse(tool)).isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void anOperationWithoutAWholeSegmentPathOrWithARequiredFormBodyMakesNoTool() {
        OperationMapper mapper = new OperationMapper(json("{}"), "https://a.example", 2000);

        OperationMapper.Mapped partial = mapper.map(
                "/files/{name}.json",
                json("{}"),
                "get",
                json("{'parameters': [{'name': 'name', 'in': 'path', 'required': true}]}"));
        OperationMapper.Mapped form = mapper.map(
                "/upload",
                json("{}"),
                "post",
                json("{'summary': 's', 'requestBody': {'required': true, 'content': {'multipart/form-data': {}}}}"));

        assertThat(partial.tool()).isNull();
        assertThat(partial.warnings()).extracting(ImportWarning::code).contains(ImportWarning.Code.UNSUPPORTED_PATH);
        assertThat(form.tool()).isNull();
        assertThat(form.warnings()).extracting(ImportWarning::code).containsExactly(ImportWarning.Code.MULTIPART_BODY);
    }
}
