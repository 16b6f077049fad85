package io.acai.protocol;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaked a {@code ByteBuf}. Installs, before any buffer class is initialised, a
 * leak detector factory whose detectors record every leak they report; after each test it collects
 * garbage until the detectors report a buffer dropped on purpose, and fails with the other leak
 * records found. Registered for every test
 * of this module through {@code META-INF/services} and {@code junit-platform.properties}, so that
 * it is in place before the first test runs.
 */
public final class LeakDetection implements AfterEachCallback {

    private static final List<String> LEAKS = new ArrayList<>();
    /** The touch hint of the buffers {@link #collectLeaks} drops on purpose; never reported as leaks. */
    private static final String CANARY = "leak-detection canary ";
    private static final AtomicLong CANARIES = new AtomicLong();

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> leaks = collectLeaks();
        if (!leaks.isEmpty()) {
            fail(leaks.size() + " ByteBuf leak(s) in " + context.getDisplayName() + ":\n" + String.join("\n", leaks));
        }
    }

    /**
     * Drops a canary buffer unreleased, then collects garbage and lets the detectors poll until they
     * report the canary: by then every buffer that became unreachable before it has been seen too.
     * Returns (and forgets) the leaks found besides the canary.
     */
    static List<String> collectLeaks() {
        String canary = CANARY + CANARIES.incrementAndGet() + " ";
        dropUnreleased(canary);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            System.gc();
            // at the paranoid level every allocation polls the detector's reference queue
            ByteBufAllocator.DEFAULT.directBuffer(1).release();
            ByteBufAllocator.DEFAULT.heapBuffer(1).release();
            synchronized (LEAKS) {
                return LEAKS.stream().anyMatch(leak -> leak.contains(canary));
            }
        });
        synchronized (LEAKS) {
            List<String> found = LEAKS.stream().filter(leak -> !leak.contains(CANARY)).toList();
            LEAKS.clear();
            return found;
        }
    }

    private static void dropUnreleased(String hint) {
        ByteBufAllocator.DEFAULT.heapBuffer(1).touch(hint);
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                  long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<?> resourceType, int samplingInterval) {
            super(resourceType, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            record("LEAK: " + resourceType + records);
            if (!records.contains(CANARY)) {
                super.reportTracedLeak(resourceType, records);
            }
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            record("LEAK: " + resourceType + " (untraced)");
            super.reportUntracedLeak(resourceType);
        }

        private static void record(String leak) {
            synchronized (LEAKS) {
                LEAKS.add(leak);
            }
        }
    }
}
