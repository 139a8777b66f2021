package dev.toolgate.core.telephony;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a call is transferred: a phone number in E.164 form or a SIP URI. Two destinations are the same
 * when their {@link #text() normalized texts} are equal.
 */
public sealed interface Destination permits Destination.Phone, Destination.Sip {

    /** Returns the normalized text: the E.164 number, or the SIP URI with lower-case scheme and host. */
    String text();

    /**
     * A phone number.
     *
     * @param e164 the number in E.164 form, e.g. {@code +4930999888}
     */
    record Phone(String e164) implements Destination {
        public Phone {
            Objects.requireNonNull(e164, "e164");
        }

        @Override
        public String text() {
            return e164;
        }
    }

    /**
     * A SIP URI.
     *
     * @param uri the checked URI
     */
    record Sip(SipUri uri) implements Destination {
        public Sip {
            Objects.requireNonNull(uri, "uri");
        }

        @Override
        public String text() {
            return uri.text();
        }
    }

    /**
     * Checks a destination written in a tool config: a SIP URI ({@link SipUri#parse}) when it starts with
     * {@code sip:} / {@code sips:}, else an E.164 number ({@link PhoneNumbers#configured}).
     *
     * @param text the configured text
     * @return the destination, or a problem naming both accepted forms
     */
    static Parsed<Destination> configured(String text) {
        if (SipUri.looksLikeSip(text)) {
            return switch (SipUri.parse(text)) {
                case Parsed.Ok<SipUri> ok -> new Parsed.Ok<>(new Sip(ok.value()));
                case Parsed.Problem<SipUri> problem ->
                    new Parsed.Problem<>("is not a usable SIP URI (e.g. " + SipUri.EXAMPLE + "): " + problem.message());
            };
        }
        return switch (PhoneNumbers.configured(text)) {
            case Parsed.Ok<String> ok -> new Parsed.Ok<>(new Phone(ok.value()));
            case Parsed.Problem<String> problem ->
                new Parsed.Problem<>(problem.message() + ", or a SIP URI such as " + SipUri.EXAMPLE);
        };
    }

    /**
     * Reads a destination the model named: a SIP URI, or a phone number in any common written form, national
     * forms read in {@code region}.
     *
     * @param text the model's text; any text
     * @param region the tenant's ISO 3166-1 alpha-2 default region, or {@code ZZ}
     * @return the normalized destination, or empty when the text is neither
     */
    static Optional<Destination> spoken(String text, String region) {
        if (SipUri.looksLikeSip(text)) {
            return Optional.ofNullable(SipUri.parse(text.strip()).valueOrNull()).map(Sip::new);
        }
        return PhoneNumbers.toE164(text, region).map(Phone::new);
    }
}
