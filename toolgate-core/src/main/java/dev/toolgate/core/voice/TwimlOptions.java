package dev.toolgate.core.voice;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What a Twilio-based runtime adds to the TwiML of an action: URLs it serves itself and the voice language.
 * Each is optional; {@link Twiml#render} says when one is needed.
 *
 * @param resumeUrl where Twilio asks for the next TwiML once a monitored transfer's {@code <Dial>} ends or
 *     DTMF has been played, so the AI takes the call back (Dial {@code action} / {@code <Redirect>}), or null
 * @param whisperUrl the TwiML URL Twilio runs for the receiving party of a warm transfer before connecting
 *     ({@code <Number url>} / {@code <Sip url>}); the runtime serves {@link Twiml#whisper} there; or null
 * @param audioUrl where the runtime serves the action's DTMF WAV ({@code dev.toolgate.core.telephony.DtmfAudio});
 *     when set, {@code send_dtmf} plays it instead of {@code <Play digits>}; or null
 * @param language the {@code <Say language>}, a BCP 47 tag such as {@code de-DE}, or null for Twilio's default
 */
public record TwimlOptions(String resumeUrl, String whisperUrl, String audioUrl, String language) {

    /** No URLs, default language. */
    public static final TwimlOptions NONE = new TwimlOptions(null, null, null, null);

    /**
     * @throws IllegalArgumentException if a URL is not an absolute http(s) URL, or {@code language} is not a
     *     plain language tag (letters, digits and hyphens, at most 35 characters)
     */
    public TwimlOptions {
        checkUrl("resumeUrl", resumeUrl);
        checkUrl("whisperUrl", whisperUrl);
        checkUrl("audioUrl", audioUrl);
        if (language != null && !language.matches("[A-Za-z0-9-]{1,35}")) {
            throw new IllegalArgumentException("language must be a BCP 47 tag such as de-DE");
        }
    }

    private static void checkUrl(String name, String url) {
        if (url == null) {
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (!uri.isAbsolute()
                    || uri.getHost() == null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException(name + " must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL", e);
        }
    }
}
