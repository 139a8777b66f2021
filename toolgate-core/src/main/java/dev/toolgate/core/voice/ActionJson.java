package dev.toolgate.core.voice;

import dev.toolgate.core.telephony.Destination;
import dev.toolgate.core.telephony.Parsed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link CallAction}, as the invoke answer's {@code action} carries it to the voice
 * runtime, and the JSON Schema (draft 2020-12) it follows: the resource {@value #SCHEMA_RESOURCE}, printed
 * in docs/voice-runtime.md. Every field of an action is written; absent texts are {@code null}.
 *
 * <pre>{@code
 * {"type": "transfer", "mode": "warm", "destination": {"type": "phone", "number": "+4930999888"},
 *  "extension": "12", "hold_music": true, "whisper": "A customer about an invoice.", "summary": null}
 * {"type": "monitored_transfer", "destination": {"type": "sip", "uri": "sip:desk@pbx.example.com"},
 *  "extension": null, "timeout_seconds": 20}
 * {"type": "end_call", "goodbye_message": "Goodbye!"}
 * {"type": "send_dtmf", "digits": "1w2#", "duration_ms": 100, "volume": 0.8}
 * }</pre>
 * A {@code note} field is added when the model's arguments were not all taken.
 */
public final class ActionJson {

    /** The class-path location of the action JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/dev/toolgate/core/voice/call-action.schema.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ActionJson() {}

    /** Returns the action as JSON, without a note. */
    public static ObjectNode toJson(CallAction action) {
        ObjectNode json = NODES.objectNode().put("type", action.type());
        switch (action) {
            case CallAction.Transfer transfer -> {
                json.put("mode", transfer.mode().wireName());
                json.set("destination", destination(transfer.destination()));
                json.put("extension", transfer.extension());
                json.put("hold_music", transfer.holdMusic());
                json.put("whisper", transfer.whisper());
                json.put("summary", transfer.summary());
            }
            case CallAction.MonitoredTransfer monitored -> {
                json.set("destination", destination(monitored.destination()));
                json.put("extension", monitored.extension());
                json.put("timeout_seconds", monitored.timeoutSeconds());
            }
            case CallAction.EndCall endCall -> json.put("goodbye_message", endCall.goodbyeMessage());
            case CallAction.SendDtmf dtmf ->
                json.put("digits", dtmf.digits())
                        .put("duration_ms", dtmf.durationMs())
                        .put("volume", dtmf.volume());
        }
        return json;
    }

    /** Returns the planned action as JSON, with its {@code note} when it has one. */
    public static ObjectNode toJson(ActionResult.Ready ready) {
        ObjectNode json = toJson(ready.action());
        if (ready.note() != null) {
            json.put("note", ready.note());
        }
        return json;
    }

    /**
     * Returns what the model reads after a planned action: {@code {"status": "ok", "action": TYPE}}, plus
     * {@code "note"} when an argument was not taken.
     */
    public static ObjectNode modelContent(ActionResult.Ready ready) {
        ObjectNode content = NODES.objectNode()
                .put("status", "ok")
                .put("action", ready.action().type());
        if (ready.note() != null) {
            content.put("note", ready.note());
        }
        return content;
    }

    /**
     * Reads an action back from its {@link #toJson} form (the invoke answer's or the invocation log's {@code action};
     * a {@code note} is ignored).
     *
     * @param json the action JSON
     * @return the action
     * @throws IllegalArgumentException if {@code json} is not an action this class wrote
     */
    public static CallAction fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("an action is a JSON object");
        }
        return switch (json.path("type").asString("")) {
            case "transfer" ->
                new CallAction.Transfer(
                        "warm".equals(json.path("mode").asString("")) ? TransferMode.WARM : TransferMode.COLD,
                        destination(json.path("destination")),
                        text(json, "extension"),
                        json.path("hold_music").asBoolean(false),
                        text(json, "whisper"),
                        text(json, "summary"));
            case "monitored_transfer" ->
                new CallAction.MonitoredTransfer(
                        destination(json.path("destination")),
                        text(json, "extension"),
                        json.path("timeout_seconds").asInt(0));
            case "end_call" -> new CallAction.EndCall(text(json, "goodbye_message"));
            case "send_dtmf" ->
                new CallAction.SendDtmf(
                        json.path("digits").asString(""),
                        json.path("duration_ms").asInt(0),
                        json.path("volume").asDouble(0));
            default -> throw new IllegalArgumentException("unknown action type " + json.path("type"));
        };
    }

    /** Returns the JSON Schema of {@link #toJson} (a fresh copy on each call). */
    public static JsonNode schema() {
        try (InputStream in = ActionJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Destination destination(JsonNode json) {
        String text = json.path("type").asString("").equals("sip")
                ? json.path("uri").asString("")
                : json.path("number").asString("");
        return switch (Destination.configured(text)) {
            case Parsed.Ok<Destination> ok -> ok.value();
            case Parsed.Problem<Destination> problem ->
                throw new IllegalArgumentException("not an action destination: " + problem.message());
        };
    }

    private static ObjectNode destination(Destination destination) {
        return switch (destination) {
            case Destination.Phone phone ->
                NODES.objectNode().put("type", "phone").put("number", phone.e164());
            case Destination.Sip sip -> NODES.objectNode().put("type", "sip").put("uri", sip.text());
        };
    }
}
