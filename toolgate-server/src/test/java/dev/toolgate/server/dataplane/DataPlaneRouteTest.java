package dev.toolgate.server.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which requests the data plane's front takes; everything else goes to Spring MVC. */
class DataPlaneRouteTest {

    static final String AGENT = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b";

    @Test
    void aPostToAnAgentsInvocationsOrToolCallsIsARoute() {
        assertThat(DataPlaneRoute.of("POST", "/v1/agents/" + AGENT + "/invocations"))
                .isEqualTo(new DataPlaneRoute(DataPlaneRoute.Endpoint.INVOKE, UUID.fromString(AGENT)));
        assertThat(DataPlaneRoute.of("POST", "/v1/agents/" + AGENT.toUpperCase() + "/tool-calls"))
                .isEqualTo(new DataPlaneRoute(DataPlaneRoute.Endpoint.TOOL_CALLS, UUID.fromString(AGENT)));
    }

    @Test
    void otherMethodsPathsAndIdFormsAreNot() {
        assertThat(DataPlaneRoute.of("GET", "/v1/agents/" + AGENT + "/invocations"))
                .isNull();
        assertThat(DataPlaneRoute.of("POST", "/v1/agents/" + AGENT + "/invocations/"))
                .isNull();
        assertThat(DataPlaneRoute.of("POST", "/v1/agents/" + AGENT + "/tools")).isNull();
        assertThat(DataPlaneRoute.of("POST", "/v1/agents/" + AGENT + ";x=1/invocations"))
                .isNull();
        assertThat(DataPlaneRoute.of("POST", "/v1/agents/1-1-1-1-1/invocations"))
                .isNull();
        assertThat(DataPlaneRoute.of("POST", "/v1/agents/" + AGENT.replace('-', '%') + "/invocations"))
                .isNull();
        assertThat(DataPlaneRoute.of("POST", "/v1/agents/" + AGENT.replace('a', 'g') + "/invocations"))
                .isNull();
    }

    @Test
    void onlyAJsonAnswerOrNoPreferenceIsServed() {
        assertThat(DataPlaneRoute.acceptsJson(null)).isTrue();
        assertThat(DataPlaneRoute.acceptsJson("application/json")).isTrue();
        assertThat(DataPlaneRoute.acceptsJson("*/*")).isTrue();
        assertThat(DataPlaneRoute.acceptsJson("Application/JSON; q=0.9, */*;q=0.1"))
                .isTrue();
        assertThat(DataPlaneRoute.acceptsJson("text/event-stream")).isFalse();
        assertThat(DataPlaneRoute.acceptsJson("application/xml")).isFalse();
        assertThat(DataPlaneRoute.acceptsJson("application/json, text/event-stream"))
                .isFalse();
    }

    @Test
    void theBodyMustBeDeclaredJson() {
        assertThat(DataPlaneRoute.isJson("application/json")).isTrue();
        assertThat(DataPlaneRoute.isJson("application/json; charset=utf-8")).isTrue();
        assertThat(DataPlaneRoute.isJson(null)).isFalse();
        assertThat(DataPlaneRoute.isJson("text/plain")).isFalse();
        assertThat(DataPlaneRoute.isJson("application/x-www-form-urlencoded")).isFalse();
    }
}
