package dev.toolgate.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TemplateRendererTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final UUID TENANT = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID AGENT = UUID.fromString("22222222-2222-4222-8222-222222222222");
    private static final CallContext CALL =
            new CallContext("call_42", "+493012345678", TENANT, AGENT, Map.of("customer_id", "C-981"));
    private static final JsonNode ARGUMENTS = MAPPER.readTree("""
            {"city": "São Paulo", "days": 3, "ratio": 2.50, "metric": true, "tags": ["a", "ü"],
             "where": {"lat": 1.5, "lon": -2}, "nothing": null}""");

    private final TemplateRenderer renderer = new TemplateRenderer(SecretResolver.NONE);

    @Test
    void fillsInTheCallFields() {
        String rendered =
                renderer.render("{{call_id}}|{{caller_number}}|{{agent_id}}|{{ tenant_id }}", CALL, ARGUMENTS);

        assertThat(rendered).isEqualTo("call_42|+493012345678|" + AGENT + "|" + TENANT);
    }

    @Test
    void rendersAnUnknownCallerNumberAsEmpty() {
        CallContext anonymous = new CallContext("call_42", null, TENANT, AGENT, Map.of());

        assertThat(renderer.render("from={{caller_number}}", anonymous, ARGUMENTS))
                .isEqualTo("from=");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{{args.city}}     | São Paulo",
                "{{args.days}}     | 3",
                "{{args.ratio}}    | 2.5",
                "{{args.metric}}   | true",
                "{{args.tags}}     | [\"a\",\"ü\"]",
                "{{args.where}}    | {\"lat\":1.5,\"lon\":-2}",
                "'{{args.nothing}}' | ''",
                "'{{args.absent}}'  | ''",
            })
    void rendersArgumentsAsText(String template, String expected) {
        assertThat(renderer.render(template, CALL, ARGUMENTS)).isEqualTo(expected);
    }

    @Test
    void rendersCallVariablesAndEmptyForUnsetOnes() {
        String rendered = renderer.render("{{vars.customer_id}}/{{vars.not_extracted}}/", CALL, ARGUMENTS);

        assertThat(rendered).isEqualTo("C-981//");
    }

    @Test
    void resolvesSecretsForTheCallsTenant() {
        List<UUID> askedFor = new ArrayList<>();
        TemplateRenderer withSecrets = new TemplateRenderer((tenant, name) -> {
            askedFor.add(tenant);
            return name.equals("crm_token") ? Optional.of("s3cr$t\\1") : Optional.empty();
        });

        String rendered = withSecrets.render("Token {{secrets.crm_token}}", CALL, ARGUMENTS);

        assertThat(rendered).isEqualTo("Token s3cr$t\\1");
        assertThat(askedFor).containsExactly(TENANT);
    }

    @Test
    void failsNamingAMissingSecretButNoValue() {
        TemplateRenderer withSecrets = new TemplateRenderer(
                (tenant, name) -> name.equals("present") ? Optional.of("VALUE-123") : Optional.empty());

        assertThatThrownBy(() -> withSecrets.render("{{secrets.present}}:{{secrets.crm_token}}", CALL, ARGUMENTS))
                .isInstanceOfSatisfying(RenderException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INTERNAL);
                    assertThat(e.getMessage()).contains("'crm_token'").doesNotContain("VALUE-123");
                    assertThat(e.getStackTrace()).isEmpty();
                });
    }

    @Test
    void copiesTextWithoutPlaceholdersAsIs() {
        assertThat(renderer.render("plain $1 \\ value", CALL, ARGUMENTS)).isEqualTo("plain $1 \\ value");
    }

    @Test
    void refusesAnUnknownExpression() {
        assertThatThrownBy(() -> renderer.render("{{env.HOME}}", CALL, ARGUMENTS))
                .isInstanceOfSatisfying(
                        RenderException.class,
                        e -> assertThat(e.error().code()).isEqualTo(ErrorCode.HTTP_TOOL_INTERNAL));
    }
}
