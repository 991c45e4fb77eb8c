package com.marketpulse.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU time and resident memory of the stack's processes, read from {@code /proc} (Linux): per named part (a service,
 * the broker, PostgreSQL with its backends), plus the whole machine's busy time, so a run disturbed by other work on
 * the machine shows as CPU used outside the stack.
 */
final class ProcessStats {

    /** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
    private static final double HZ = 100.0;

    /**
     * @param cpuSeconds user + system CPU so far
     * @param rssBytes   resident memory now
     * @param pssBytes   proportional share of it (a page shared by n processes counts 1/n): summing PostgreSQL's
     *                   backends' RSS would count its shared buffers once per backend
     */
    record Usage(double cpuSeconds, long rssBytes, long pssBytes) {
        Usage plus(Usage other) {
            return new Usage(cpuSeconds + other.cpuSeconds, rssBytes + other.rssBytes, pssBytes + other.pssBytes);
        }
    }

    /** One reading: each part's usage, the machine's busy CPU seconds, and when (System.nanoTime). */
    record Reading(Map<String, Usage> parts, double machineBusySeconds, long nanos) {
    }

    private final Map<String, Supplier<List<ProcessHandle>>> parts = new LinkedHashMap<>();

    /** Adds a part: the processes it consists of, asked again at every reading (PostgreSQL's backends come and go). */
    ProcessStats part(String name, Supplier<List<ProcessHandle>> processes) {
        parts.put(name, processes);
        return this;
    }

    Reading read() {
        Map<String, Usage> usage = new LinkedHashMap<>();
        parts.forEach((name, processes) -> {
            Usage total = new Usage(0, 0, 0);
            for (ProcessHandle process : processes.get()) {
                total = total.plus(of(process.pid()));
            }
            usage.put(name, total);
        });
        return new Reading(usage, machineBusySeconds(), System.nanoTime());
    }

    /** A process's usage; nothing for one that is gone. */
    static Usage of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: the fields after it start past its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / HZ;
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            long pss = rss;
            Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
            if (Files.isReadable(rollup)) {
                for (String line : Files.readAllLines(rollup)) {
                    if (line.startsWith("Pss:")) {
                        pss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    }
                }
            }
            return new Usage(cpu, rss, pss);
        } catch (IOException | RuntimeException gone) {
            return new Usage(0, 0, 0);
        }
    }

    /** Every CPU's non-idle time since boot (the first line of /proc/stat), in seconds. */
    private static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy / HZ;
        } catch (IOException e) {
            return 0;
        }
    }

    static List<ProcessHandle> withDescendants(ProcessHandle process) {
        List<ProcessHandle> all = new java.util.ArrayList<>(List.of(process));
        all.addAll(process.descendants().toList());
        return all;
    }
}
