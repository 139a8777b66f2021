package dev.toolgate.core.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EgressPolicy#checkUrl} keeps its verdicts: a URL checked again gets the same verdict, and the verdicts of
 * one policy never answer for another (each has its own allowlist).
 */
class EgressPolicyMemoTest {

    static final String LOOPBACK = "https://127.0.0.1:8443/tools/lookup";

    @Test
    void aUrlCheckedAgainGetsTheSameVerdict() {
        EgressPolicy policy = EgressPolicy.ofDefaults();

        EgressDecision first = policy.checkUrl(LOOPBACK);
        EgressDecision again = policy.checkUrl(LOOPBACK);

        assertThat(first.allowed()).isFalse();
        assertThat(again).isEqualTo(first);
        assertThat(policy.checkUrl("https://api.example.com/tools/lookup").allowed())
                .isTrue();
    }

    @Test
    void oneVerdictNeverAnswersForAnotherPolicy() {
        EgressPolicy closed = EgressPolicy.ofDefaults();
        EgressPolicy open = EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("127.0.0.1:8443"))
                .build();

        assertThat(closed.checkUrl(LOOPBACK).allowed()).isFalse();
        assertThat(open.checkUrl(LOOPBACK).allowed()).isTrue();
        assertThat(closed.checkUrl(LOOPBACK).allowed()).isFalse();
    }

    @Test
    void aUrlLongerThanTheMemoKeepsIsStillJudged() {
        EgressPolicy policy = EgressPolicy.ofDefaults();
        String longUrl = "https://api.example.com/" + "a".repeat(EgressPolicy.MAX_MEMO_URL_CHARS);

        assertThat(policy.checkUrl(longUrl).allowed()).isTrue();
        assertThat(policy.checkUrl(longUrl + "\n").allowed()).isFalse();
    }

    @Test
    void aDryRunDecisionResolvesTheNameAgainEveryTime() {
        FakeDns dns = new FakeDns().answerThen("api.example.com", List.of("93.184.216.34"), List.of("10.0.0.5"));
        EgressPolicy policy = EgressPolicy.builder().resolver(dns).build();

        assertThat(policy.decide("https://api.example.com/hook").allowed()).isTrue();
        EgressDecision rebound = policy.decide("https://api.example.com/hook");

        assertThat(rebound.allowed()).isFalse();
        assertThat(rebound.denyReason()).isEqualTo(DenyReason.BLOCKED_ADDRESS);
        assertThat(dns.lookups("api.example.com")).isEqualTo(2);
    }

    @Test
    void aDryRunDecisionOnAnIpLiteralIsTheKeptVerdict() {
        EgressPolicy open = EgressPolicy.builder()
                .allowlist(AllowlistEntry.parseList("127.0.0.1:8443"))
                .build();

        EgressDecision decided = open.decide(LOOPBACK);

        assertThat(decided.allowed()).isTrue();
        assertThat(decided.addresses())
                .singleElement()
                .satisfies(verdict -> assertThat(verdict.address()).isEqualTo("127.0.0.1"));
        assertThat(open.decide("https://127.0.0.1:8444/tools/lookup").allowed()).isFalse();
    }
}
