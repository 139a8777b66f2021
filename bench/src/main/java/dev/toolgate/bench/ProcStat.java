package dev.toolgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Linux {@code /proc} figures: per-process and per-thread CPU time ({@code stat} fields 14 and 15, utime and
 * stime, in clock ticks of {@value #TICKS_PER_SECOND} Hz, the Linux {@code USER_HZ} on every common platform) and
 * {@code status} fields in KiB. Missing processes read as zero.
 */
final class ProcStat {

    static final long TICKS_PER_SECOND = 100;

    private ProcStat() {}

    /** Returns utime + stime of a process (all its threads), in nanoseconds; 0 when it is gone. */
    static long cpuNanos(long pid) {
        return ticksToNanos(statTicks(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** Returns a {@code /proc/<pid>/status} field in KiB (e.g. {@code VmHWM}); 0 when absent. */
    static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(
                            line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /**
     * Returns the CPU time of each thread of a process, summed by thread name with digits folded to {@code #}
     * ({@code GC Thread#0} and {@code GC Thread#1} become one entry), in nanoseconds.
     */
    static Map<String, Long> threadCpuNanos(long pid) {
        Map<String, Long> byName = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        List<Path> threads;
        try (var stream = Files.list(tasks)) {
            threads = stream.toList();
        } catch (IOException e) {
            return byName;
        }
        for (Path thread : threads) {
            String stat;
            try {
                stat = Files.readString(thread.resolve("stat"));
            } catch (IOException e) {
                continue; // the thread ended
            }
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "#");
            byName.merge(name, ticksToNanos(ticks(stat)), Long::sum);
        }
        return byName;
    }

    /**
     * Returns the CPU time the whole machine has spent busy since boot ({@code /proc/stat} line {@code cpu}: user,
     * nice, system, irq, softirq and steal), in nanoseconds summed over all cores; 0 when unreadable.
     */
    static long machineBusyNanos() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1])
                    + Long.parseLong(f[2])
                    + Long.parseLong(f[3])
                    + Long.parseLong(f[6])
                    + Long.parseLong(f[7])
                    + (f.length > 8 ? Long.parseLong(f[8]) : 0);
            return ticksToNanos(busy);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long statTicks(Path stat) {
        try {
            return ticks(Files.readString(stat));
        } catch (IOException e) {
            return 0;
        }
    }

    private static long ticks(String stat) {
        // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
    }

    private static long ticksToNanos(long ticks) {
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }
}
