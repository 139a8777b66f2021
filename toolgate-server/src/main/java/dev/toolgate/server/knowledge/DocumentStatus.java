package dev.toolgate.server.knowledge;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a knowledge-base document is: being read, searchable, or refused with a reason. */
public enum DocumentStatus {
    /** Being fetched, extracted, chunked and embedded; not searched yet. */
    PROCESSING("processing"),
    /** Chunked and embedded; its chunks are searched. */
    READY("ready"),
    /** Could not be read; {@code failure_reason} says why. Never searched. */
    FAILED("failed");

    private final String wireName;

    DocumentStatus(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name in the API and the database, e.g. {@code ready}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * Returns the status stored as {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static DocumentStatus fromWireName(String name) {
        for (DocumentStatus status : values()) {
            if (status.wireName.equals(name)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown document status: " + name);
    }
}
