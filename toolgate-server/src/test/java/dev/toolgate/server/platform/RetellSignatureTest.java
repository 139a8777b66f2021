package dev.toolgate.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retell's webhook signature, against a vector made with retell-sdk 5.66.1's own {@code symmetric.sign}. */
class RetellSignatureTest {

    /** {@code symmetric.sign(BODY, KEY, 1764590000000)} of retell-sdk's {@code lib/webhook_auth}. */
    static final String SIGNED = "v=1764590000000,d=52cc1ac1bf0be26f94b36c29e6d69dd38483b7e7e133ac2304705ef75cb0b751";

    static final byte[] BODY =
            "{\"name\":\"lookup_customer\",\"args\":{\"phone\":\"+14155550123\"}}".getBytes(StandardCharsets.UTF_8);
    static final String KEY = "key_vector_0123";
    static final Instant AT = Instant.ofEpochMilli(1764590000000L);

    @Test
    void retellsOwnSignatureVerifiesAndOursIsTheSame() {
        assertThat(RetellSignature.verify(BODY, KEY, SIGNED, AT)).isTrue();
        assertThat(RetellSignature.verify(
                        BODY, KEY, SIGNED.toUpperCase().replace("V=", "v=").replace(",D=", ",d="), AT))
                .isTrue();
        assertThat(RetellSignature.sign(BODY, KEY, AT)).isEqualTo(SIGNED);
    }

    @Test
    void aTamperedBodyAnotherKeyOrAStaleTimestampIsRefused() {
        byte[] tampered =
                new String(BODY, StandardCharsets.UTF_8).replace("0123", "0124").getBytes(StandardCharsets.UTF_8);
        assertThat(RetellSignature.verify(tampered, KEY, SIGNED, AT)).isFalse();
        assertThat(RetellSignature.verify(BODY, "key_other", SIGNED, AT)).isFalse();
        assertThat(RetellSignature.verify(BODY, KEY, SIGNED, AT.plus(RetellSignature.TOLERANCE)))
                .isTrue();
        assertThat(RetellSignature.verify(
                        BODY, KEY, SIGNED, AT.plus(RetellSignature.TOLERANCE).plusMillis(1)))
                .isFalse();
        assertThat(RetellSignature.verify(
                        BODY, KEY, SIGNED, AT.minus(RetellSignature.TOLERANCE).minusMillis(1)))
                .isFalse();
    }

    @Test
    void malformedHeadersAreFalseNotErrors() {
        for (String header : new String[] {
            null, "", "v=1,d=zz", "d=52cc,v=1764590000000", "v=1764590000000,d=52cc", "v=-1,d=" + "0".repeat(64)
        }) {
            assertThat(RetellSignature.verify(BODY, KEY, header, AT)).as(header).isFalse();
        }
        assertThat(RetellSignature.verify(BODY, "", SIGNED, AT)).isFalse();
    }
}
