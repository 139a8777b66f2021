/**
 * The one loopback-TLS fixture every module's tests share: {@link dev.toolgate.testkit.LoopbackTls} makes a test CA
 * and a server certificate for 127.0.0.1 and starts MockWebServer on loopback only, so no test dials off the machine.
 * Test scope only; nothing in the gateway depends on it.
 */
package dev.toolgate.testkit;
