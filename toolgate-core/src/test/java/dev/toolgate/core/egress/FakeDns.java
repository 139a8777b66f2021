package dev.toolgate.core.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dns;

/**
 * A resolver for tests: maps test names to chosen answers, counts lookups, and never touches real DNS (an
 * unknown name is an UnknownHostException). A name can answer a sequence: the n-th lookup gets the n-th
 * answer, and the last answer repeats.
 */
final class FakeDns implements Dns {
    private final Map<String, List<List<InetAddress>>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    /** Answers {@code host} with the given address literals on every lookup. */
    FakeDns answer(String host, String... addresses) {
        answers.put(host, List.of(addresses(addresses)));
        return this;
    }

    /** Answers {@code host} with {@code first} on the first lookup and {@code then} on every later one. */
    FakeDns answerThen(String host, List<String> first, List<String> then) {
        answers.put(host, List.of(addresses(first.toArray(String[]::new)), addresses(then.toArray(String[]::new))));
        return this;
    }

    /** Answers {@code host} with these exact InetAddress objects. */
    FakeDns answerRaw(String host, InetAddress... addresses) {
        answers.put(host, List.of(Arrays.asList(addresses)));
        return this;
    }

    /** Returns how many times {@code host} was looked up. */
    int lookups(String host) {
        AtomicInteger count = lookups.get(host);
        return count == null ? 0 : count.get();
    }

    /** Returns the total number of lookups. */
    int totalLookups() {
        return lookups.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        String host = hostname.toLowerCase(Locale.ROOT);
        int n = lookups.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
        List<List<InetAddress>> sequence = answers.get(host);
        if (sequence == null) {
            throw new UnknownHostException(hostname + ": not a FakeDns test name");
        }
        return new ArrayList<>(sequence.get(Math.min(n, sequence.size() - 1)));
    }

    private static List<InetAddress> addresses(String... texts) {
        return Arrays.stream(texts).map(TestAddresses::ip).toList();
    }
}
