/**
 * HTTP field rules shared by the tool parser (save time) and the request renderer (call time):
 * {@link dev.toolgate.core.http.ReservedHeaders}, the one list of header names a tool may not set.
 *
 * <p>This package depends on nothing else in Toolgate, so that both {@code dev.toolgate.core.tool} and
 * {@code dev.toolgate.core.render} can use it without a package cycle.
 */
package dev.toolgate.core.http;
