package dev.toolgate.core.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.telephony.Destination;
import dev.toolgate.core.telephony.SipUri;
import dev.toolgate.core.tool.EndCallConfig;
import dev.toolgate.core.tool.ExtractVariableConfig;
import dev.toolgate.core.tool.MonitoredTransferConfig;
import dev.toolgate.core.tool.PlayToneConfig;
import dev.toolgate.core.tool.ToolConfig;
import dev.toolgate.core.tool.ToolType;
import dev.toolgate.core.tool.TransferCallConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Turning call-control tool calls into actions; a model cannot move a call anywhere unconfigured. */
class CallActionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final TransferCallConfig SALES = TransferCallConfig.builder("+4930999888")
            .allowedDestinations(List.of("+14155550100", "sip:billing@pbx.example.com"))
            .build();

    private static final Destination DEFAULT = new Destination.Phone("+4930999888");

    private static JsonNode args(String json) {
        return MAPPER.readTree(json.replace('\'', '"'));
    }

    private static ActionResult.Ready ready(ToolConfig config, String json, String region) {
        ActionResult result = CallActions.plan(config, args(json), region);
        assertThat(result).isInstanceOf(ActionResult.Ready.class);
        return (ActionResult.Ready) result;
    }

    private static ToolError invalid(ToolConfig config, String json) {
        ActionResult result = CallActions.plan(config, args(json), "US");
        assertThat(result).isInstanceOf(ActionResult.Invalid.class);
        ToolError error = ((ActionResult.Invalid) result).error();
        assertThat(error.code()).isEqualTo(ErrorCode.HTTP_TOOL_INVALID_ARGS);
        return error;
    }

    private static Destination destinationOf(ActionResult.Ready ready) {
        return ((CallAction.Transfer) ready.action()).destination();
    }

    @Test
    void transfersToTheConfiguredNumberWithoutArguments() {
        ActionResult.Ready ready = ready(SALES, "{}", "US");

        assertThat(ready.action())
                .isEqualTo(new CallAction.Transfer(TransferMode.COLD, DEFAULT, null, false, null, null));
        assertThat(ready.note()).isNull();
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "+1 (415) 555-0100             | US | +14155550100",
                "(415) 555-0100                | US | +14155550100",
                "001 415 555 0100              | DE | +14155550100",
                "030 999888                    | DE | +4930999888",
                "SIP:billing@PBX.example.com   | US | sip:billing@pbx.example.com",
            })
    @ParameterizedTest(name = "{0} in {1} → {2}")
    void takesANamedDestinationThatIsAllowedOnceNormalized(String named, String region, String expected) {
        ActionResult.Ready ready = ready(SALES, "{'destination': '" + named + "'}", region);

        assertThat(destinationOf(ready).text()).isEqualTo(expected);
        assertThat(ready.note()).isNull();
    }

    @CsvSource(
            delimiter = '|',
            value = {
                "+1 900 555 0123",
                "+19005550123",
                "1-900-555-0123",
                "+14155550101",
                "sip:billing@evil.example.com",
                "sip:billing@pbx.example.com:5070",
                "sips:billing@pbx.example.com",
                "my mother at home",
                "sip:root@10.0.0.1",
                "911",
            })
    @ParameterizedTest(name = "{0}")
    void neverDialsADestinationOutsideTheList(String named) {
        ActionResult.Ready ready = ready(SALES, "{'destination': '" + named + "'}", "US");

        assertThat(destinationOf(ready)).isEqualTo(DEFAULT);
        assertThat(ready.note())
                .startsWith("The destination \"" + named + "\" is not one this tool may transfer the caller to;")
                .endsWith("the tool's default destination is used instead.");
    }

    @Test
    void ignoresANamedDestinationWhenTheToolHasNoList() {
        TransferCallConfig single = new TransferCallConfig("+4930999888", "cold", false);

        ActionResult.Ready ready = ready(single, "{'destination': '+1 900 555 0123'}", "US");

        assertThat(destinationOf(ready)).isEqualTo(DEFAULT);
        assertThat(ready.note()).contains("is not one this tool may transfer the caller to");
        assertThat(ready(single, "{'destination': '+49 30 999888'}", "US").note())
                .isNull();
    }

    @Test
    void truncatesAHugeNamedDestinationInTheNote() {
        ActionResult.Ready ready = ready(SALES, "{'destination': '" + "9".repeat(500) + "'}", "US");

        assertThat(ready.note()).contains("9".repeat(64) + "…\"").doesNotContain("9".repeat(65));
    }

    @Test
    void dialsTheConfiguredExtensionAndIgnoresTheModels() {
        TransferCallConfig withExtension = TransferCallConfig.builder("+4930999888")
                .allowedDestinations(List.of("+14155550100"))
                .extension("w12#")
                .build();

        ActionResult.Ready ready = ready(withExtension, "{'extension': '9011'}", "US");

        assertThat(((CallAction.Transfer) ready.action()).extension()).isEqualTo("w12#");
        assertThat(ready.note()).isEqualTo("The extension is fixed by the tool; \"9011\" was ignored.");
    }

    @Test
    void takesTheModelsPlainDigitExtensionOtherwise() {
        ActionResult.Ready ready = ready(SALES, "{'destination': '+14155550100', 'extension': ' 1234 '}", "US");

        CallAction.Transfer transfer = (CallAction.Transfer) ready.action();
        assertThat(transfer.destination()).isEqualTo(new Destination.Phone("+14155550100"));
        assertThat(transfer.extension()).isEqualTo("1234");
    }

    @CsvSource({"*72", "9#", "12w3", "12345678901", "A", "one"})
    @ParameterizedTest
    void refusesAModelExtensionThatIsNotPlainDigits(String extension) {
        ToolError error = invalid(SALES, "{'extension': '" + extension + "'}");

        assertThat(error.message()).isEqualTo("The extension must be 1 to 10 digits (0-9).");
    }

    @Test
    void dropsAnExtensionOnASipDestination() {
        ActionResult.Ready ready =
                ready(SALES, "{'destination': 'sip:billing@pbx.example.com', 'extension': '12'}", "US");

        CallAction.Transfer transfer = (CallAction.Transfer) ready.action();
        assertThat(transfer.destination().text()).isEqualTo("sip:billing@pbx.example.com");
        assertThat(transfer.extension()).isNull();
        assertThat(ready.note()).isEqualTo("A SIP destination takes no extension; it was left out.");
    }

    @Test
    void givesAWarmTransferItsWhisperAndTheModelsSummary() {
        TransferCallConfig warm = TransferCallConfig.builder("sip:desk@pbx.example.com")
                .transferMode("warm")
                .playHoldMusic(true)
                .whisperMessage("A caller from the hotline.")
                .summary(true)
                .build();

        ActionResult.Ready ready = ready(warm, "{'summary': '  Jane wants to move her appointment.  '}", "US");

        assertThat(ready.action())
                .isEqualTo(new CallAction.Transfer(
                        TransferMode.WARM,
                        new Destination.Sip(
                                SipUri.parse("sip:desk@pbx.example.com").valueOrNull()),
                        null,
                        true,
                        "A caller from the hotline.",
                        "Jane wants to move her appointment."));
    }

    @Test
    void ignoresASummaryTheToolDoesNotAskFor() {
        TransferCallConfig warm = TransferCallConfig.builder("+4930999888")
                .transferMode("warm")
                .whisperMessage("Hotline caller.")
                .build();

        CallAction.Transfer transfer =
                (CallAction.Transfer) ready(warm, "{'summary': 'x'}", "US").action();

        assertThat(transfer.summary()).isNull();
        assertThat(transfer.whisper()).isEqualTo("Hotline caller.");
    }

    @Test
    void refusesAnOverlongSummaryAndWrongArgumentTypes() {
        TransferCallConfig warm = TransferCallConfig.builder("+4930999888")
                .transferMode("warm")
                .summary(true)
                .build();

        assertThat(invalid(warm, "{'summary': '" + "s".repeat(1001) + "'}").message())
                .isEqualTo("The summary is longer than 1000 characters.");
        assertThat(invalid(SALES, "{'destination': 14155550100}").message())
                .isEqualTo("The destination argument must be a string.");
        assertThat(invalid(SALES, "{'extension': 12}").message()).isEqualTo("The extension argument must be a string.");
    }

    @Test
    void plansAMonitoredTransferWithTheSameDestinationRules() {
        MonitoredTransferConfig monitored =
                new MonitoredTransferConfig("sip:desk@pbx.example.com", 25, List.of("+4930999889"), null);

        ActionResult.Ready allowed = ready(monitored, "{'destination': '+49 30 999889', 'extension': '7'}", "DE");
        ActionResult.Ready refused = ready(monitored, "{'destination': '+1 900 555 0123'}", "DE");

        assertThat(allowed.action())
                .isEqualTo(new CallAction.MonitoredTransfer(new Destination.Phone("+4930999889"), "7", 25));
        assertThat(((CallAction.MonitoredTransfer) refused.action())
                        .destination()
                        .text())
                .isEqualTo("sip:desk@pbx.example.com");
        assertThat(refused.note()).contains("+1 900 555 0123");
    }

    @Test
    void endsTheCallWithTheGoodbye() {
        assertThat(ready(new EndCallConfig("Goodbye!"), "{}", "US").action())
                .isEqualTo(new CallAction.EndCall("Goodbye!"));
        assertThat(CallActions.plan(new EndCallConfig(null), null, "US"))
                .isEqualTo(new ActionResult.Ready(new CallAction.EndCall(null), null));
    }

    @Test
    void playsTheConfiguredDigitsAndIgnoresTheModels() {
        ActionResult.Ready ready = ready(new PlayToneConfig("dtmf", "1w2#", 100, 0.5), "{'digits': '9999'}", "US");

        assertThat(ready.action()).isEqualTo(new CallAction.SendDtmf("1w2#", 100, 0.5));
        assertThat(ready.note()).contains("\"9999\" were ignored");
    }

    @Test
    void playsTheModelsDigitsWhenTheConfigLeavesThemOpen() {
        PlayToneConfig open = new PlayToneConfig("dtmf", null, 80, 0.8);

        assertThat(ready(open, "{'digits': '123A*#wW'}", "US").action())
                .isEqualTo(new CallAction.SendDtmf("123A*#wW", 80, 0.8));
        assertThat(ready(open, "{'digits': '" + "1".repeat(64) + "'}", "US").action())
                .isInstanceOf(CallAction.SendDtmf.class);
        assertThat(invalid(open, "{'digits': '" + "1".repeat(65) + "'}").message())
                .isEqualTo("The digits argument must be at most 64 DTMF symbols.");
        assertThat(invalid(open, "{'digits': '12E'}").message())
                .startsWith("The digits argument has 'E' at position 3");
        assertThat(invalid(open, "{}").message()).isEqualTo("The digits argument is missing.");
    }

    @Test
    void handlesOnlyCallControlTypes() {
        assertThat(CallActions.isCallControl(ToolType.TRANSFER_CALL)).isTrue();
        assertThat(CallActions.isCallControl(ToolType.PLAY_TONE)).isTrue();
        assertThat(CallActions.isCallControl(ToolType.EXTRACT_VARIABLE)).isFalse();
        assertThatThrownBy(
                        () -> CallActions.plan(new ExtractVariableConfig("v", "email", null, null, false), null, "US"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
