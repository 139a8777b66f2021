package dev.toolgate.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolgate.core.tool.SignatureScheme;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SigningSecretTest {

    @Test
    void generatesToolgateSecretsAsPrefixedBase64UrlOf32Bytes() {
        String value = SigningSecret.generate(SignatureScheme.TOOLGATE).reveal();

        assertThat(value).startsWith("tgsec_").matches("tgsec_[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(value.substring(6))).hasSize(32);
    }

    @Test
    void generatesStandardWebhooksSecretsAsPrefixedBase64Of24Bytes() {
        String value = SigningSecret.generate(SignatureScheme.STANDARD_WEBHOOKS).reveal();

        assertThat(value).matches("whsec_[A-Za-z0-9+/]{32}");
        assertThat(Base64.getDecoder().decode(value.substring(6))).hasSize(24);
    }

    @Test
    void generatesADifferentSecretEachTime() {
        Set<String> values = new HashSet<>();

        for (int i = 0; i < 100; i++) {
            values.add(SigningSecret.generate(SignatureScheme.TOOLGATE).reveal());
        }

        assertThat(values).hasSize(100);
    }

    @Test
    void neverPrintsTheValue() {
        SigningSecret toolgate = SigningSecret.of("tgsec_abcdefghijklmnop");
        SigningSecret webhooks = SigningSecret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        SigningSecret other = SigningSecret.of("my-own-secret");

        assertThat(toolgate.toString()).isEqualTo("SigningSecret[tgsec_***]");
        assertThat(webhooks.toString()).isEqualTo("SigningSecret[whsec_***]");
        assertThat(other.toString()).isEqualTo("SigningSecret[***]");
        assertThat(String.valueOf(java.util.List.of(toolgate, webhooks))).doesNotContain("abcdefgh", "MfKQ9r8");
    }

    @Test
    void comparesByValue() {
        assertThat(SigningSecret.of("tgsec_same"))
                .isEqualTo(SigningSecret.of("tgsec_same"))
                .hasSameHashCodeAs(SigningSecret.of("tgsec_same"))
                .isNotEqualTo(SigningSecret.of("tgsec_other"));
    }

    @Test
    void refusesABlankSecretWithoutEchoingIt() {
        assertThatThrownBy(() -> SigningSecret.of("   ")).isInstanceOf(IllegalArgumentException.class);
    }
}
