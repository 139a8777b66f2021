package dev.toolgate.core.egress;

/**
 * The verdict on one address a host resolved to.
 *
 * @param address the address in canonical text form ({@code 93.184.216.34}, {@code 2606:2800::1})
 * @param allowed whether connecting to it is allowed
 * @param reason why it was blocked, or how it was admitted ("public unicast", "operator allowlist: 127.0.0.1:8443")
 */
public record AddressVerdict(String address, boolean allowed, String reason) {
}
