package dev.toolgate.core.egress;

/**
 * The verdict on one address a host resolved to (or an IP literal in the URL).
 *
 * @param address the address in canonical text form ({@code 93.184.216.34}, {@code 2606:2800::1}, RFC 5952)
 * @param allowed whether connecting to it is allowed
 * @param reason how it was admitted ({@code "public unicast"}, {@code "operator allowlist 127.0.0.1:8443
 *     (loopback 127.0.0.0/8 (RFC 1122))"}) or why it was blocked ({@code "loopback 127.0.0.0/8 (RFC 1122)"})
 */
public record AddressVerdict(String address, boolean allowed, String reason) {}
