package dev.toolgate.server.dataplane;

/**
 * What the data plane's front made of one request ({@link DataPlaneHandler#serve}): an answer to write, or the
 * request handed on to Spring MVC.
 */
sealed interface DataPlaneAnswer {

    /**
     * An answer the front writes itself.
     *
     * @param status the HTTP status: 200, or 500 for a fault inside Toolgate
     * @param contentType {@code application/json}, or {@code application/problem+json} for the fault
     * @param body the answer's JSON, UTF-8
     */
    record Served(int status, String contentType, byte[] body) implements DataPlaneAnswer {}

    /**
     * A request the front does not serve: the controllers answer it.
     *
     * @param body the body the front has read, to be replayed; null when it read none
     */
    record PassOn(byte[] body) implements DataPlaneAnswer {}

    /** The request handed on before its body was read. */
    PassOn UNREAD = new PassOn(null);
}
