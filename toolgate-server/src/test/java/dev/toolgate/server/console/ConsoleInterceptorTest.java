package dev.toolgate.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleInterceptorTest {

    @Test
    void aTokenMatchesOnlyItselfAndAMissingOneNever() {
        String token = ConsoleSessions.newToken();
        assertThat(ConsoleInterceptor.sameToken(token, token)).isTrue();
        assertThat(ConsoleInterceptor.sameToken(token + "x", token)).isFalse();
        assertThat(ConsoleInterceptor.sameToken(null, token)).isFalse();
        assertThat(ConsoleInterceptor.sameToken("", "")).isFalse();
        assertThat(ConsoleInterceptor.sameToken(token, null)).isFalse();
    }

    @Test
    void tokensAre256RandomBits() {
        assertThat(ConsoleSessions.newToken()).hasSize(43).isNotEqualTo(ConsoleSessions.newToken());
    }
}
