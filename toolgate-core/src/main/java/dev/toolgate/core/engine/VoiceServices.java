package dev.toolgate.core.engine;

import dev.toolgate.core.knowledge.KnowledgeSearch;
import dev.toolgate.core.telephony.Locality;
import dev.toolgate.core.variables.CallVariables;
import dev.toolgate.core.variables.InMemoryCallVariables;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the engine needs for the six non-HTTP tool types (docs/voice-runtime.md).
 *
 * @param variables the call-variable store ({@code extract_variable}, {@code response_variables},
 *     {@code {{vars.NAME}}})
 * @param localities a tenant's region and time zone, for phone numbers, dates and spoken destinations; never returns
 *     null
 * @param knowledge the knowledge-base search of {@code knowledge_base} tools
 * @param clock where "today" comes from for {@code date} variables
 */
public record VoiceServices(
        CallVariables variables, Function<UUID, Locality> localities, KnowledgeSearch knowledge, Clock clock) {

    /** A knowledge search that never finds anything. */
    public static final KnowledgeSearch NO_KNOWLEDGE = (tenant, agent, query, topK, threshold) -> List.of();

    /** Checks that every part is present. */
    public VoiceServices {
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(localities, "localities");
        Objects.requireNonNull(knowledge, "knowledge");
        Objects.requireNonNull(clock, "clock");
    }

    /** Variables in this process's memory (2 h lifetime), no region, UTC, no knowledge base, the system clock. */
    public static VoiceServices defaults() {
        return new VoiceServices(new InMemoryCallVariables(), tenant -> Locality.NONE, NO_KNOWLEDGE, Clock.systemUTC());
    }
}
