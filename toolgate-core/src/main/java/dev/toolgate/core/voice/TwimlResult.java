package dev.toolgate.core.voice;

import java.util.Objects;

/** The outcome of {@link Twiml#render}: a TwiML document, or why this action has no TwiML form. */
public sealed interface TwimlResult permits TwimlResult.Rendered, TwimlResult.Unsupported {

    /**
     * The TwiML document.
     *
     * @param xml a complete XML document, {@code <?xml ...?><Response>...</Response>}, UTF-8
     */
    record Rendered(String xml) implements TwimlResult {
        public Rendered {
            Objects.requireNonNull(xml, "xml");
        }
    }

    /**
     * TwiML cannot express the action as given.
     *
     * @param reason what is missing or not expressible, e.g. that {@code <Play digits>} has no A–D keys
     */
    record Unsupported(String reason) implements TwimlResult {
        public Unsupported {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
