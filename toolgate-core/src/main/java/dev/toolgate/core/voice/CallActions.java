package dev.toolgate.core.voice;

import dev.toolgate.core.error.ErrorCode;
import dev.toolgate.core.error.ToolError;
import dev.toolgate.core.telephony.Destination;
import dev.toolgate.core.telephony.Dtmf;
import dev.toolgate.core.telephony.Parsed;
import dev.toolgate.core.tool.EndCallConfig;
import dev.toolgate.core.tool.MonitoredTransferConfig;
import dev.toolgate.core.tool.PlayToneConfig;
import dev.toolgate.core.tool.ToolConfig;
import dev.toolgate.core.tool.ToolType;
import dev.toolgate.core.tool.TransferCallConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns a call-control tool call (config + the model's arguments) into the {@link CallAction} the voice
 * runtime carries out. This is where a model is kept from steering a call anywhere the tenant did not
 * configure:
 *
 * <ul>
 *   <li><b>Destination</b> ({@code transfer_call}, {@code monitored_transfer}): the configured
 *       {@code phone_number}, unless the model's {@code destination} argument is, once normalized (E.164 via
 *       libphonenumber with the tenant's region, or a SIP URI), the configured number or one of
 *       {@code allowed_destinations}. Any other destination — unparsable, or a valid number not in the list
 *       such as {@code +1 900 …} — is not dialled: the configured one is used and {@link ActionResult.Ready#note()}
 *       says so.</li>
 *   <li><b>Extension</b>: the config's {@code extension} belongs to the configured {@code phone_number}; when
 *       it is set, the model's is ignored (with a note). Otherwise the model may give 1–{@value
 *       #MAX_MODEL_EXTENSION} plain digits ({@code 0-9}; no {@code * # w}, so it cannot reach a PBX feature
 *       code). A SIP destination takes no extension (dropped with a note).</li>
 *   <li><b>Summary</b> (warm {@code transfer_call} with {@code summary}): the model's {@code summary}, at most
 *       {@value #MAX_SUMMARY} characters; the config's {@code whisper_message} comes with every warm
 *       transfer.</li>
 *   <li><b>DTMF</b> ({@code play_tone}): the config's digits; only when it leaves them open, the model's
 *       {@code digits} argument, checked by {@link Dtmf#problem}.</li>
 * </ul>
 * Wrong argument types and bad open values yield {@link ActionResult.Invalid} ({@code HTTP_TOOL_INVALID_ARGS}).
 *
 * <p>Thread-safe; all methods are static.
 */
public final class CallActions {

    /** The most digits of an extension the model gives. */
    public static final int MAX_MODEL_EXTENSION = 10;

    /** The longest summary the model gives, in characters. */
    public static final int MAX_SUMMARY = 1000;

    private static final Pattern MODEL_EXTENSION = Pattern.compile("[0-9]{1," + MAX_MODEL_EXTENSION + "}");

    private CallActions() {}

    /** Returns whether {@code type} is one of the call-control types {@link #plan} handles. */
    public static boolean isCallControl(ToolType type) {
        return switch (type) {
            case TRANSFER_CALL, MONITORED_TRANSFER, END_CALL, PLAY_TONE -> true;
            case HTTP_REQUEST, EXTRACT_VARIABLE, KNOWLEDGE_BASE -> false;
        };
    }

    /**
     * Plans the action of one tool call.
     *
     * @param config the tool's checked config: transfer_call, monitored_transfer, end_call or play_tone
     * @param arguments the model's arguments (an object); null counts as none
     * @param region the tenant's ISO 3166-1 alpha-2 region for national phone forms, or {@code ZZ}
     * @return the action (with a note when an argument was not taken), or invalid arguments
     * @throws IllegalArgumentException if {@code config} is of another type, or its destination was never checked
     */
    public static ActionResult plan(ToolConfig config, JsonNode arguments, String region) {
        Objects.requireNonNull(config, "config");
        Arguments args = new Arguments(arguments);
        ActionResult result = switch (config) {
            case TransferCallConfig transfer -> transfer(transfer, args, region);
            case MonitoredTransferConfig monitored -> monitored(monitored, args, region);
            case EndCallConfig endCall ->
                new ActionResult.Ready(new CallAction.EndCall(endCall.goodbyeMessage()), null);
            case PlayToneConfig tone -> tone(tone, args);
            default ->
                throw new IllegalArgumentException(config.type().wireName() + " is not a call-control tool type");
        };
        return args.error != null ? new ActionResult.Invalid(args.error) : result;
    }

    private static ActionResult transfer(TransferCallConfig config, Arguments args, String region) {
        Destination configured = configured(config.phoneNumber());
        Destination destination = destination(configured, config.allowedDestinations(), args, region);
        String extension = extension(configured, destination, config.extension(), args);
        TransferMode mode = TransferMode.of(config.transferMode());
        String summary = null;
        if (mode == TransferMode.WARM && config.summary()) {
            summary = args.string("summary");
            if (summary != null && summary.length() > MAX_SUMMARY) {
                args.fail(
                        "The summary is longer than " + MAX_SUMMARY + " characters.",
                        "Shorten the summary to a" + " few sentences and call the tool again.");
            }
            summary = summary == null || summary.isBlank() ? null : summary.strip();
        }
        String whisper = mode == TransferMode.WARM ? config.whisperMessage() : null;
        return args.ready(
                new CallAction.Transfer(mode, destination, extension, config.playHoldMusic(), whisper, summary));
    }

    private static ActionResult monitored(MonitoredTransferConfig config, Arguments args, String region) {
        Destination configured = configured(config.phoneNumber());
        Destination destination = destination(configured, config.allowedDestinations(), args, region);
        String extension = extension(configured, destination, config.extension(), args);
        return args.ready(new CallAction.MonitoredTransfer(destination, extension, config.timeoutSeconds()));
    }

    private static ActionResult tone(PlayToneConfig config, Arguments args) {
        String requested = args.string("digits");
        String digits = config.dtmfDigits();
        if (digits != null) {
            if (requested != null && !requested.equals(digits)) {
                args.note("The tones are fixed by the tool; the digits \"" + shorten(requested) + "\" were ignored and "
                        + digits + " is played.");
            }
        } else if (requested == null) {
            args.fail(
                    "The digits argument is missing.",
                    "Call the tool again with the digits to play, e.g. " + Dtmf.EXAMPLE + ".");
        } else {
            String problem = Dtmf.problem(requested);
            if (problem != null) {
                args.fail(
                        "The digits argument " + problem + ".",
                        "Call the tool again with digits such as " + Dtmf.EXAMPLE + ".");
            }
            digits = requested;
        }
        return digits == null
                ? null
                : args.ready(new CallAction.SendDtmf(digits, config.durationMs(), config.volume()));
    }

    /** The configured destination; the parser has already checked it. */
    private static Destination configured(String text) {
        return switch (Destination.configured(text)) {
            case Parsed.Ok<Destination> ok -> ok.value();
            case Parsed.Problem<Destination> problem ->
                throw new IllegalArgumentException("the config's phone_number was never checked");
        };
    }

    private static Destination destination(
            Destination configured, List<String> allowed, Arguments args, String region) {
        String requested = args.string("destination");
        if (requested == null || requested.isBlank()) {
            return configured;
        }
        Set<String> permitted = new LinkedHashSet<>();
        permitted.add(configured.text());
        permitted.addAll(allowed);
        Optional<Destination> named = Destination.spoken(requested, region);
        if (named.isPresent() && permitted.contains(named.get().text())) {
            return named.get();
        }
        args.note("The destination \"" + shorten(requested) + "\" is not one this tool may transfer the caller to;"
                + " the tool's default destination is used instead.");
        return configured;
    }

    private static String extension(
            Destination configured, Destination destination, String configExtension, Arguments args) {
        String requested = args.string("extension");
        String extension;
        if (destination.equals(configured) && configExtension != null) {
            if (requested != null && !requested.equals(configExtension)) {
                args.note("The extension is fixed by the tool; \"" + shorten(requested) + "\" was ignored.");
            }
            extension = configExtension;
        } else if (requested == null || requested.isBlank()) {
            extension = null;
        } else if (!MODEL_EXTENSION.matcher(requested.strip()).matches()) {
            args.fail(
                    "The extension must be 1 to " + MAX_MODEL_EXTENSION + " digits (0-9).",
                    "Ask the caller for the extension number and call the tool again with digits only, or without"
                            + " an extension.");
            return null;
        } else {
            extension = requested.strip();
        }
        if (extension != null && destination instanceof Destination.Sip) {
            args.note("A SIP destination takes no extension; it was left out.");
            return null;
        }
        return extension;
    }

    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    /** The model's arguments, with the first type error and the notes collected along the way. */
    private static final class Arguments {
        private final JsonNode node;
        private final List<String> notes = new ArrayList<>();
        private ToolError error;

        Arguments(JsonNode node) {
            this.node = node;
        }

        /** Returns a string argument, or null when absent; a non-string records an error. */
        String string(String name) {
            JsonNode value = node == null ? null : node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isString()) {
                fail("The " + name + " argument must be a string.", null);
                return null;
            }
            return value.stringValue();
        }

        void note(String note) {
            notes.add(note);
        }

        void fail(String message, String hint) {
            if (error == null) {
                error = new ToolError(ErrorCode.HTTP_TOOL_INVALID_ARGS, message, hint);
            }
        }

        ActionResult ready(CallAction action) {
            return new ActionResult.Ready(action, notes.isEmpty() ? null : String.join(" ", notes));
        }
    }
}
