package dev.toolgate.core.tool;

import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Parses the configs of the six tool types the voice runtime carries out itself: transfer_call,
 * monitored_transfer, end_call, extract_variable, play_tone and knowledge_base. Each method returns the
 * config, or null after recording every problem. Where the tool model documents an example value for an optional
 * field, that value is the default (monitored_transfer {@code timeout_seconds} 20; play_tone
 * {@code duration} 500 ms and {@code volume} 0.8; knowledge_base {@code top_k} 5 and
 * {@code similarity_threshold} 0.7).
 */
final class ActionConfigParsers {

    /** An E.164-style number: {@code +}, a non-zero country digit, 7–15 digits in all (ITU-T E.164 caps at 15). */
    static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    /** A call-variable name, usable as {@code {{vars.NAME}}}. */
    static final Pattern VARIABLE_NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]{0,63}$");

    /** DTMF symbols (ITU-T Q.23: 0–9, *, #, A–D), 1–32 of them. */
    static final Pattern DTMF = Pattern.compile("^[0-9*#A-D]{1,32}$");

    static final List<String> TRANSFER_MODES = List.of("cold", "warm");
    static final List<String> VARIABLE_TYPES = List.of("email", "phone", "name", "number", "date", "custom");

    static final int DEFAULT_MONITOR_TIMEOUT_SECONDS = 20;
    static final int DEFAULT_TONE_DURATION_MS = 500;
    static final double DEFAULT_TONE_VOLUME = 0.8;
    static final int DEFAULT_TOP_K = 5;
    static final double DEFAULT_SIMILARITY_THRESHOLD = 0.7;

    private static final String PHONE_EXAMPLE = "+4930999888";

    private ActionConfigParsers() {}

    /** {@code {phone_number, transfer_mode: cold|warm (default cold), play_hold_music (default false)}}. */
    static TransferCallConfig transferCall(JsonNode config, String prefix, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = reader(
                config, prefix, errors, "a transfer_call config", "phone_number", "transfer_mode", "play_hold_music");
        String phone = r.checkPattern("phone_number", r.requiredString("phone_number"), PHONE, PHONE_EXAMPLE);
        String mode = r.checkOneOf("transfer_mode", r.optionalString("transfer_mode"), TRANSFER_MODES);
        Boolean holdMusic = r.optionalBoolean("play_hold_music");
        r.rejectUnknown();
        return errors.size() > before ? null : new TransferCallConfig(phone, mode, holdMusic != null && holdMusic);
    }

    /** {@code {phone_number, timeout_seconds: 1..300 (default 20)}}. */
    static MonitoredTransferConfig monitoredTransfer(JsonNode config, String prefix, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r =
                reader(config, prefix, errors, "a monitored_transfer config", "phone_number", "timeout_seconds");
        String phone = r.checkPattern("phone_number", r.requiredString("phone_number"), PHONE, PHONE_EXAMPLE);
        Long timeout = r.optionalInteger("timeout_seconds", 1, 300);
        r.rejectUnknown();
        return errors.size() > before
                ? null
                : new MonitoredTransferConfig(
                        phone, timeout == null ? DEFAULT_MONITOR_TIMEOUT_SECONDS : timeout.intValue());
    }

    /** {@code {goodbye_message: at most 1,000 characters, optional}}. */
    static EndCallConfig endCall(JsonNode config, String prefix, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = reader(config, prefix, errors, "an end_call config", "goodbye_message");
        String goodbye = r.checkMaxLength("goodbye_message", r.optionalString("goodbye_message"), 1000);
        r.rejectUnknown();
        return errors.size() > before ? null : new EndCallConfig(goodbye);
    }

    /**
     * {@code {variable_name, variable_type: email|phone|name|number|date|custom, prompt_text (≤ 1,000),
     * example_format (≤ 255), confirmation_enabled (default false)}}.
     */
    static ExtractVariableConfig extractVariable(JsonNode config, String prefix, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = reader(
                config,
                prefix,
                errors,
                "an extract_variable config",
                "variable_name",
                "variable_type",
                "prompt_text",
                "example_format",
                "confirmation_enabled");
        String name =
                r.checkPattern("variable_name", r.requiredString("variable_name"), VARIABLE_NAME, "customer_email");
        String type = r.checkOneOf("variable_type", r.requiredString("variable_type"), VARIABLE_TYPES);
        String prompt = r.checkMaxLength("prompt_text", r.optionalString("prompt_text"), 1000);
        String example = r.checkMaxLength("example_format", r.optionalString("example_format"), 255);
        Boolean confirm = r.optionalBoolean("confirmation_enabled");
        r.rejectUnknown();
        return errors.size() > before
                ? null
                : new ExtractVariableConfig(name, type, prompt, example, confirm != null && confirm);
    }

    /**
     * {@code {tone_type: "dtmf" (default), dtmf_digit (the wire name) or its alias digits: [0-9*#A-D]{1,32},
     * duration: 40..5000 ms (default 500), volume: 0..1 (default 0.8)}}.
     */
    static PlayToneConfig playTone(JsonNode config, String prefix, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = reader(
                config,
                prefix,
                errors,
                "a play_tone config",
                "tone_type",
                "dtmf_digit",
                "digits",
                "duration",
                "volume");
        String toneType = r.checkOneOf("tone_type", r.optionalString("tone_type"), List.of("dtmf"));
        String digits = digits(r);
        Long duration = r.optionalInteger("duration", 40, 5000);
        Double volume = r.optionalNumber("volume", 0, 1);
        r.rejectUnknown();
        return errors.size() > before
                ? null
                : new PlayToneConfig(
                        toneType == null ? "dtmf" : toneType,
                        digits,
                        duration == null ? DEFAULT_TONE_DURATION_MS : duration.intValue(),
                        volume == null ? DEFAULT_TONE_VOLUME : volume);
    }

    /** {@code {top_k: 1..50 (default 5), similarity_threshold: 0..1 (default 0.7), bridging_sentence (≤ 500)}}. */
    static KnowledgeBaseConfig knowledgeBase(JsonNode config, String prefix, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = reader(
                config,
                prefix,
                errors,
                "a knowledge_base config",
                "top_k",
                "similarity_threshold",
                "bridging_sentence");
        Long topK = r.optionalInteger("top_k", 1, 50);
        Double threshold = r.optionalNumber("similarity_threshold", 0, 1);
        String bridging = r.checkMaxLength("bridging_sentence", r.optionalString("bridging_sentence"), 500);
        r.rejectUnknown();
        return errors.size() > before
                ? null
                : new KnowledgeBaseConfig(
                        topK == null ? DEFAULT_TOP_K : topK.intValue(),
                        threshold == null ? DEFAULT_SIMILARITY_THRESHOLD : threshold,
                        bridging);
    }

    private static String digits(FieldReader r) {
        boolean seedName = r.present("dtmf_digit");
        boolean alias = r.present("digits");
        if (seedName && alias) {
            r.error("digits", "give either dtmf_digit or digits, not both");
            return null;
        }
        String field = alias ? "digits" : "dtmf_digit";
        return r.checkPattern(field, r.requiredString(field), DTMF, "1 or 0#");
    }

    private static FieldReader reader(
            JsonNode config, String prefix, List<FieldError> errors, String what, String... fields) {
        return new FieldReader(config, prefix, errors, List.of(fields), what);
    }
}
