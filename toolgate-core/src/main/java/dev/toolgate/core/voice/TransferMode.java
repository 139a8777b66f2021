package dev.toolgate.core.voice;

/** How a call is transferred. */
public enum TransferMode {
    /** The caller is handed over at once; the agent leaves the call. */
    COLD("cold"),
    /** The agent stays until the receiving party answers; a whisper or summary may be given to them first. */
    WARM("warm");

    private final String wireName;

    TransferMode(String wireName) {
        this.wireName = wireName;
    }

    /** Returns the name used in configs and action JSON: {@code cold} or {@code warm}. */
    public String wireName() {
        return wireName;
    }

    /** Returns the mode of a config's {@code transfer_mode}; anything but {@code warm} is {@link #COLD}. */
    static TransferMode of(String wireName) {
        return "warm".equals(wireName) ? WARM : COLD;
    }
}
