package io.github.theorybench.profile;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What the JVM counts while a workload runs: wall and process CPU time, garbage collections (count and the collectors'
 * accumulated time), Java heap allocated, threads. Heap allocation is computed from the collectors' own reports: the
 * bytes every collection freed (used before − used after, from its notification) plus the growth of the used heap over
 * the run; every allocated byte is either still in use at the end or was freed by a collection.
 */
public final class ResourceMeter implements AutoCloseable {
    /** What one run measured. */
    public record Usage(double wallSeconds, double cpuSeconds, long gcCount, double gcSeconds, long allocatedBytes,
            int javaThreadsPeak, int osThreadsPeak, double loadAverageStart, double loadAverageEnd) {
        /** CPU seconds per wall second: how many cores the process kept busy on average. */
        public double busyCores() {
            return wallSeconds <= 0 ? 0 : cpuSeconds / wallSeconds;
        }
    }

    private final long wall0;
    private final long cpu0;
    private final long gcCount0;
    private final long gcMillis0;
    private final long heap0;
    private final double load0;
    private final AtomicLong freed = new AtomicLong();
    private final AtomicLong notified = new AtomicLong();
    /** OS threads at the start and the end (no polling thread: it would show up in the profile it measures). */
    private final AtomicInteger osThreadsPeak = new AtomicInteger();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;

    ResourceMeter() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
        osThreadsPeak.set(osThreads());
        load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        gcCount0 = gcCount();
        gcMillis0 = gcMillis();
        heap0 = heapUsed();
        cpu0 = processCpuNanos();
        wall0 = System.nanoTime();
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) n.getUserData());
        long before = info.getGcInfo().getMemoryUsageBeforeGc().values().stream().mapToLong(MemoryUsage::getUsed)
                .sum();
        long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
        freed.addAndGet(before - after);
        notified.incrementAndGet();
    }

    /** Stops the clocks and returns the usage since construction. */
    Usage stop() {
        long wall = System.nanoTime() - wall0;
        long cpu = processCpuNanos() - cpu0;
        long heap = heapUsed();
        long gcs = gcCount() - gcCount0;
        long gcMs = gcMillis() - gcMillis0;
        // notifications arrive on the JMX service thread: wait (briefly) until every counted collection reported
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (notified.get() < gcs && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        osThreadsPeak.accumulateAndGet(osThreads(), Math::max);
        return new Usage(wall / 1e9, cpu / 1e9, gcs, gcMs / 1e3, heap - heap0 + freed.get(),
                ManagementFactory.getThreadMXBean().getPeakThreadCount(), osThreadsPeak.get(), load0,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already removed
            }
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(g -> Math.max(0, g.getCollectionCount())).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** Threads of this process as the OS sees them (Java threads and native ones such as OpenBLAS's). */
    static int osThreads() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return Thread.activeCount();
        }
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
            for (Path ignored : ds) {
                n++;
            }
        } catch (IOException e) {
            return -1;
        }
        return n;
    }
}
