/**
 * Telephony rules shared by the tool parser and the voice runtime (docs/voice-runtime.md): phone numbers
 * (E.164 via libphonenumber), SIP URIs (a strict subset of RFC 3261 section 19.1), transfer
 * {@link dev.toolgate.core.telephony.Destination destinations}, DTMF sequences (ITU-T Q.23) and their audio.
 *
 * <p>Everything here is a pure function or an immutable value; nothing dials, resolves or connects.
 * Depends on libphonenumber, javax.sound.sampled (module {@code java.desktop}) and
 * {@code dev.toolgate.core.egress}'s address classifier.
 */
package dev.toolgate.core.telephony;
