package dev.toolgate.server.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes times and numbers; templates reach it as {@code fmt}. */
public final class ConsoleFormat {

    /** The one instance templates use. */
    static final ConsoleFormat INSTANCE = new ConsoleFormat();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ConsoleFormat() {}

    /** Returns {@code instant} as {@code 2026-11-21 08:00:00 UTC}, or an en dash for null. */
    public String time(Instant instant) {
        return instant == null ? "–" : TIME.format(instant);
    }

    /** Returns a duration in milliseconds with one decimal, or an en dash for null. */
    public String ms(Double millis) {
        return millis == null ? "–" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    /** Returns a ratio (0..1) as a percentage with one decimal. */
    public String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }
}
