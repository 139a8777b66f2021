package dev.toolgate.server.invocation;

import java.util.ArrayList;
import java.util.List;

/**
 * The runs of digits in a text that could hold a card, an IBAN's digits or a phone number, for the
 * {@link PiiMasker}'s pre-checks. A run is a stretch of digits ({@link Character#isDigit}, any script) in which at most
 * {@link #MAX_GAP} characters that are not letters (spaces, dashes, dots, brackets, slashes, ...; an {@code x} counts as
 * punctuation, as in libphonenumber) separate one digit from the next. This errs on the wide side of libphonenumber's
 * candidate pattern (at most 4 punctuation characters between blocks of digits), so a run that is too short here
 * holds no number for it either. A run that is exactly an ISO 8601 calendar date ({@code 2025-06-03}, the form tool
 * responses give dates and slots in) is no candidate: no phone number is written that way, and libphonenumber
 * would parse and check each one.
 *
 * @param longest the most digits in one run, 0 when the text holds none
 * @param candidates the {@code [start, end)} character ranges of the runs with at least the minimum digits, in order
 * @param length the text's length
 */
record NumberRuns(int longest, List<int[]> candidates, int length) {

    /** The most non-letter characters between two digits of one run. */
    static final int MAX_GAP = 4;

    /**
     * Finds the runs of {@code text}.
     *
     * @param minDigits the fewest digits a run needs to be a candidate
     */
    static NumberRuns of(String text, int minDigits) {
        int longest = 0;
        List<int[]> candidates = new ArrayList<>(2);
        int start = -1;
        int end = -1;
        int digits = 0;
        int gap = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                if (start < 0) {
                    start = i;
                }
                end = i + 1;
                digits++;
                gap = 0;
            } else if (start >= 0 && (!Character.isLetter(c) || c == 'x' || c == 'X') && ++gap <= MAX_GAP) {
                continue;
            } else if (start >= 0) {
                longest = Math.max(longest, digits);
                if (digits >= minDigits && !isIsoDate(text, start, end)) {
                    candidates.add(new int[] {start, end});
                }
                start = -1;
                digits = 0;
                gap = 0;
            }
        }
        if (start >= 0) {
            longest = Math.max(longest, digits);
            if (digits >= minDigits && !isIsoDate(text, start, end)) {
                candidates.add(new int[] {start, end});
            }
        }
        return new NumberRuns(longest, candidates, text.length());
    }

    /** Whether {@code text[start, end)} is {@code YYYY-MM-DD} with a month 01–12 and a day 01–31. */
    static boolean isIsoDate(String text, int start, int end) {
        if (end - start != 10 || text.charAt(start + 4) != '-' || text.charAt(start + 7) != '-') {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (i != start + 4 && i != start + 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        int month = (text.charAt(start + 5) - '0') * 10 + text.charAt(start + 6) - '0';
        int day = (text.charAt(start + 8) - '0') * 10 + text.charAt(start + 9) - '0';
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /**
     * The candidates widened by {@code context} characters on each side (within the text), overlapping ones merged,
     * in order.
     */
    List<int[]> windows(int context) {
        List<int[]> windows = new ArrayList<>(candidates.size());
        for (int[] run : candidates) {
            int from = Math.max(0, run[0] - context);
            int to = Math.min(length, run[1] + context);
            int[] previous = windows.isEmpty() ? null : windows.getLast();
            if (previous != null && from <= previous[1]) {
                previous[1] = Math.max(previous[1], to);
            } else {
                windows.add(new int[] {from, to});
            }
        }
        return windows;
    }
}
