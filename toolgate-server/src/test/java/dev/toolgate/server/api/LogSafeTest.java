package dev.toolgate.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogSafeTest {

    @AfterEach
    void restore() {
        LogSafe.configure(LogSafe.DEFAULT_MAX_CHARS);
    }

    @Test
    void cutsLongTextWithAMarkerSayingHowMuchWasLeftOut() {
        String cut = LogSafe.text("a".repeat(20_000));

        assertThat(cut).startsWith("a".repeat(LogSafe.DEFAULT_MAX_CHARS)).endsWith("…[cut 19744 chars]");
        assertThat(cut.length()).isLessThan(LogSafe.DEFAULT_MAX_CHARS + 30);
        assertThat(LogSafe.text("short")).isEqualTo("short");
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }

    @Test
    void escapesLineBreaksAndControlsSoNoLineCanBeForged() {
        String text = LogSafe.text("tool\r\n2026-01-01 ERROR forged\u2028\u001b[31m\0");

        assertThat(text)
                .doesNotContain("\r", "\n", "\u2028", "\u001b", "\0")
                .isEqualTo("tool\\r\\n2026-01-01 ERROR forged\\u2028\\u001b[31m\\u0000");
    }

    @Test
    void neverSplitsASurrogatePairAndFollowsTheConfiguredLimit() {
        LogSafe.configure(16);

        String cut = LogSafe.text("x".repeat(15) + "😀" + "tail");

        assertThat(cut).isEqualTo("x".repeat(15) + "…[cut 6 chars]");
    }

    @Test
    void loggedThrowableKeepsStackAndCausesButCutsEveryMessage() {
        IllegalStateException cause = new IllegalStateException("pattern " + "p".repeat(5_000) + "\nforged");
        RuntimeException error = new RuntimeException("outer\r\nforged", cause);
        error.addSuppressed(new IllegalArgumentException("s".repeat(1_000)));
        cause.initCause(error); // a cycle must not loop

        Throwable logged = LogSafe.throwable(error);

        assertThat(logged.getMessage()).isEqualTo("java.lang.RuntimeException: outer\\r\\nforged");
        assertThat(logged.getStackTrace()).isEqualTo(error.getStackTrace());
        assertThat(logged.getCause().getMessage())
                .startsWith("java.lang.IllegalStateException: pattern ppp")
                .contains("…[cut ")
                .doesNotContain("\n");
        assertThat(logged.getCause().getCause()).isNull();
        assertThat(logged.getSuppressed()[0].getMessage()).hasSizeLessThan(LogSafe.DEFAULT_MAX_CHARS + 80);
    }
}
