package dev.toolgate.core.tool;

import static dev.toolgate.core.tool.ToolJson.PARSER;
import static dev.toolgate.core.tool.ToolJson.assertSingleError;
import static dev.toolgate.core.tool.ToolJson.errors;
import static dev.toolgate.core.tool.ToolJson.json;
import static dev.toolgate.core.tool.ToolJson.tool;
import static dev.toolgate.core.tool.ToolJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** The six tool types the voice runtime carries out itself, with the documented example configs. */
class ActionConfigParsingTest {

    @Test
    void parsesSeedTransferCall() {
        ToolDefinition def = valid(PARSER.parse(tool(
                "transfer_call",
                "{'phone_number': '+4930999888', 'transfer_mode': 'cold', 'play_hold_music': false}")));

        assertThat(def.config()).isEqualTo(new TransferCallConfig("+4930999888", "cold", false));
        assertThat(def.type()).isEqualTo(ToolType.TRANSFER_CALL);
    }

    @Test
    void defaultsTransferToColdWithoutHoldMusic() {
        ToolDefinition def = valid(PARSER.parse(tool("transfer_call", "{'phone_number': '+4930999888'}")));

        assertThat(def.config()).isEqualTo(new TransferCallConfig("+4930999888", "cold", false));
    }

    @Test
    void parsesSeedMonitoredTransfer() {
        ToolDefinition def = valid(
                PARSER.parse(tool("monitored_transfer", "{'phone_number': '+4930999888', 'timeout_seconds': 20}")));

        assertThat(def.config()).isEqualTo(new MonitoredTransferConfig("+4930999888", 20));
    }

    @Test
    void parsesSeedEndCall() {
        ToolDefinition def = valid(PARSER.parse(
                tool("end_call", "{'goodbye_message': 'Vielen Dank fuer Ihren Anruf. Auf Wiederhoeren!'}")));

        assertThat(def.config()).isEqualTo(new EndCallConfig("Vielen Dank fuer Ihren Anruf. Auf Wiederhoeren!"));
    }

    @Test
    void needsNoConfigForEndCall() {
        ObjectNode body = json("{'name': 'bye', 'description': 'Ends the call.', 'tool_type': 'end_call'}");

        assertThat(valid(PARSER.parse(body)).config()).isEqualTo(new EndCallConfig(null));
    }

    @Test
    void parsesSeedExtractVariable() {
        ToolDefinition def = valid(PARSER.parse(tool("extract_variable", """
                {'variable_name': 'email', 'variable_type': 'email',
                 'prompt_text': 'Bitte nennen Sie mir Ihre E-Mail-Adresse.', 'example_format': 'name@example.com',
                 'confirmation_enabled': true}""")));

        assertThat(def.config())
                .isEqualTo(new ExtractVariableConfig(
                        "email", "email", "Bitte nennen Sie mir Ihre E-Mail-Adresse.", "name@example.com", true));
    }

    @Test
    void parsesSeedPlayTone() {
        ToolDefinition def = valid(PARSER.parse(
                tool("play_tone", "{'tone_type': 'dtmf', 'dtmf_digit': '1', 'duration': 500, 'volume': 0.8}")));

        assertThat(def.config()).isEqualTo(new PlayToneConfig("dtmf", "1", 500, 0.8));
    }

    @Test
    void acceptsDigitsAsAliasOfDtmfDigit() {
        ToolDefinition def = valid(PARSER.parse(tool("play_tone", "{'digits': '12#*AD'}")));

        assertThat(def.config()).isEqualTo(new PlayToneConfig("dtmf", "12#*AD", 500, 0.8));
    }

    @Test
    void parsesSeedKnowledgeBase() {
        ToolDefinition def = valid(
                PARSER.parse(
                        tool(
                                "knowledge_base",
                                "{'top_k': 5, 'similarity_threshold': 0.7, 'bridging_sentence': 'Einen Moment, ich schaue kurz nach...'}")));

        assertThat(def.config()).isEqualTo(new KnowledgeBaseConfig(5, 0.7, "Einen Moment, ich schaue kurz nach..."));
    }

    @Test
    void needsNoConfigForPlayToneWhoseDigitsTheModelThenGives() {
        ObjectNode body = json("{'name': 'keys', 'description': 'Presses keys.', 'tool_type': 'play_tone'}");

        assertThat(valid(PARSER.parse(body)).config()).isEqualTo(new PlayToneConfig("dtmf", null, 500, 0.8));
    }

    @Test
    void needsNoConfigForKnowledgeBase() {
        ObjectNode body = json("{'name': 'kb', 'description': 'Searches the docs.', 'tool_type': 'knowledge_base'}");

        assertThat(valid(PARSER.parse(body)).config()).isEqualTo(new KnowledgeBaseConfig(5, 0.7, null));
    }

    @Test
    void requiresConfigForTransferCall() {
        ObjectNode body = json("{'name': 'x', 'description': 'Transfers.', 'tool_type': 'transfer_call'}");

        assertSingleError(PARSER.parse(body), "config", "is required for tool_type transfer_call");
    }

    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "transfer_call      | {'phone_number': '030999888'}                                    | config.phone_number        | must be an E.164 number",
                "transfer_call      | {'phone_number': '+49 30 999'}                                   | config.phone_number        | or a SIP URI such as sip:frontdesk@pbx.example.com",
                "transfer_call      | {'phone_number': 'sip:pbx.example.com'}                          | config.phone_number        | needs a user part",
                "transfer_call      | {'phone_number': '+4930999888', 'allowed_destinations': '+4930999889'} | config.allowed_destinations | must be an array",
                "transfer_call      | {'phone_number': '+4930999888', 'allowed_destinations': [7]}     | config.allowed_destinations[0] | must be a string",
                "transfer_call      | {'phone_number': '+4930999888', 'allowed_destinations': ['0800 123']} | config.allowed_destinations[0] | must be an E.164 number",
                "transfer_call      | {'phone_number': '+4930999888', 'allowed_destinations': ['+4930999889', 'sip:a@B.example.com', 'sip:a@b.example.com']} | config.allowed_destinations[2] | repeats an earlier entry sip:a@b.example.com",
                "transfer_call      | {'phone_number': '+4930999888', 'extension': '12x'}              | config.extension           | has 'x' at position 3",
                "transfer_call      | {'phone_number': 'sip:desk@pbx.example.com', 'extension': '12'}  | config.extension           | applies only when phone_number is a phone number",
                "transfer_call      | {'phone_number': '+4930999888', 'whisper_message': 'Hi'}         | config.whisper_message     | applies only to warm transfers",
                "transfer_call      | {'phone_number': '+4930999888', 'transfer_mode': 'cold', 'summary': true} | config.summary    | applies only to warm transfers",
                "transfer_call      | {'phone_number': '+4930999888', 'transfer_mode': 'warm', 'summary': 'yes'} | config.summary   | must be true or false",
                "transfer_call      | {'transfer_mode': 'cold'}                                        | config.phone_number        | is required",
                "transfer_call      | {'phone_number': '+4930999888', 'transfer_mode': 'hot'}          | config.transfer_mode       | must be one of cold, warm",
                "transfer_call      | {'phone_number': '+4930999888', 'play_hold_music': 'yes'}        | config.play_hold_music     | must be true or false",
                "transfer_call      | {'phone_number': '+4930999888', 'hold': true}                    | config.hold                | is not a known field of a transfer_call config",
                "monitored_transfer | {'phone_number': '+4930999888', 'timeout_seconds': 0}            | config.timeout_seconds     | must be between 1 and 300",
                "monitored_transfer | {'phone_number': '+4930999888', 'timeout_seconds': 301}          | config.timeout_seconds     | must be between 1 and 300",
                "monitored_transfer | {'phone_number': '+4930999888', 'timeout_seconds': '20'}         | config.timeout_seconds     | must be a whole number",
                "monitored_transfer | {'timeout_seconds': 20}                                          | config.phone_number        | is required",
                "monitored_transfer | {'phone_number': 'sips:desk@10.0.0.7'}                           | config.phone_number        | is not public unicast",
                "monitored_transfer | {'phone_number': '+4930999888', 'allowed_destinations': ['sip:x']} | config.allowed_destinations[0] | needs a user part",
                "end_call           | {'goodbye_message': 42}                                          | config.goodbye_message     | must be a string",
                "end_call           | {'goodbye': 'Bye'}                                               | config.goodbye             | is not a known field of an end_call config",
                "extract_variable   | {'variable_name': '1email', 'variable_type': 'email'}            | config.variable_name       | must match ^[a-zA-Z_][a-zA-Z0-9_]{0,63}$",
                "extract_variable   | {'variable_type': 'email'}                                       | config.variable_name       | is required",
                "extract_variable   | {'variable_name': 'email', 'variable_type': 'iban'}              | config.variable_type       | must be one of email, phone, name, number, date, custom",
                "extract_variable   | {'variable_name': 'email'}                                       | config.variable_type       | is required",
                "extract_variable   | {'variable_name': 'e', 'variable_type': 'email', 'confirmation_enabled': 1} | config.confirmation_enabled | must be true or false",
                "extract_variable   | {'variable_name': 'e', 'variable_type': 'email', 'prompt_text': 5} | config.prompt_text       | must be a string",
                "extract_variable   | {'variable_name': 'e', 'variable_type': 'custom', 'pattern': '(a'} | config.pattern           | is not a valid RE2 regular expression",
                "extract_variable   | {'variable_name': 'e', 'variable_type': 'custom', 'pattern': '(a)\\\\1'} | config.pattern       | is not a valid RE2 regular expression",
                "extract_variable   | {'variable_name': 'e', 'variable_type': 'email', 'pattern': '.+'} | config.pattern            | applies only to variable_type custom",
                "extract_variable   | {'variable_name': 'e', 'variable_type': 'custom', 'pattern': '(a{1000}){1000}'} | config.pattern | repeats too much",
                "play_tone          | {'tone_type': 'sine', 'dtmf_digit': '1'}                         | config.tone_type           | must be one of dtmf",
                "play_tone          | {'dtmf_digit': '1E'}                                             | config.dtmf_digit          | has 'E' at position 2",
                "play_tone          | {'digits': ''}                                                   | config.digits              | must be 1 to 64 DTMF symbols",
                "play_tone          | {'digits': 'wW'}                                                 | config.digits              | at least one key",
                "play_tone          | {'dtmf_digit': 7}                                                | config.dtmf_digit          | must be a string",
                "play_tone          | {'dtmf_digit': '1', 'digits': '2'}                               | config.digits              | give either dtmf_digit or digits",
                "play_tone          | {'dtmf_digit': '1', 'duration': 39}                              | config.duration            | must be between 40 and 500",
                "play_tone          | {'dtmf_digit': '1', 'duration': 501}                             | config.duration            | must be between 40 and 500",
                "play_tone          | {'dtmf_digit': '1', 'volume': -0.01}                             | config.volume              | must be between 0 and 1",
                "play_tone          | {'dtmf_digit': '1', 'volume': 1.2}                               | config.volume              | must be between 0 and 1",
                "play_tone          | {'dtmf_digit': '1', 'volume': 'loud'}                            | config.volume              | must be a number between 0 and 1",
                "knowledge_base     | {'top_k': 0}                                                     | config.top_k               | must be between 1 and 50",
                "knowledge_base     | {'top_k': 51}                                                    | config.top_k               | must be between 1 and 50",
                "knowledge_base     | {'similarity_threshold': -0.1}                                   | config.similarity_threshold | must be between 0 and 1",
                "knowledge_base     | {'similarity_threshold': '0.7'}                                  | config.similarity_threshold | must be a number",
                "knowledge_base     | {'bridging_sentence': false}                                     | config.bridging_sentence   | must be a string",
            })
    @ParameterizedTest(name = "{0} {1} → {2}")
    void reportsEachConfigMistakeAtItsPath(String type, String config, String field, String message) {
        assertSingleError(PARSER.parse(tool(type, config)), field, message);
    }

    @Test
    void acceptsASipUriAsDestinationAndNormalizesSchemeAndHost() {
        ToolDefinition def =
                valid(PARSER.parse(tool("transfer_call", "{'phone_number': 'SIP:FrontDesk@PBX.Example.com:5061'}")));

        assertThat(((TransferCallConfig) def.config()).phoneNumber()).isEqualTo("sip:FrontDesk@pbx.example.com:5061");
    }

    @Test
    void parsesAWarmTransferWithAlternativesExtensionWhisperAndSummary() {
        ToolDefinition def = valid(PARSER.parse(tool("transfer_call", """
                {'phone_number': '+4930999888', 'transfer_mode': 'warm', 'play_hold_music': true,
                 'allowed_destinations': ['+14155550100', 'sips:billing@pbx.example.com'],
                 'extension': 'w12#', 'whisper_message': 'A caller about an invoice.', 'summary': true}""")));

        assertThat(def.config())
                .isEqualTo(TransferCallConfig.builder("+4930999888")
                        .transferMode("warm")
                        .playHoldMusic(true)
                        .allowedDestinations(List.of("+14155550100", "sips:billing@pbx.example.com"))
                        .extension("w12#")
                        .whisperMessage("A caller about an invoice.")
                        .summary(true)
                        .build());
    }

    @Test
    void parsesAMonitoredTransferWithAlternatives() {
        ToolDefinition def = valid(PARSER.parse(tool(
                "monitored_transfer",
                "{'phone_number': 'sip:desk@pbx.example.com', 'allowed_destinations': ['+4930999889']}")));

        assertThat(def.config())
                .isEqualTo(new MonitoredTransferConfig("sip:desk@pbx.example.com", 20, List.of("+4930999889"), null));
    }

    @Test
    void refusesMoreThanTwentyAllowedDestinations() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            list.append(i == 0 ? "" : ", ").append("'+49309998").append(10 + i).append("'");
        }

        assertSingleError(
                PARSER.parse(tool(
                        "transfer_call", "{'phone_number': '+4930999888', 'allowed_destinations': [" + list + "]}")),
                "config.allowed_destinations",
                "must have at most 20 entries");
    }

    @Test
    void keepsACustomPatternThatCompilesAsRe2() {
        ToolDefinition def = valid(PARSER.parse(tool(
                "extract_variable",
                "{'variable_name': 'order_id', 'variable_type': 'custom', 'pattern': '[A-Z]{2}-[0-9]{4,8}'}")));

        assertThat(((ExtractVariableConfig) def.config()).pattern()).isEqualTo("[A-Z]{2}-[0-9]{4,8}");
    }

    @Test
    void leavesPlayToneDigitsOpenWhenTheConfigHasNone() {
        ToolDefinition def = valid(PARSER.parse(tool("play_tone", "{'duration': 120}")));

        assertThat(def.config()).isEqualTo(new PlayToneConfig("dtmf", null, 120, 0.8));
        assertThat(((PlayToneConfig) def.config()).digitsOpen()).isTrue();
    }

    @CsvSource({"40", "500"})
    @ParameterizedTest
    void acceptsToneDurationsAtTheLimits(int duration) {
        ToolDefinition def =
                valid(PARSER.parse(tool("play_tone", "{'dtmf_digit': '1', 'duration': " + duration + "}")));

        assertThat(((PlayToneConfig) def.config()).durationMs()).isEqualTo(duration);
    }

    @Test
    void acceptsSixtyFourDtmfSymbolsWithPausesButNotSixtyFive() {
        String sixtyFour = "123A*#wW".repeat(8);

        assertThat(((PlayToneConfig) valid(PARSER.parse(tool("play_tone", "{'digits': '" + sixtyFour + "'}")))
                                .config())
                        .dtmfDigits())
                .isEqualTo(sixtyFour);
        assertSingleError(
                PARSER.parse(tool("play_tone", "{'digits': '" + sixtyFour + "1'}")),
                "config.digits",
                "must be at most 64 DTMF symbols");
    }

    @Test
    void rejectsOverlongTexts() {
        List<FieldError> errors = errors(PARSER.parse(tool(
                "extract_variable",
                "{'variable_name': 'e', 'variable_type': 'custom', 'prompt_text': '" + "p".repeat(1001)
                        + "', 'example_format': '" + "e".repeat(256) + "'}")));

        assertThat(errors)
                .containsExactly(
                        new FieldError("config.prompt_text", "must be at most 1000 characters"),
                        new FieldError("config.example_format", "must be at most 255 characters"));
    }

    @Test
    void rejectsOverlongGoodbyeAndBridgingSentence() {
        assertSingleError(
                PARSER.parse(tool("end_call", "{'goodbye_message': '" + "g".repeat(1001) + "'}")),
                "config.goodbye_message",
                "must be at most 1000 characters");
        assertSingleError(
                PARSER.parse(tool("knowledge_base", "{'bridging_sentence': '" + "b".repeat(501) + "'}")),
                "config.bridging_sentence",
                "must be at most 500 characters");
    }

    @Test
    void reportsEveryMistakeOfOneConfig() {
        List<FieldError> errors = errors(PARSER.parse(
                tool("play_tone", "{'tone_type': 'mf', 'dtmf_digit': 'X', 'duration': 1, 'volume': 2, 'pitch': 440}")));

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly(
                        "config.tone_type", "config.dtmf_digit", "config.duration", "config.volume", "config.pitch");
    }
}
