package dev.toolgate.core.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.args.ArgumentValidator;
import dev.toolgate.core.telephony.Destination;
import dev.toolgate.core.telephony.SipUri;
import dev.toolgate.core.tool.EndCallConfig;
import dev.toolgate.core.tool.MonitoredTransferConfig;
import dev.toolgate.core.tool.PlayToneConfig;
import dev.toolgate.core.tool.TransferCallConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The action JSON, its JSON Schema, and the copy of both in docs/voice-runtime.md. */
class ActionJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ArgumentValidator SCHEMA = ArgumentValidator.compile(ActionJson.schema());
    private static final Path DOC = Path.of("..", "docs", "voice-runtime.md");

    private static final Destination PHONE = new Destination.Phone("+4930999888");
    private static final Destination SIP =
            new Destination.Sip(SipUri.parse("sips:desk@pbx.example.com:5061").valueOrNull());

    /** The fenced blocks of the doc whose info string is {@code json <tag>}. */
    private static List<String> docBlocks(String tag) throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(DOC)) {
            if (current == null && line.equals("```json " + tag)) {
                current = new StringBuilder();
            } else if (current != null && line.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }

    static Stream<CallAction> actions() {
        return Stream.of(
                new CallAction.Transfer(TransferMode.COLD, PHONE, null, false, null, null),
                new CallAction.Transfer(TransferMode.COLD, PHONE, "w12#", true, null, null),
                new CallAction.Transfer(TransferMode.WARM, SIP, null, true, "Hotline caller.", "Jane, invoice 17."),
                new CallAction.MonitoredTransfer(SIP, null, 300),
                new CallAction.MonitoredTransfer(PHONE, "7", 1),
                new CallAction.EndCall(null),
                new CallAction.EndCall("Goodbye!"),
                new CallAction.SendDtmf("123A*#wW", 40, 0.0),
                new CallAction.SendDtmf("1".repeat(64), 500, 1.0));
    }

    @ParameterizedTest
    @MethodSource("actions")
    void everyActionMatchesTheSchema(CallAction action) {
        assertThat(SCHEMA.validate(ActionJson.toJson(action))).isEmpty();
        assertThat(SCHEMA.validate(ActionJson.toJson(new ActionResult.Ready(action, "A note."))))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("actions")
    void everyActionReadsBackFromItsJsonAsTheSameAction(CallAction action) {
        assertThat(ActionJson.fromJson(ActionJson.toJson(new ActionResult.Ready(action, "A note."))))
                .isEqualTo(action);
    }

    @Test
    void readingSomethingThatIsNoActionFails() {
        assertThatThrownBy(() -> ActionJson.fromJson(MAPPER.readTree("{\"type\": \"reboot\"}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActionJson.fromJson(MAPPER.readTree(
                        "{\"type\": \"transfer\", \"destination\": {\"type\": \"phone\", \"number\": \"12\"}}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plannedActionsMatchTheSchema() {
        TransferCallConfig transfer = TransferCallConfig.builder("+4930999888")
                .transferMode("warm")
                .playHoldMusic(true)
                .allowedDestinations(List.of("sip:b@pbx.example.com"))
                .extension("1")
                .whisperMessage("Hi.")
                .summary(true)
                .build();
        List<ActionResult> results = List.of(
                CallActions.plan(transfer, MAPPER.readTree("{\"destination\": \"+1 900 555 0123\"}"), "US"),
                CallActions.plan(transfer, MAPPER.readTree("{\"destination\": \"sip:b@pbx.example.com\"}"), "US"),
                CallActions.plan(new MonitoredTransferConfig("sip:d@pbx.example.com", 20), null, "US"),
                CallActions.plan(new EndCallConfig("Bye"), null, "US"),
                CallActions.plan(
                        new PlayToneConfig("dtmf", null, 100, 0.8), MAPPER.readTree("{\"digits\": \"9w#\"}"), "US"));

        for (ActionResult result : results) {
            assertThat(result).isInstanceOf(ActionResult.Ready.class);
            assertThat(SCHEMA.validate(ActionJson.toJson((ActionResult.Ready) result)))
                    .as(result.toString())
                    .isEmpty();
        }
    }

    @Test
    void writesEveryFieldAndTheNote() {
        JsonNode json = ActionJson.toJson(new ActionResult.Ready(
                new CallAction.Transfer(TransferMode.WARM, SIP, null, true, "Hotline caller.", null), "Note."));

        assertThat(json.toString())
                .isEqualTo("{\"type\":\"transfer\",\"mode\":\"warm\",\"destination\":{\"type\":\"sip\","
                        + "\"uri\":\"sips:desk@pbx.example.com:5061\"},\"extension\":null,\"hold_music\":true,"
                        + "\"whisper\":\"Hotline caller.\",\"summary\":null,\"note\":\"Note.\"}");
        assertThat(ActionJson.modelContent(new ActionResult.Ready(new CallAction.EndCall(null), null))
                        .toString())
                .isEqualTo("{\"status\":\"ok\",\"action\":\"end_call\"}");
    }

    @ValueSource(
            strings = {
                "{'type': 'transfer', 'mode': 'cold', 'destination': {'type': 'phone', 'number': '+4930999888'},"
                        + " 'extension': null, 'hold_music': false, 'whisper': 'Hi', 'summary': null}",
                "{'type': 'transfer', 'mode': 'sideways', 'destination': {'type': 'phone', 'number': '+4930999888'},"
                        + " 'extension': null, 'hold_music': false, 'whisper': null, 'summary': null}",
                "{'type': 'transfer', 'mode': 'cold', 'destination': {'type': 'phone', 'number': '4930999888'},"
                        + " 'extension': null, 'hold_music': false, 'whisper': null, 'summary': null}",
                "{'type': 'monitored_transfer', 'destination': {'type': 'sip', 'uri': 'sip:pbx.example.com'},"
                        + " 'extension': null, 'timeout_seconds': 20}",
                "{'type': 'monitored_transfer', 'destination': {'type': 'sip', 'uri': 'sip:a@pbx.example.com'},"
                        + " 'extension': null, 'timeout_seconds': 301}",
                "{'type': 'end_call'}",
                "{'type': 'end_call', 'goodbye_message': null, 'then': 'dial'}",
                "{'type': 'send_dtmf', 'digits': 'x', 'duration_ms': 100, 'volume': 0.5}",
                "{'type': 'send_dtmf', 'digits': '1', 'duration_ms': 501, 'volume': 0.5}",
                "{'type': 'send_dtmf', 'digits': '1', 'duration_ms': 100, 'volume': 1.5}",
                "{'type': 'hold'}",
            })
    @ParameterizedTest
    void theSchemaRefusesMalformedActions(String json) {
        assertThat(SCHEMA.validate(MAPPER.readTree(json.replace('\'', '"')))).isNotEmpty();
    }

    @Test
    void theDocShowsTheSchemaResourceVerbatim() throws IOException {
        List<String> schemas = docBlocks("action-schema");

        assertThat(schemas).hasSize(1);
        assertThat(MAPPER.readTree(schemas.get(0))).isEqualTo(ActionJson.schema());
    }

    @Test
    void theDocsExamplesMatchTheSchema() throws IOException {
        List<String> examples = docBlocks("action-example");

        assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
        for (String example : examples) {
            assertThat(SCHEMA.validate(MAPPER.readTree(example))).as(example).isEmpty();
        }
    }
}
