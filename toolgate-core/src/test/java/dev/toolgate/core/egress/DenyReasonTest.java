package dev.toolgate.core.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DenyReasonTest {

    @Test
    void keysAreStableLowerCaseAndUnique() {
        List<String> keys =
                Arrays.stream(DenyReason.values()).map(DenyReason::key).toList();

        assertThat(keys).doesNotHaveDuplicates().allMatch(key -> key.matches("[a-z_]+"));
        for (DenyReason reason : DenyReason.values()) {
            assertThat(reason.key()).isEqualTo(reason.name().toLowerCase(Locale.ROOT));
            assertThat(reason.label()).isNotBlank();
        }
    }

    @Test
    void onlyResolutionOutcomesCountAsResolutionFailures() {
        List<DenyReason> failures = Arrays.stream(DenyReason.values())
                .filter(DenyReason::isResolutionFailure)
                .toList();

        assertThat(failures).containsExactlyInAnyOrder(DenyReason.NO_ADDRESSES, DenyReason.RESOLUTION_FAILED);
    }

    @Test
    void decisionRequiresAReasonExactlyWhenDenied() {
        assertThatThrownBy(() -> new EgressDecision(false, "no", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EgressDecision(true, null, DenyReason.NOT_HTTPS, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new EgressDecision(false, null, DenyReason.NOT_HTTPS, null).reason())
                .isEqualTo(DenyReason.NOT_HTTPS.label());
    }
}
