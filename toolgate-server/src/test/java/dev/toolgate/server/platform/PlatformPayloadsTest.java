package dev.toolgate.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.server.api.ApiErrorCode;
import dev.toolgate.server.api.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What Toolgate reads from the platforms' payloads. */
class PlatformPayloadsTest {

    @Test
    void vapiToolCallsInBothShapesWithTheCallAndTheCustomer() {
        PlatformPayloads.VapiToolCalls message = PlatformPayloads.vapi(PlatformPayloads.object(bytes("""
                {"message": {"type": "tool-calls", "call": {"id": "call-1", "customer": {"number": "+1555"}},
                 "toolCallList": [
                   {"id": "t1", "type": "function", "function": {"name": "a", "arguments": "{\\"x\\": 1}"}},
                   {"id": "t2", "name": "b", "arguments": {"y": 2}}]}}""")));
        assertThat(message.toolCalls()).hasSize(2);
        assertThat(message.toolCalls().get(0).name()).isEqualTo("a");
        assertThat(message.toolCalls().get(0).arguments().asString()).isEqualTo("{\"x\": 1}");
        assertThat(message.toolCalls().get(1).id()).isEqualTo("t2");
        assertThat(message.toolCalls().get(1).arguments().get("y").asInt()).isEqualTo(2);
        assertThat(message.call().id()).isEqualTo("call-1");
        assertThat(message.call().callerNumber()).isEqualTo("+1555");
    }

    @Test
    void otherVapiMessagesCarryNoToolCallsAndBrokenOnesNameTheField() {
        assertThat(PlatformPayloads.vapi(PlatformPayloads.object(bytes("{\"message\": {\"type\": \"hang\"}}")))
                        .toolCalls())
                .isEmpty();
        assertThatThrownBy(() -> PlatformPayloads.vapi(PlatformPayloads.object(
                        bytes("{\"message\": {\"type\": \"tool-calls\", \"toolCallList\": [{\"function\": {}}]}}"))))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.errors())
                                .extracting(dev.toolgate.core.tool.FieldError::field)
                                .containsExactly(
                                        "message.toolCallList[0].id", "message.toolCallList[0].function.name"));
    }

    @Test
    void retellTakesTheOtherPartysNumber() {
        PlatformPayloads.RetellCall inbound = PlatformPayloads.retell(PlatformPayloads.object(bytes("""
                {"name": "a", "args": {"x": 1}, "call": {"call_id": "r1", "direction": "inbound",
                 "from_number": "+1000", "to_number": "+2000"}}""")));
        assertThat(inbound.toolCall().name()).isEqualTo("a");
        assertThat(inbound.call().id()).isEqualTo("r1");
        assertThat(inbound.call().callerNumber()).isEqualTo("+1000");
        PlatformPayloads.RetellCall outbound = PlatformPayloads.retell(PlatformPayloads.object(bytes("""
                {"name": "a", "call": {"direction": "outbound", "from_number": "+1000", "to_number": "+2000"}}""")));
        assertThat(outbound.call().callerNumber()).isEqualTo("+2000");
    }

    @Test
    void bodiesMustBeOneJsonObjectWithUniqueKeys() {
        assertThatThrownBy(() -> PlatformPayloads.object(bytes("[1]")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ApiErrorCode.MALFORMED_BODY));
        assertThatThrownBy(() -> PlatformPayloads.object(bytes("{\"a\": 1, \"a\": 2}")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo(ApiErrorCode.DUPLICATE_JSON_KEY));
        assertThatThrownBy(() -> PlatformPayloads.object(new byte[0])).isInstanceOf(ApiException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
