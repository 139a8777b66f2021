package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.ToolJson.PARSER;
import static dev.toolgate.core.tool.ToolJson.assertSingleError;
import static dev.toolgate.core.tool.ToolJson.errors;
import static dev.toolgate.core.tool.ToolJson.httpConfig;
import static dev.toolgate.core.tool.ToolJson.httpTool;
import static dev.toolgate.core.tool.ToolJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class HttpRequestConfigParsingTest {

    private static ObjectNode withUrl(String url) {
        ObjectNode body = httpTool("");
        ((ObjectNode) body.get("config")).put("url", url);
        return body;
    }

    @Test
    void readsEveryHttpField() {
        ObjectNode body = httpTool("""
                'method': 'get', 'headers': [{'key': 'X-Team', 'value': '{{vars.team}}'}],
                'query_params': [{'key': 'phone', 'value': '{{caller_number}}'}], 'body_mode': 'arguments',
                'auth': {'type': 'header', 'header_name': 'X-Api-Key', 'value': '{{secrets.CRM_KEY}}'},
                'timeout': 2.5, 'max_response_bytes': 4096, 'speak_during_execution': true,
                'speak_after_execution': false, 'error_hint': 'Apologise and offer a callback.',
                'signature_scheme': 'standard_webhooks'""");

        HttpRequestConfig config = httpConfig(PARSER.parse(body));

        assertThat(config.method()).isEqualTo(HttpMethod.GET);
        assertThat(config.headers()).containsExactly(new KeyValue("X-Team", "{{vars.team}}"));
        assertThat(config.queryParams()).containsExactly(new KeyValue("phone", "{{caller_number}}"));
        assertThat(config.bodyMode()).isEqualTo(BodyMode.ARGUMENTS);
        assertThat(config.auth()).isEqualTo(new Auth.Header("X-Api-Key", "{{secrets.CRM_KEY}}"));
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.maxResponseBytes()).isEqualTo(4096);
        assertThat(config.speakDuringExecution()).isTrue();
        assertThat(config.speakAfterExecution()).isFalse();
        assertThat(config.errorHint()).isEqualTo("Apologise and offer a callback.");
        assertThat(config.signatureScheme()).isEqualTo(SignatureScheme.STANDARD_WEBHOOKS);
    }

    @Test
    void readsWhatTheAgentSaysWhileWaitingUpToItsLimit() {
        HttpRequestConfig said = httpConfig(PARSER.parse(
                httpTool("'speak_during_execution': true, 'speak_during_message': '  One moment, please.  '")));
        HttpRequestConfig blank = httpConfig(PARSER.parse(httpTool("'speak_during_message': '   '")));

        assertThat(said.speakDuringMessage()).isEqualTo("One moment, please.");
        assertThat(blank.speakDuringMessage()).isNull();
        assertSingleError(
                PARSER.parse(httpTool("'speak_during_message': '" + "x".repeat(501) + "'")),
                "config.speak_during_message",
                "500");
    }

    @Test
    void requiresUrl() {
        ObjectNode body = httpTool("");
        ((ObjectNode) body.get("config")).remove("url");

        assertSingleError(PARSER.parse(body), "config.url", "is required");
    }

    @Test
    void readsTheDuplicateWindowInSecondsAndDefaultsToTheDeployment() {
        HttpRequestConfig off = httpConfig(PARSER.parse(httpTool("'duplicate_window': 0")));
        HttpRequestConfig fractional = httpConfig(PARSER.parse(httpTool("'duplicate_window': 2.5")));
        HttpRequestConfig unset = httpConfig(PARSER.parse(httpTool("")));

        assertThat(off.duplicateWindow()).isEqualTo(Duration.ZERO);
        assertThat(fractional.duplicateWindow()).isEqualTo(Duration.ofMillis(2500));
        assertThat(unset.duplicateWindow()).isNull();
    }

    @Test
    void rejectsADuplicateWindowOverFiveMinutesOrNotANumber() {
        assertThat(errors(PARSER.parse(httpTool("'duplicate_window': 301"))))
                .extracting(FieldError::field)
                .containsExactly("config.duplicate_window");
        assertThat(errors(PARSER.parse(httpTool("'duplicate_window': 'ten'"))))
                .extracting(FieldError::field)
                .containsExactly("config.duplicate_window");
    }

    @Test
    void rejectsPlainHttpUrl() {
        assertSingleError(PARSER.parse(withUrl("http://api.example.com/x")), "config.url", "must use https://");
    }

    @Test
    void rejectsUrlWithUserInfo() {
        assertSingleError(
                PARSER.parse(withUrl("https://user:secret@api.example.com/x")),
                "config.url",
                "must not contain user info");
    }

    @Test
    void doesNotEchoUserInfoPasswordInTheMessage() {
        List<FieldError> errors = errors(PARSER.parse(withUrl("https://user:hunter2@api.example.com/x")));

        assertThat(errors.get(0).message()).doesNotContain("hunter2");
    }

    static Stream<Arguments> urlsRefusedAtCreate() {
        return Stream.of(
                // control characters and surrounding white space: refused, never trimmed or dropped
                argumentSet("tab in the path", "https://api.example.com/a\tb", "control character"),
                argumentSet("line break in the path", "https://api.example.com/a\nb", "control character"),
                argumentSet("CR LF and a header", "https://api.example.com/\r\nX-Evil: 1", "control character"),
                argumentSet("NUL in the query", "https://api.example.com/?q=\u0000", "control character"),
                argumentSet("DEL in the path", "https://api.example.com/\u007f", "control character"),
                argumentSet("C1 control in the path", "https://api.example.com/\u0085", "control character"),
                argumentSet("leading space", " https://api.example.com/x", "white space"),
                argumentSet("trailing space", "https://api.example.com/x ", "white space"),
                argumentSet("trailing line break", "https://api.example.com/x\n", "white space"),
                argumentSet("ideographic space around", "\u3000https://api.example.com/x", "white space"),
                // authorities that parsers read differently, even when they decode to a public address
                argumentSet("percent-encoded public IPv4", "https://%38.8.8.8/", "percent-encoding"),
                argumentSet("percent-encoded name", "https://api.ex%61mple.com/", "percent-encoding"),
                argumentSet("encoded dot", "https://api%2Eexample.com/", "percent-encoding"),
                argumentSet("ideographic full stops", "https://8\u30028\u30028\u30028/", "non-ASCII"),
                argumentSet("full-width full stops", "https://api\uff0eexample\uff0ecom/", "non-ASCII"),
                argumentSet("half-width ideographic full stops", "https://8\uff618\uff618\uff618/", "non-ASCII"),
                argumentSet("full-width digits", "https://\uff18.\uff18.\uff18.\uff18/", "non-ASCII"),
                argumentSet("empty userinfo", "https://@api.example.com/", "user info"),
                argumentSet("empty userinfo before a public IP", "https://@8.8.8.8/", "user info"),
                argumentSet("backslash in the authority", "https://api.example.com\\.evil.net/", "backslash"),
                argumentSet("backslash-at", "https://8.8.8.8\\@api.example.com/", "user info"),
                argumentSet("empty authority", "https:///api.example.com/", "no host"),
                argumentSet("decimal dword of a public address", "https://134744072/", "canonical IPv4"),
                argumentSet("octal-looking octet", "https://8.8.8.010/", "canonical IPv4"),
                argumentSet("opaque https", "https:api.example.com/", "followed by '//'"));
    }

    @ParameterizedTest
    @MethodSource("urlsRefusedAtCreate")
    void refusesUrlsThatAreControlledOrReadTwoWays(String url, String message) {
        assertSingleError(PARSER.parse(withUrl(url)), "config.url", message);
    }

    static Stream<Arguments> urlsAcceptedAtCreate() {
        return Stream.of(
                // the fragment is not the authority: the host before '#' decides, and it is public
                argumentSet(
                        "'@' in the fragment",
                        "https://api.example.com/x#@127.0.0.1",
                        "https://api.example.com/x#@127.0.0.1"),
                argumentSet("fragment", "https://api.example.com/x#part", "https://api.example.com/x#part"),
                argumentSet("'@' in the query", "https://api.example.com/x?a=@b", "https://api.example.com/x?a=@b"),
                argumentSet("upper-case host", "https://API.Example.com/x", "https://api.example.com/x"),
                argumentSet("punycode name", "https://xn--bcher-kva.de/", "https://xn--bcher-kva.de/"));
    }

    @ParameterizedTest
    @MethodSource("urlsAcceptedAtCreate")
    void acceptsUrlsWhoseHostIsUnambiguous(String url, String stored) {
        assertThat(httpConfig(PARSER.parse(withUrl(url))).url()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative/path", "ftp://files.example.com/a", "api.example.com/x", "https://"})
    void rejectsUrlsThatAreNotAbsoluteHttps(String url) {
        List<FieldError> errors = errors(PARSER.parse(withUrl(url)));

        assertThat(errors).extracting(FieldError::field).containsExactly("config.url");
    }

    @Test
    void rejectsTemplatesOutsideWholePathSegments() {
        assertSingleError(
                PARSER.parse(withUrl("https://{{args.host}}/v1")),
                "config.url",
                "the scheme, host, port, query and fragment never come from a template");
        assertSingleError(
                PARSER.parse(withUrl("https://api.example.com:{{args.port}}/v1")),
                "config.url",
                "never come from a template");
        assertSingleError(
                PARSER.parse(withUrl("https://api.example.com/v1?q={{args.q}}")), "config.url", "never come from");
        assertSingleError(
                PARSER.parse(withUrl("https://api.example.com/v1/item-{{args.id}}")),
                "config.url",
                "must fill a whole path segment");
        assertSingleError(
                PARSER.parse(withUrl("https://api.example.com/v1/{{secrets.key}}")),
                "config.url",
                "must fill a whole path segment and be {{args.NAME}}");
        assertSingleError(PARSER.parse(withUrl("https://api.example.com/v1/../{{args.id}}")), "config.url", ". or ..");
        assertSingleError(
                PARSER.parse(withUrl("https://api.example.com/v1%7B%7B/{{args.id}}")),
                "config.url",
                "percent-encoded braces");
    }

    @Test
    void acceptsWholeSegmentPathTemplatesDeclaredAsRequiredParameters() {
        ObjectNode body = withUrl("https://API.example.com/v1/users/{{ args.user_id }}/repos/{{args.repo}}?x=1");
        body.set(
                "parameters",
                json("{'type': 'object', 'properties': {'user_id': {'type': 'string'}, 'repo': {'type': 'string'}},"
                        + " 'required': ['user_id', 'repo']}"));

        HttpRequestConfig config = httpConfig(PARSER.parse(body));

        assertThat(config.url()).isEqualTo("https://api.example.com/v1/users/{{args.user_id}}/repos/{{args.repo}}?x=1");
    }

    @Test
    void refusesAPathTemplateWhoseArgumentIsNotARequiredParameter() {
        ObjectNode body = withUrl("https://api.example.com/v1/users/{{args.user_id}}");
        body.set("parameters", json("{'type': 'object', 'properties': {'user_id': {'type': 'string'}}}"));

        assertSingleError(PARSER.parse(body), "config.url", "must declare user_id as a required property");
    }

    @Test
    void storesUrlInCanonicalForm() {
        HttpRequestConfig config = httpConfig(PARSER.parse(withUrl("https://API.Example.com")));

        assertThat(config.url()).isEqualTo("https://api.example.com/");
    }

    @Test
    void rejectsUnknownMethodNamingTheAllowedOnes() {
        assertSingleError(
                PARSER.parse(httpTool("'method': 'FETCH'")),
                "config.method",
                "must be one of GET, POST, PUT, PATCH, DELETE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Host",
                "content-length",
                "Content-Type",
                "Transfer-Encoding",
                "Connection",
                "User-Agent",
                "Idempotency-Key",
                "X-Toolgate-Signature",
                "x-toolgate-anything",
                "webhook-signature",
                "Webhook-Id",
                // hop-by-hop (RFC 9110 §7.6.1, RFC 9112) and proxy headers
                "TE",
                "te",
                "Upgrade",
                "Trailer",
                "Keep-Alive",
                "Proxy-Connection",
                "Proxy-Authorization",
                "proxy-anything",
                // negotiated by the HTTP client
                "Accept-Encoding",
                "Expect"
            })
    void refusesHeadersToolgateSetsItself(String name) {
        ObjectNode body = httpTool("'headers': [{'key': '" + name + "', 'value': 'v'}]");

        assertSingleError(PARSER.parse(body), "config.headers[0].key", "Toolgate sets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad Header", "X-Ä", "", "X:Y"})
    void refusesHeaderNamesThatAreNotRfc9110Tokens(String name) {
        ObjectNode body = httpTool("'headers': [{'key': '" + name + "', 'value': 'v'}]");

        assertSingleError(PARSER.parse(body), "config.headers[0].key", "RFC 9110 token");
    }

    @Test
    void refusesUnknownTemplateInHeaderValue() {
        ObjectNode body =
                httpTool("'headers': [{'key': 'X-A', 'value': 'ok'}, {'key': 'X-B', 'value': 'Bearer {{API_KEY}}'}]");

        assertSingleError(PARSER.parse(body), "config.headers[1].value", "unknown template {{API_KEY}}");
    }

    @Test
    void refusesLineBreakInHeaderValue() {
        ObjectNode body = httpTool("");
        ((ObjectNode) body.get("config"))
                .putArray("headers")
                .addObject()
                .put("key", "X-A")
                .put("value", "a\r\nHost: evil");

        assertSingleError(PARSER.parse(body), "config.headers[0].value", "visible ASCII");
    }

    @Test
    void refusesRepeatedHeaderNamesIgnoringCase() {
        ObjectNode body = httpTool("'headers': [{'key': 'X-Team', 'value': 'a'}, {'key': 'x-team', 'value': 'b'}]");

        assertSingleError(PARSER.parse(body), "config.headers[1].key", "repeats an earlier header");
    }

    @Test
    void reportsMissingKeyAndValueAndUnknownFieldOfAHeaderEntry() {
        ObjectNode body = httpTool("'headers': [{'name': 'X-A'}]");

        List<FieldError> errors = errors(PARSER.parse(body));

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly("config.headers[0].key", "config.headers[0].value", "config.headers[0].name");
    }

    @Test
    void rejectsHeadersGivenAsAnObject() {
        assertSingleError(PARSER.parse(httpTool("'headers': {'X-A': 'v'}")), "config.headers", "must be an array");
    }

    @Test
    void rejectsHeaderEntryThatIsNotAnObject() {
        assertSingleError(PARSER.parse(httpTool("'headers': ['X-A: v']")), "config.headers[0]", "must be an object");
    }

    @Test
    void rejectsMoreThanFiftyHeaders() {
        ObjectNode body = httpTool("");
        var headers = ((ObjectNode) body.get("config")).putArray("headers");
        for (int i = 0; i < 51; i++) {
            headers.addObject().put("key", "X-H" + i).put("value", "v");
        }

        assertSingleError(PARSER.parse(body), "config.headers", "at most 50 entries");
    }

    @Test
    void turnsAuthorizationHeaderIntoWriteOnlyBearerAuth() {
        ObjectNode body = httpTool(
                "'headers': [{'key': 'Authorization', 'value': 'Bearer {{secrets.CRM}}'}, {'key': 'X-A', 'value': 'a'}]");

        HttpRequestConfig config = httpConfig(PARSER.parse(body));

        assertThat(config.auth()).isEqualTo(new Auth.Bearer("{{secrets.CRM}}"));
        assertThat(config.headers()).containsExactly(new KeyValue("X-A", "a"));
    }

    @Test
    void turnsOtherAuthorizationSchemesIntoHeaderAuth() {
        ObjectNode body = httpTool("'headers': [{'key': 'authorization', 'value': 'Basic dXNlcjpwYXNz'}]");

        assertThat(httpConfig(PARSER.parse(body)).auth())
                .isEqualTo(new Auth.Header("authorization", "Basic dXNlcjpwYXNz"));
    }

    @Test
    void refusesAuthorizationHeaderNextToBearerAuth() {
        ObjectNode body = httpTool(
                "'auth': {'type': 'bearer', 'token': 't'}, 'headers': [{'key': 'Authorization', 'value': 'Bearer x'}]");

        assertSingleError(PARSER.parse(body), "config.headers[0].key", "conflicts with auth");
    }

    @Test
    void refusesHeaderThatHeaderAuthAlreadySends() {
        ObjectNode body = httpTool(
                "'auth': {'type': 'header', 'header_name': 'X-Api-Key', 'value': 'k'}, 'headers': [{'key': 'x-api-key', 'value': 'x'}]");

        assertSingleError(PARSER.parse(body), "config.headers[0].key", "conflicts with auth");
    }

    @Test
    void checksTemplatesInQueryParams() {
        ObjectNode body =
                httpTool("'query_params': [{'key': 'q', 'value': '{{args.city'}, {'key': ' ', 'value': 'x'}]");

        List<FieldError> errors = errors(PARSER.parse(body));

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly("config.query_params[0].value", "config.query_params[1].key");
        assertThat(errors.get(0).message()).contains("unbalanced template braces");
    }

    @Test
    void rejectsUnknownBodyMode() {
        assertSingleError(
                PARSER.parse(httpTool("'body_mode': 'raw'")), "config.body_mode", "must be one of envelope, arguments");
    }

    @Test
    void readsBearerAuth() {
        HttpRequestConfig config =
                httpConfig(PARSER.parse(httpTool("'auth': {'type': 'bearer', 'token': '{{secrets.T}}'}")));

        assertThat(config.auth()).isEqualTo(new Auth.Bearer("{{secrets.T}}"));
    }

    @Test
    void readsExplicitNoAuth() {
        assertThat(httpConfig(PARSER.parse(httpTool("'auth': {'type': 'none'}")))
                        .auth())
                .isEqualTo(new Auth.None());
    }

    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "{'token': 't'}                                          | config.auth.type        | is required",
                "{'type': 'basic'}                                       | config.auth.type        | must be one of none, bearer, header",
                "{'type': 'bearer'}                                      | config.auth.token       | is required",
                "{'type': 'bearer', 'token': ' '}                        | config.auth.token       | must not be blank",
                "{'type': 'bearer', 'token': '***'}                      | config.auth.token       | masked placeholder",
                "{'type': 'bearer', 'token': '{{secret.T}}'}             | config.auth.token       | unknown template",
                "{'type': 'bearer', 'token': 't', 'value': 'v'}          | config.auth.value       | is not used by auth type bearer",
                "{'type': 'none', 'token': 't'}                          | config.auth.token       | is not used by auth type none",
                "{'type': 'header', 'value': 'v'}                        | config.auth.header_name | is required",
                "{'type': 'header', 'header_name': 'Host', 'value': 'v'} | config.auth.header_name | Toolgate sets",
                "{'type': 'header', 'header_name': 'Upgrade', 'value': 'v'} | config.auth.header_name | RFC 9110 §7.6.1",
                "{'type': 'header', 'header_name': 'Proxy-Authorization', 'value': 'v'} | config.auth.header_name | Toolgate sets",
                "{'type': 'header', 'header_name': 'X-K'}                | config.auth.value       | is required",
                "{'type': 'header', 'header_name': 'X-K', 'value': 'v', 'token': 't'} | config.auth.token | is not used by auth type header",
                "{'type': 'bearer', 'token': 't', 'scheme': 'x'}         | config.auth.scheme      | is not a known field of auth",
                "'bearer'                                                | config.auth             | must be an object",
            })
    @ParameterizedTest
    void reportsEachAuthMistakeAtItsPath(String auth, String field, String message) {
        assertSingleError(PARSER.parse(httpTool("'auth': " + auth)), field, message);
    }

    @Test
    void acceptsTimeoutEqualToTheBudget() {
        assertThat(httpConfig(PARSER.parse(httpTool("'timeout': 10"))).timeout())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void rejectsTimeoutOverTheDeploymentBudget() {
        assertSingleError(
                PARSER.parse(httpTool("'timeout': 30")),
                "config.timeout",
                "must be at most 10 seconds (the deployment budget)");
    }

    @Test
    void rejectsTimeoutJustOverTheBudget() {
        assertSingleError(PARSER.parse(httpTool("'timeout': 10.001")), "config.timeout", "must be at most 10 seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1"})
    void rejectsTimeoutThatIsNotPositive(String timeout) {
        assertSingleError(
                PARSER.parse(httpTool("'timeout': " + timeout)), "config.timeout", "must be greater than 0 seconds");
    }

    @Test
    void rejectsTimeoutGivenAsText() {
        assertSingleError(PARSER.parse(httpTool("'timeout': '5'")), "config.timeout", "must be a number of seconds");
    }

    @Test
    void checksTimeoutAndResponseCapAgainstConfiguredLimits() {
        ToolDefinitionParser parser = new ToolDefinitionParser(new ToolLimits(Duration.ofMillis(2500), 1024));

        List<FieldError> errors = errors(parser.parse(httpTool("'timeout': 3, 'max_response_bytes': 2048")));

        assertThat(errors)
                .containsExactly(
                        new FieldError("config.timeout", "must be at most 2.5 seconds (the deployment budget)"),
                        new FieldError(
                                "config.max_response_bytes",
                                "must be a whole number between 1 and 1024 (the deployment cap, in bytes)"));
    }

    @Test
    void defaultsTimeoutAndResponseCapToConfiguredLimits() {
        ToolDefinitionParser parser = new ToolDefinitionParser(new ToolLimits(Duration.ofSeconds(4), 1024));

        HttpRequestConfig config = httpConfig(parser.parse(httpTool("")));

        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.maxResponseBytes()).isEqualTo(1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65537", "1.5", "'big'"})
    void rejectsResponseCapOutsideOneToTheDeploymentCap(String value) {
        assertSingleError(
                PARSER.parse(httpTool("'max_response_bytes': " + value)),
                "config.max_response_bytes",
                "between 1 and 65536");
    }

    @Test
    void rejectsNonBooleanSpeakFlags() {
        List<FieldError> errors =
                errors(PARSER.parse(httpTool("'speak_during_execution': 1, 'speak_after_execution': 'no'")));

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly("config.speak_during_execution", "config.speak_after_execution");
    }

    @Test
    void rejectsErrorHintLongerThan500Characters() {
        assertSingleError(
                PARSER.parse(httpTool("'error_hint': '" + "h".repeat(501) + "'")),
                "config.error_hint",
                "must be at most 500 characters");
    }

    @Test
    void rejectsUnknownSignatureScheme() {
        assertSingleError(
                PARSER.parse(httpTool("'signature_scheme': 'stripe'")),
                "config.signature_scheme",
                "must be one of toolgate, standard_webhooks");
    }

    @Test
    void rejectsUnknownConfigFieldListingTheKnownOnes() {
        assertSingleError(
                PARSER.parse(httpTool("'timeout_ms': 500")),
                "config.timeout_ms",
                "is not a known field of an http_request config; known fields: url, method");
    }

    @Test
    void rejectsNativeExampleForItsTimeoutAndPlaceholderTemplates() {
        ObjectNode body = json("""
                {'name': 'lookup_customer', 'description': 'Looks up customer info', 'tool_type': 'http_request',
                 'config': {'url': 'https://crm.example.com/api/customers', 'method': 'GET',
                   'headers': [{'key': 'Authorization', 'value': 'Bearer {{API_KEY}}'}],
                   'query_params': [{'key': 'phone', 'value': '{{caller_phone}}'}],
                   'timeout': 30, 'speak_during_execution': true, 'speak_after_execution': true}}""");

        List<FieldError> errors = errors(PARSER.parse(body));

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly("config.headers[0].value", "config.query_params[0].value", "config.timeout");
    }
}
