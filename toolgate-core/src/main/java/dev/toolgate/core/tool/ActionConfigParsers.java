package dev.toolgate.core.tool;

import dev.toolgate.core.telephony.Dtmf;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Parses the configs of four tool types the voice runtime carries out itself: end_call, extract_variable, play_tone
 * and knowledge_base (the transfers are {@link TransferConfigParsers}'). Each method returns the config, or null
 * after recording every problem. Where the tool model documents an example value for an optional field, that value
 * is the default (play_tone
 * {@code duration} 500 ms and {@code volume} 0.8; knowledge_base {@code top_k} 5 and
 * {@code similarity_threshold} 0.7). DTMF follows the rules of {@code dev.toolgate.core.telephony};
 * docs/voice-runtime.md describes every field.
 */
final class ActionConfigParsers {

    /** A call-variable name, usable as {@code {{vars.NAME}}}. */
    static final Pattern VARIABLE_NAME = Pattern.compile("^" + TemplateSyntax.VARIABLE_NAME + "$");

    static final List<String> VARIABLE_TYPES = List.of("email", "phone", "name", "number", "date", "custom");
    static final List<String> TONE_TYPES = List.of("dtmf");

    static final int MAX_PROMPT_TEXT = 1000;
    static final int MAX_EXAMPLE_FORMAT = 255;
    static final int MIN_TONE_DURATION_MS = Dtmf.MIN_DURATION_MS;
    static final int MAX_TONE_DURATION_MS = Dtmf.MAX_DURATION_MS;
    static final int MAX_TOP_K = 50;
    static final int MAX_BRIDGING_SENTENCE = 500;
    static final int DEFAULT_TOP_K = 5;
    static final double DEFAULT_SIMILARITY_THRESHOLD = 0.7;

    /** The longest {@code whisper_message} and {@code goodbye_message}, in characters. */
    static final int MAX_SPOKEN_TEXT = 1000;

    private ActionConfigParsers() {}

    /** {@code {goodbye_message: at most 1,000 characters, optional}}. */
    static EndCallConfig endCall(JsonNode config, String prefix, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = reader(config, prefix, errors, "an end_call config", "goodbye_message");
        String goodbye = r.checkMaxLength("goodbye_message", r.optionalString("goodbye_message"), MAX_SPOKEN_TEXT);
        r.rejectUnknown();
        return errors.size() > before ? null : new EndCallConfig(goodbye);
    }

    /**
     * {@code {variable_name, variable_type: email|phone|name|number|date|custom, prompt_text (≤ 1,000),
     * example_format (≤ 255), confirmation_enabled (default false), pattern (custom only: an RE2 expression,
     * ≤ 500)}}.
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
                "confirmation_enabled",
                "pattern");
        String name =
                r.checkPattern("variable_name", r.requiredString("variable_name"), VARIABLE_NAME, "customer_email");
        String type = r.checkOneOf("variable_type", r.requiredString("variable_type"), VARIABLE_TYPES);
        String prompt = r.checkMaxLength("prompt_text", r.optionalString("prompt_text"), MAX_PROMPT_TEXT);
        String example = r.checkMaxLength("example_format", r.optionalString("example_format"), MAX_EXAMPLE_FORMAT);
        Boolean confirm = r.optionalBoolean("confirmation_enabled");
        String pattern = pattern(r, type);
        r.rejectUnknown();
        return errors.size() > before
                ? null
                : new ExtractVariableConfig(name, type, prompt, example, confirm != null && confirm, pattern);
    }

    /**
     * {@code {tone_type: "dtmf" (default), dtmf_digit (the wire name) or its alias digits: 1–64 DTMF symbols,
     * optional (absent: the model gives them), duration: 40..500 ms (default 500), volume: 0..1 (default 0.8)}}.
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
        String toneType = r.checkOneOf("tone_type", r.optionalString("tone_type"), TONE_TYPES);
        String digits = digits(r);
        Long duration = r.optionalInteger("duration", Dtmf.MIN_DURATION_MS, Dtmf.MAX_DURATION_MS);
        Double volume = r.optionalNumber("volume", 0, 1);
        r.rejectUnknown();
        return errors.size() > before
                ? null
                : new PlayToneConfig(
                        toneType == null ? TONE_TYPES.getFirst() : toneType,
                        digits,
                        duration == null ? Dtmf.DEFAULT_DURATION_MS : duration.intValue(),
                        volume == null ? Dtmf.DEFAULT_VOLUME : volume);
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
        Long topK = r.optionalInteger("top_k", 1, MAX_TOP_K);
        Double threshold = r.optionalNumber("similarity_threshold", 0, 1);
        String bridging =
                r.checkMaxLength("bridging_sentence", r.optionalString("bridging_sentence"), MAX_BRIDGING_SENTENCE);
        r.rejectUnknown();
        return errors.size() > before
                ? null
                : new KnowledgeBaseConfig(
                        topK == null ? DEFAULT_TOP_K : topK.intValue(),
                        threshold == null ? DEFAULT_SIMILARITY_THRESHOLD : threshold,
                        bridging);
    }

    /** Reads {@code dtmf_digit} or its alias {@code digits}; null when both are absent (the model chooses). */
    private static String digits(FieldReader r) {
        boolean seedName = r.present("dtmf_digit");
        boolean alias = r.present("digits");
        if (seedName && alias) {
            r.error("digits", "give either dtmf_digit or digits, not both");
            return null;
        }
        String field = alias ? "digits" : "dtmf_digit";
        return dtmf(r, field, r.optionalString(field));
    }

    /** Returns {@code value} when it is DTMF symbols (or null), else records the problem and returns null. */
    static String dtmf(FieldReader r, String field, String value) {
        String problem = value == null ? null : Dtmf.problem(value);
        if (problem != null) {
            r.error(field, problem);
            return null;
        }
        return value;
    }

    /** Reads {@code pattern}: custom variables only; the rules of {@link CustomPatterns}. */
    private static String pattern(FieldReader r, String type) {
        String pattern = r.optionalString("pattern");
        if (pattern == null) {
            return null;
        }
        if (type != null && !type.equals("custom")) {
            r.error("pattern", "applies only to variable_type custom");
            return null;
        }
        String problem = CustomPatterns.problem(pattern);
        if (problem != null) {
            r.error("pattern", problem);
            return null;
        }
        return pattern;
    }

    /** A reader of {@code config} that knows {@code fields} only; {@code what} names the config in errors. */
    static FieldReader reader(JsonNode config, String prefix, List<FieldError> errors, String what, String... fields) {
        return new FieldReader(config, prefix, errors, List.of(fields), what);
    }
}
