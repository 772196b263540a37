package org.stasis.core.tests.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.engine.CheckReport;
import org.stasis.core.engine.DumpRequest;
import org.stasis.core.engine.DumpResult;
import org.stasis.core.engine.EngineException;
import org.stasis.core.engine.EngineMonitor;
import org.stasis.core.engine.EngineProgress;
import org.stasis.core.engine.RestoreRequest;
import org.stasis.core.engine.RestoreResult;
import org.stasis.core.engine.StasisEngine;

/** The engine client driving the real `stasis` built in this reactor, on real processes. */
class StasisEngineTest {

    /** Counts into a file every 20 ms; prints ready once it holds {@code argv[2]} MiB of touched memory. */
    private static final String COUNTER = String.join("\n", "import sys, time",
            "data = bytearray(int(sys.argv[2]) << 20)",
            "for i in range(0, len(data), 4096): data[i] = 1",
            "print('ready', flush=True)",
            "i = 0",
            "while True:",
            "    i += 1",
            "    with open(sys.argv[1], 'w') as f: f.write(str(i))",
            "    time.sleep(0.02)");

    @TempDir
    Path dir;
    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void killEverything() {
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void checkpointKillRestoreAndTheCounterGoesOn() throws Exception {
        Path count = dir.resolve("count");
        java.lang.Process counter = startCounter(count, 16);
        Path image = dir.resolve("counter.stasis");
        List<EngineProgress> progress = new ArrayList<>();
        DumpResult dump = engine().dump(new DumpRequest((int) counter.pid(), image, true), new EngineMonitor() {
            @Override
            public void progress(EngineProgress p) {
                progress.add(p);
            }
        });
        assertEquals(counter.pid(), dump.pid());
        assertTrue(dump.killed());
        assertEquals(1, dump.processes());
        assertTrue(dump.pagesBytes() >= 16 << 20, "16 MiB touched, " + dump.pagesBytes() + " bytes stored");
        assertTrue(dump.frozenMillis() > 0 && dump.frozenMillis() <= dump.totalMillis(), dump.toString());
        assertTrue(Files.size(image) >= dump.pagesBytes());
        List<EngineProgress> pages = progress.stream().filter(p -> p.phase().equals("dump-memory")).toList();
        assertFalse(pages.isEmpty(), "no dump-memory progress in " + progress);
        assertTrue(pages.stream().allMatch(p -> p.done() <= p.total()), pages.toString());
        assertEquals(1.0, pages.getLast().fraction(), "the last page event: " + pages.getLast());

        assertTrue(counter.waitFor(10, TimeUnit.SECONDS), "dump --kill left the counter running");
        long atDump = Long.parseLong(Files.readString(count).strip());
        RestoreResult restored = engine().restore(new RestoreRequest(image, false), EngineMonitor.NONE);
        started.add((long) restored.rootPid());
        assertEquals(counter.pid(), restored.rootPid(), "the original pid was free");
        assertFalse(restored.pidNamespace());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long now = atDump;
        while (now < atDump + 5 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            String text = Files.readString(count).strip();
            now = text.isEmpty() ? now : Long.parseLong(text);
        }
        assertTrue(now >= atDump + 5, "the restored counter stayed at " + now + " (it was " + atDump + ")");
        assertTrue(now < atDump + 400, "the restored counter started over or jumped: " + now + " after " + atDump);
    }

    @Test
    void cancelLeavesTheTreeRunningAndNoImage() throws Exception {
        java.lang.Process counter = startCounter(dir.resolve("count"), 1024);
        Path image = dir.resolve("big.stasis");
        Files.writeString(image, "the last good checkpoint");
        EngineException e = assertThrows(EngineException.class,
                () -> engine().dump(new DumpRequest((int) counter.pid(), image, false), new EngineMonitor() {
                    private volatile boolean writing;

                    @Override
                    public void progress(EngineProgress p) {
                        writing |= p.phase().equals("dump-memory");
                    }

                    @Override
                    public boolean isCanceled() {
                        return writing;
                    }
                }));
        assertTrue(e.isCanceled(), e.getMessage());
        assertEquals("the last good checkpoint", Files.readString(image), "a cancelled dump touched the old image");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("big.stasis", "count"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Thread.sleep(100);
        assertTrue(counter.isAlive(), "the tree died");
        String state = Files.readString(Path.of("/proc/" + counter.pid() + "/stat")).replaceAll(".*\\) ", "");
        assertFalse(state.startsWith("T") || state.startsWith("t"), "the tree was left stopped: " + state);
    }

    @Test
    void aFailureCarriesTheEnginesOwnMessage() throws Exception {
        java.lang.Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        int pid = (int) gone.pid();
        EngineException e = assertThrows(EngineException.class,
                () -> engine().dump(new DumpRequest(pid, dir.resolve("x.stasis"), false), EngineMonitor.NONE));
        assertEquals(1, e.exitCode());
        assertFalse(e.isCanceled());
        assertEquals("pid " + pid + ": no such process", e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.stasis")));
    }

    @Test
    void aCorruptImageIsRefusedWithItsReason() throws Exception {
        Path image = Files.writeString(dir.resolve("junk.stasis"), "not an image");
        EngineException e = assertThrows(EngineException.class,
                () -> engine().restore(new RestoreRequest(image, false), EngineMonitor.NONE));
        assertTrue(e.getMessage().contains(image.toString()), e.getMessage());
        assertEquals(1, e.exitCode());
    }

    @Test
    void aMissingHelperIsNamed() {
        Path missing = dir.resolve("no-stasis-here");
        EngineException e = assertThrows(EngineException.class, () -> new StasisEngine(missing).check());
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("preferences"),
                e.getMessage());
    }

    @Test
    void checkReportsPrivilegesAsRoot() throws Exception {
        requireRoot();
        CheckReport report = engine().check();
        assertTrue(report.ok(), report.toString());
        assertTrue(report.blocker().isEmpty(), report.toString());
        assertTrue(report.probes().stream().anyMatch(p -> p.name().equals("privileges") && p.status().equals("ok")),
                report.toString());
    }

    private java.lang.Process startCounter(Path count, int mib) throws IOException {
        requireRoot();
        java.lang.Process p = new ProcessBuilder("python3", "-c", COUNTER, count.toString(), Integer.toString(mib))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p.pid());
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine(), "the counter did not start");
        return p;
    }

    private static StasisEngine engine() {
        String engine = System.getProperty("stasis.engine");
        assertTrue(engine != null && Files.isExecutable(Path.of(engine)),
                "stasis.engine (set by the pom) is not an executable: " + engine);
        return new StasisEngine(Path.of(engine));
    }

    private static void requireRoot() {
        assertEquals("root", System.getProperty("user.name"), "dumping a real process needs root: run ./test.sh");
    }
}
