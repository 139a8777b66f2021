package dev.toolgate.server.invocation;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Invocation ids: version 7 UUIDs (RFC 9562 section 5.7), a 48-bit Unix-epoch millisecond timestamp followed by
 * random bits, made by Java UUID Generator's {@link TimeBasedEpochGenerator}, which keeps ids made within one
 * millisecond increasing. Time-ordered ids make the invocation log's primary key grow at its end: each insert
 * touches the index's last page instead of a random one (docs/invocation-log.md). They are still unguessable
 * enough for an API id (74 random bits per millisecond) and look like any other UUID to a client. Thread-safe.
 */
public final class InvocationIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private InvocationIds() {}

    /** Returns a new id, greater than every id this process made before (barring a clock set back). */
    public static UUID next() {
        return GENERATOR.generate();
    }

    /** Returns {@link #next()} in its canonical text form (36 characters, lowercase hex). */
    public static String nextText() {
        return next().toString();
    }
}
