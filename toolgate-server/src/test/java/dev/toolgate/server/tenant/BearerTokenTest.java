package dev.toolgate.server.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The API key taken from {@code Authorization: Bearer} on handlers that accept it (RFC 6750 section 2.1). */
class BearerTokenTest {

    @Test
    void theTokenOfABearerHeaderIsTheKey() {
        assertThat(ApiKeyInterceptor.bearerToken("Bearer tg_abc")).isEqualTo("tg_abc");
        assertThat(ApiKeyInterceptor.bearerToken("bearer   tg_abc ")).isEqualTo("tg_abc");
    }

    @Test
    void otherSchemesAndMissingHeadersGiveNoKey() {
        assertThat(ApiKeyInterceptor.bearerToken(null)).isNull();
        assertThat(ApiKeyInterceptor.bearerToken("Basic dXNlcjpwYXNz")).isNull();
        assertThat(ApiKeyInterceptor.bearerToken("Bearer")).isNull();
        assertThat(ApiKeyInterceptor.bearerToken("Bearertg_abc")).isNull();
    }
}
