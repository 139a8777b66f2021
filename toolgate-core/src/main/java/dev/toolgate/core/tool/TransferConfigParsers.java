package dev.toolgate.core.tool;

import dev.toolgate.core.telephony.Destination;
import dev.toolgate.core.telephony.Parsed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Parses the configs of the two transfer tool types the voice runtime carries out itself: transfer_call and
 * monitored_transfer. Each method returns the config, or null after recording every problem; monitored_transfer's
 * {@code timeout_seconds} defaults to 20, the tool model's example. Destinations, DTMF and the extension follow the
 * rules of {@code dev.toolgate.core.telephony}; docs/voice-runtime.md describes every field.
 */
final class TransferConfigParsers {

    static final List<String> TRANSFER_MODES = List.of("cold", "warm");

    static final int MIN_MONITOR_TIMEOUT_SECONDS = 1;
    static final int MAX_MONITOR_TIMEOUT_SECONDS = 300;
    static final int DEFAULT_MONITOR_TIMEOUT_SECONDS = 20;

    /** The most {@code allowed_destinations} of one transfer tool. */
    static final int MAX_ALLOWED_DESTINATIONS = 20;

    private TransferConfigParsers() {}

    /**
     * {@code {phone_number (E.164 or SIP URI), transfer_mode: cold|warm (default cold), play_hold_music (default
     * false), allowed_destinations (≤ 20, each E.164 or SIP URI), extension (DTMF, phone numbers only),
     * whisper_message (≤ 1,000, warm only), summary (default false, warm only)}}.
     */
    static TransferCallConfig transferCall(JsonNode config, String prefix, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = ActionConfigParsers.reader(
                config,
                prefix,
                errors,
                "a transfer_call config",
                "phone_number",
                "transfer_mode",
                "play_hold_music",
                "allowed_destinations",
                "extension",
                "whisper_message",
                "summary");
        Destination destination = destination(r);
        String mode = r.checkOneOf("transfer_mode", r.optionalString("transfer_mode"), TRANSFER_MODES);
        Boolean holdMusic = r.optionalBoolean("play_hold_music");
        List<String> allowed = allowedDestinations(r);
        String extension = extension(r, destination);
        String whisper = r.checkMaxLength(
                "whisper_message", r.optionalString("whisper_message"), ActionConfigParsers.MAX_SPOKEN_TEXT);
        Boolean summary = r.optionalBoolean("summary");
        boolean warm = "warm".equals(mode);
        if (!warm && whisper != null) {
            r.error("whisper_message", "applies only to warm transfers (transfer_mode warm)");
        }
        if (!warm && summary != null && summary) {
            r.error("summary", "applies only to warm transfers (transfer_mode warm)");
        }
        r.rejectUnknown();
        return errors.size() > before
                ? null
                : TransferCallConfig.builder(destination.text())
                        .transferMode(mode)
                        .playHoldMusic(holdMusic != null && holdMusic)
                        .allowedDestinations(allowed)
                        .extension(extension)
                        .whisperMessage(whisper)
                        .summary(summary != null && summary)
                        .build();
    }

    /**
     * {@code {phone_number (E.164 or SIP URI), timeout_seconds: 1..300 (default 20), allowed_destinations (≤ 20),
     * extension (DTMF, phone numbers only)}}.
     */
    static MonitoredTransferConfig monitoredTransfer(JsonNode config, String prefix, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = ActionConfigParsers.reader(
                config,
                prefix,
                errors,
                "a monitored_transfer config",
                "phone_number",
                "timeout_seconds",
                "allowed_destinations",
                "extension");
        Destination destination = destination(r);
        Long timeout = r.optionalInteger("timeout_seconds", 1, 300);
        List<String> allowed = allowedDestinations(r);
        String extension = extension(r, destination);
        r.rejectUnknown();
        return errors.size() > before
                ? null
                : new MonitoredTransferConfig(
                        destination.text(),
                        timeout == null ? DEFAULT_MONITOR_TIMEOUT_SECONDS : timeout.intValue(),
                        allowed,
                        extension);
    }

    /** Reads the required {@code phone_number}: an E.164 number or a SIP URI. */
    private static Destination destination(FieldReader r) {
        String text = r.requiredString("phone_number");
        if (text == null) {
            return null;
        }
        return switch (Destination.configured(text)) {
            case Parsed.Ok<Destination> ok -> ok.value();
            case Parsed.Problem<Destination> problem -> {
                r.error("phone_number", problem.message());
                yield null;
            }
        };
    }

    /** Reads {@code allowed_destinations}: an array of E.164 numbers or SIP URIs, normalized, no repeats. */
    private static List<String> allowedDestinations(FieldReader r) {
        JsonNode array = r.node("allowed_destinations");
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            r.error("allowed_destinations", "must be an array of E.164 numbers or SIP URIs");
            return List.of();
        }
        if (array.size() > MAX_ALLOWED_DESTINATIONS) {
            r.error("allowed_destinations", "must have at most " + MAX_ALLOWED_DESTINATIONS + " entries");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String field = "allowed_destinations[" + i + "]";
            JsonNode element = array.get(i);
            if (!element.isString()) {
                r.error(field, "must be a string");
                continue;
            }
            switch (Destination.configured(element.stringValue())) {
                case Parsed.Ok<Destination> ok -> {
                    if (seen.add(ok.value().text())) {
                        result.add(ok.value().text());
                    } else {
                        r.error(field, "repeats an earlier entry " + ok.value().text());
                    }
                }
                case Parsed.Problem<Destination> problem -> r.error(field, problem.message());
            }
        }
        return result;
    }

    /** Reads {@code extension}: DTMF symbols, and only next to a phone-number destination. */
    private static String extension(FieldReader r, Destination destination) {
        String extension = ActionConfigParsers.dtmf(r, "extension", r.optionalString("extension"));
        if (extension != null && destination instanceof Destination.Sip) {
            r.error(
                    "extension",
                    "applies only when phone_number is a phone number; put the extension into the SIP URI's user"
                            + " part instead");
            return null;
        }
        return extension;
    }
}
