package org.stasis.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.stasis.core.engine.DumpRequest;
import org.stasis.core.engine.EngineException;
import org.stasis.core.engine.EngineMonitor;
import org.stasis.core.engine.StasisEngine;

/**
 * A real job to checkpoint and restore: python3 on a pseudo-terminal of its own (stdin, stdout and
 * stderr are the terminal, as for a job started from a shell), which writes an increasing number to
 * a count file every 20 ms and keeps a log file open. A launcher holds the terminal's other end.
 */
public final class TerminalCounter implements AutoCloseable {

    /** argv: count file, log file. The launcher prints the counter's pid, then drains the terminal. */
    private static final String SCRIPT = String.join("\n", "import os, sys, time", "pid, fd = os.forkpty()",
            "if pid == 0:", "    log = open(sys.argv[2], 'a')", "    i = 0", "    while True:", "        i += 1",
            "        with open(sys.argv[1], 'w') as f: f.write(str(i))", "        print(i, flush=True)",
            "        log.write('%d\\n' % i); log.flush()", "        time.sleep(0.02)",
            "print(pid, flush=True)", "try:", "    while os.read(fd, 65536): pass", "except OSError: pass");

    private final java.lang.Process launcher;
    private final Path count;
    private final Path log;
    private final int pid;

    public TerminalCounter(Path dir) throws IOException {
        assertEquals("root", System.getProperty("user.name"), "checkpointing a real process needs root: run ./test.sh");
        count = dir.resolve("count");
        log = dir.resolve("counter.log");
        launcher = new ProcessBuilder("python3", "-c", SCRIPT, count.toString(), log.toString())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        pid = Integer.parseInt(new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8)).readLine().strip());
        waitForCountAbove(0, Duration.ofSeconds(10));
    }

    public int pid() {
        return pid;
    }

    /** The log the counter keeps open: the image needs it back to restore. */
    public Path log() {
        return log;
    }

    /** @return the count now; 0 before the first write (or while it is being rewritten) */
    public long count() throws IOException {
        String text = Files.exists(count) ? Files.readString(count).strip() : ""; //$NON-NLS-1$
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }

    /** Waits (sleeping, not pumping events) until the count passes n. */
    public void waitForCountAbove(long n, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (count() <= n) {
            assertTrue(System.nanoTime() < end, "the counter stayed at " + count() + ", not above " + n);
            sleep(20);
        }
    }

    /** stasis dump PID -o IMAGE --kill with the engine client; waits until the pid is free. */
    public void checkpointAndKill(Path image) throws EngineException, InterruptedException {
        engine().dump(new DumpRequest(pid, image, true), EngineMonitor.NONE);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(Path.of("/proc", Integer.toString(pid)))) {
            assertTrue(System.nanoTime() < end, "pid " + pid + " still taken after dump --kill");
            Thread.sleep(20);
        }
    }

    /** The real engine this reactor built (the pom's stasis.engine property). */
    public static StasisEngine engine() {
        return new StasisEngine(enginePath());
    }

    public static Path enginePath() {
        String engine = System.getProperty("stasis.engine");
        assertTrue(engine != null && Files.isExecutable(Path.of(engine)), "no engine at stasis.engine=" + engine);
        return Path.of(engine);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Kills the counter (the original or the restored one, same pid) and its launcher. */
    @Override
    public void close() throws InterruptedException {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
