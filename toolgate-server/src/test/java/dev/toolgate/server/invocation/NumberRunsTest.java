package dev.toolgate.server.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The runs of digits the PII masker's pre-checks look at, and the promise they rest on: searching only the windows
 * around the runs finds the same phone numbers as searching the whole text.
 */
class NumberRunsTest {

    @Test
    void aRunSpansDigitsSeparatedByFewPunctuationCharacters() {
        NumberRuns runs = NumberRuns.of("call (415) 555-2671 now, ref 12", 7);

        assertThat(runs.longest()).isEqualTo(10);
        assertThat(runs.candidates())
                .singleElement()
                .satisfies(run -> assertThat(run).containsExactly(6, 19));
    }

    @Test
    void lettersAndLongGapsEndARun() {
        NumberRuns runs = NumberRuns.of("{\"area\":2000,\"rooms\":3,\"year\":1995}", 7);

        assertThat(runs.longest()).isEqualTo(4);
        assertThat(runs.candidates()).isEmpty();
    }

    @Test
    void anIsoDateIsNoCandidateButADateWithATimeAfterASpaceIs() {
        assertThat(NumberRuns.of("{\"next_slot\":\"2025-06-03T10:30:00Z\"}", 7).candidates())
                .isEmpty();
        assertThat(NumberRuns.of("on 2025-06-03 10:30", 7).candidates()).hasSize(1);
        assertThat(NumberRuns.isIsoDate("2025-13-03", 0, 10)).isFalse();
        assertThat(NumberRuns.isIsoDate("415-555-26", 0, 10)).isFalse();
    }

    @Test
    void windowsWidenTheCandidatesAndMergeThoseThatOverlap() {
        String text = "a 1234567 b 7654321" + " ".repeat(100) + "9876543";
        List<int[]> windows = NumberRuns.of(text, 7).windows(8);

        assertThat(windows).hasSize(2);
        assertThat(windows.get(0)).containsExactly(0, 27);
        assertThat(windows.get(1)).containsExactly(111, text.length());
    }

    @Test
    void theWindowsHoldEveryPhoneNumberTheWholeTextHolds() {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        PiiMasker masker = new PiiMasker("US");
        String[] numbers = {
            "+44 20 7946 0958",
            "(415) 555-2671",
            "415.555.2671",
            "+1 415 555 2671 ext. 12",
            "+49 30 901820",
            "2025-06-03T10:30:00Z",
            "order 4111111111111112",
            "+683 4002",
            "555-2671"
        };
        String[] fillers = {"{\"phone\":\"", "\",\"n\":", " call ", "x", "; ", " id 12-34 ", "\"}"};
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            for (int part = 0; part < 6; part++) {
                text.append(fillers[random.nextInt(fillers.length)]);
                text.append(numbers[random.nextInt(numbers.length)]);
            }
            String whole = text.toString();
            StringBuilder expected = new StringBuilder();
            int last = 0;
            for (PhoneNumberMatch match :
                    phones.findNumbers(whole, "US", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                expected.append(whole, last, match.start()).append(maskAllButLastTwoDigits(match.rawString()));
                last = match.end();
            }
            expected.append(whole.substring(last));

            assertThat(masker.mask(whole)).as("masked %s", whole).isEqualTo(expected.toString());
        }
    }

    private static String maskAllButLastTwoDigits(String raw) {
        long digits = raw.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder();
        int seen = 0;
        for (char c : raw.toCharArray()) {
            out.append(Character.isDigit(c) && ++seen <= digits - 2 ? '*' : c);
        }
        return out.toString();
    }
}
