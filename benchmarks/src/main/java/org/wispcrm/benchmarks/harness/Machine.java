package org.wispcrm.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark ran on: cores, memory, JVM, heap limit and the load average other processes put on it. */
public record Machine(int cores, long memoryBytes, String os, String java, long maxHeapBytes) {

    /** This machine and JVM. */
    public static Machine current() {
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                memory,
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory());
    }

    /** "2 cores, 24 GB, ...", for the report header. */
    public String describe() {
        return cores + " cores, " + Math.round(memoryBytes / 1e9) + " GB RAM, " + os + ", " + java + ", max heap "
                + (maxHeapBytes >> 20) + " MB";
    }

    /**
     * The 1-minute load average (runnable processes, from {@code /proc/loadavg} or the OS bean); on a machine
     * shared with other work, a load above the core count means the figures are slower than on an idle machine.
     */
    public static double loadAverage() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg")).trim();
            return Double.parseDouble(text.substring(0, text.indexOf(' ')));
        } catch (Exception e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }
}
