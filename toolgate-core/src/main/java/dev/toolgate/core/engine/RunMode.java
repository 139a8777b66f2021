package dev.toolgate.core.engine;

/** How a tool call runs: live, as a test fire that sends, or as a dry run that sends nothing. */
enum RunMode {
    /** A live call of the voice runtime: it sends, and stores call variables. */
    INVOKE,
    /** A test fire: it sends, and judges the destination; call variables are not touched. */
    TEST_FIRE,
    /** A dry run: renders and judges the destination, sends nothing; call variables are not touched. */
    DRY_RUN
}
