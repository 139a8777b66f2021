package dev.toolgate.core.voice;

import dev.toolgate.core.telephony.Destination;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders a {@link CallAction} as TwiML, for voice runtimes built on Twilio Programmable Voice. Written with
 * the JDK's {@link XMLStreamWriter}, which escapes text and attribute values; characters XML 1.0 cannot hold
 * (control characters, lone surrogates) are dropped from text first, so hostile text stays text.
 *
 * <table>
 *   <caption>Action to TwiML</caption>
 *   <tr><th>action</th><th>TwiML</th></tr>
 *   <tr><td>transfer to a number</td><td>{@code <Dial><Number sendDigits="ww12">+4930999888</Number></Dial>};
 *       {@code sendDigits} carries the extension (a leading 1 s {@code ww} unless it starts with a pause;
 *       {@code W} becomes {@code ww})</td></tr>
 *   <tr><td>transfer to a SIP URI</td><td>{@code <Dial><Sip>sip:desk@pbx.example.com</Sip></Dial>}</td></tr>
 *   <tr><td>warm transfer with whisper or summary</td><td>as above, with {@code url="whisperUrl"} on
 *       {@code <Number>}/{@code <Sip>}: Twilio runs that TwiML (the runtime serves {@link #whisper}) for the
 *       receiving party before bridging</td></tr>
 *   <tr><td>monitored transfer</td><td>{@code <Dial timeout="20" action="resumeUrl">...</Dial>}; Twilio's
 *       {@code timeout} floor of 5 s applies</td></tr>
 *   <tr><td>end call</td><td>{@code <Say>goodbye</Say><Hangup/>}</td></tr>
 *   <tr><td>send DTMF</td><td>{@code <Play>audioUrl</Play>} when the runtime serves the WAV, else
 *       {@code <Play digits="1w2#"/>}; then {@code <Redirect>resumeUrl</Redirect>} when given</td></tr>
 * </table>
 * Hold music has no {@code <Dial>} form: the caller hears ringback. {@code <Play digits>} ignores the tone
 * duration and volume and cannot play A–D.
 *
 * <p>Thread-safe; all methods are static.
 */
public final class Twiml {

    /** Twilio's shortest {@code <Dial timeout>}, in seconds. */
    public static final int MIN_DIAL_TIMEOUT_SECONDS = 5;

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Twiml() {}

    /**
     * Renders an action.
     *
     * @param action the action
     * @param options the runtime's URLs and language
     * @return the TwiML, or why it cannot be expressed: a warm whisper or summary without {@code whisperUrl},
     *     a monitored transfer without {@code resumeUrl}, an extension on a SIP destination or with A–D keys,
     *     DTMF with A–D keys and no {@code audioUrl}
     */
    public static TwimlResult render(CallAction action, TwimlOptions options) {
        return switch (action) {
            case CallAction.Transfer transfer -> transfer(transfer, options);
            case CallAction.MonitoredTransfer monitored -> monitored(monitored, options);
            case CallAction.EndCall endCall -> endCall(endCall, options);
            case CallAction.SendDtmf dtmf -> dtmf(dtmf, options);
        };
    }

    /**
     * Renders the whisper document of a warm transfer, for the runtime to serve at {@code whisperUrl}:
     * {@code <Response><Say>whisper</Say><Say>summary</Say></Response>} (each only when present).
     */
    public static String whisper(CallAction.Transfer transfer, TwimlOptions options) {
        return document(xml -> {
            say(xml, transfer.whisper(), options);
            say(xml, transfer.summary(), options);
        });
    }

    private static TwimlResult transfer(CallAction.Transfer transfer, TwimlOptions options) {
        boolean whispers = transfer.whisper() != null || transfer.summary() != null;
        if (whispers && options.whisperUrl() == null) {
            return new TwimlResult.Unsupported(
                    "a warm transfer's whisper or summary needs a whisperUrl serving Twiml.whisper");
        }
        String problem = extensionProblem(transfer.destination(), transfer.extension());
        if (problem != null) {
            return new TwimlResult.Unsupported(problem);
        }
        return new TwimlResult.Rendered(document(xml -> {
            xml.writeStartElement("Dial");
            dialTarget(xml, transfer.destination(), transfer.extension(), whispers ? options.whisperUrl() : null);
            xml.writeEndElement();
        }));
    }

    private static TwimlResult monitored(CallAction.MonitoredTransfer monitored, TwimlOptions options) {
        if (options.resumeUrl() == null) {
            return new TwimlResult.Unsupported(
                    "a monitored transfer needs a resumeUrl, where the AI takes the call back after the Dial");
        }
        String problem = extensionProblem(monitored.destination(), monitored.extension());
        if (problem != null) {
            return new TwimlResult.Unsupported(problem);
        }
        return new TwimlResult.Rendered(document(xml -> {
            xml.writeStartElement("Dial");
            xml.writeAttribute(
                    "timeout", Integer.toString(Math.max(MIN_DIAL_TIMEOUT_SECONDS, monitored.timeoutSeconds())));
            xml.writeAttribute("action", options.resumeUrl());
            xml.writeAttribute("method", "POST");
            dialTarget(xml, monitored.destination(), monitored.extension(), null);
            xml.writeEndElement();
        }));
    }

    private static TwimlResult endCall(CallAction.EndCall endCall, TwimlOptions options) {
        return new TwimlResult.Rendered(document(xml -> {
            say(xml, endCall.goodbyeMessage(), options);
            xml.writeEmptyElement("Hangup");
        }));
    }

    private static TwimlResult dtmf(CallAction.SendDtmf dtmf, TwimlOptions options) {
        boolean keysTwilioPlays = dtmf.digits().chars().noneMatch(c -> c >= 'A' && c <= 'D');
        if (options.audioUrl() == null && !keysTwilioPlays) {
            return new TwimlResult.Unsupported(
                    "<Play digits> cannot play the keys A-D; serve the DTMF audio and pass its audioUrl");
        }
        return new TwimlResult.Rendered(document(xml -> {
            if (options.audioUrl() != null) {
                xml.writeStartElement("Play");
                xml.writeCharacters(options.audioUrl());
                xml.writeEndElement();
            } else {
                xml.writeEmptyElement("Play");
                xml.writeAttribute("digits", twilioDigits(dtmf.digits()));
            }
            if (options.resumeUrl() != null) {
                xml.writeStartElement("Redirect");
                xml.writeAttribute("method", "POST");
                xml.writeCharacters(options.resumeUrl());
                xml.writeEndElement();
            }
        }));
    }

    private static String extensionProblem(Destination destination, String extension) {
        if (extension == null) {
            return null;
        }
        if (destination instanceof Destination.Sip) {
            return "<Sip> cannot dial an extension";
        }
        if (extension.chars().anyMatch(c -> c >= 'A' && c <= 'D')) {
            return "sendDigits cannot dial the keys A-D";
        }
        return null;
    }

    private static void dialTarget(XMLStreamWriter xml, Destination destination, String extension, String url)
            throws XMLStreamException {
        switch (destination) {
            case Destination.Phone phone -> {
                xml.writeStartElement("Number");
                if (extension != null) {
                    String digits = twilioDigits(extension);
                    xml.writeAttribute("sendDigits", digits.startsWith("w") ? digits : "ww" + digits);
                }
                if (url != null) {
                    xml.writeAttribute("url", url);
                }
                xml.writeCharacters(phone.e164());
            }
            case Destination.Sip sip -> {
                xml.writeStartElement("Sip");
                if (url != null) {
                    xml.writeAttribute("url", url);
                }
                xml.writeCharacters(sip.text());
            }
        }
        xml.writeEndElement();
    }

    /** Twilio's digit strings know only {@code w} (0.5 s); {@code W} (1 s) becomes {@code ww}. */
    private static String twilioDigits(String digits) {
        return digits.replace("W", "ww");
    }

    private static void say(XMLStreamWriter xml, String text, TwimlOptions options) throws XMLStreamException {
        String safe = text == null ? "" : xmlSafe(text).strip();
        if (safe.isEmpty()) {
            return;
        }
        xml.writeStartElement("Say");
        if (options.language() != null) {
            xml.writeAttribute("language", options.language());
        }
        xml.writeCharacters(safe);
        xml.writeEndElement();
    }

    /** Drops the code points XML 1.0 cannot carry (section 2.2, production Char). */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String document(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Response");
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing TwiML to memory failed", e);
        }
        return out.toString();
    }
}
