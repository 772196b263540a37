package org.stasis.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.stasis.core.engine.DumpRequest;
import org.stasis.core.engine.EngineException;
import org.stasis.core.engine.EngineMonitor;

/**
 * A real process to checkpoint: python3 writing an increasing number to a count file every 20 ms
 * (the count shows whether it runs, and whether a restore went on from where it was). Options add
 * what some tests need: a pseudo-terminal of its own, as for a job started from a shell; a log file
 * kept open, which a restore needs back; memory ballast, so that a dump takes long enough to cancel.
 */
public final class CountingProcess implements AutoCloseable {

    /**
     * argv: count file, log file or '', ballast MiB, 'terminal' or ''. The count file is rewritten in
     * place, never truncated (the numbers only grow), so a reader never sees it empty once it counts.
     * On a terminal, a launcher forks the counter on a pty, prints its pid and drains the terminal.
     */
    private static final String SCRIPT = String.join("\n", "import os, sys, time",
            "def count():",
            "    ballast = bytearray(b'\\x01') * (int(sys.argv[3]) << 20)",
            "    log = open(sys.argv[2], 'a') if sys.argv[2] else None",
            "    out = open(sys.argv[1], 'w')",
            "    i = 0",
            "    while True:",
            "        i += 1",
            "        out.seek(0); out.write(str(i)); out.flush()",
            "        print(i, flush=True)",
            "        if log: log.write('%d\\n' % i); log.flush()",
            "        time.sleep(0.02)",
            "if sys.argv[4] != 'terminal': count()",
            "pid, fd = os.forkpty()",
            "if pid == 0: count()",
            "print(pid, flush=True)",
            "try:",
            "    while os.read(fd, 65536): pass",
            "except OSError: pass");

    /** Ballast of a GiB and more takes seconds to touch. */
    private static final Duration START = Duration.ofSeconds(30);

    private final Process python;
    private final int pid;
    private final Path count;
    private final Path log;

    private CountingProcess(Options options) throws IOException {
        BuiltEngine.assertRoot();
        Files.createDirectories(options.dir);
        count = options.dir.resolve("count");
        log = options.log ? options.dir.resolve("counter.log") : null;
        ProcessBuilder builder = new ProcessBuilder("python3", "-c", SCRIPT, count.toString(),
                log == null ? "" : log.toString(), Integer.toString(options.ballastMiB), options.terminal ? "terminal" : "")
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (!options.terminal) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD); // its numbers only matter on a terminal
        }
        python = builder.start();
        pid = options.terminal ? Integer.parseInt(new BufferedReader(new InputStreamReader(python.getInputStream(),
                StandardCharsets.UTF_8)).readLine().strip()) : (int) python.pid();
        waitForCountAbove(0, START);
    }

    /** @return options for a counter whose files go to dir (made if missing) */
    public static Options in(Path dir) {
        return new Options(dir);
    }

    public int pid() {
        return pid;
    }

    /** The log the counter keeps open (with {@link Options#keepingLog()}): the image needs it back to restore. */
    public Path log() {
        assertTrue(log != null, "this counter keeps no log");
        return log;
    }

    /** @return the last number written, or 0 before the first */
    public long count() throws IOException {
        try {
            String text = Files.readString(count).strip();
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /**
     * Waits (sleeping, not pumping events) until the count passes n. Asks whether the counter's pid
     * lives, not the process this object started: on a terminal that is the pty's holder, which ends
     * when the counter is killed, while a restored counter counts on under the same pid.
     */
    public void waitForCountAbove(long n, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (count() <= n) {
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            assertTrue(alive && System.nanoTime() < end, "the counter (pid " + pid + (alive ? "" : ", gone")
                    + ") stayed at " + count() + ", not above " + n);
            sleep(20);
        }
    }

    /** @return the state letter of /proc/PID/stat: R or S while it counts, T when stopped */
    public char state() throws IOException {
        String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    /** Asserts the counter is alive, not stopped, and still counting over the next half second. */
    public void assertCounting(UiDriver ui) throws IOException {
        assertTrue(Files.exists(Path.of("/proc", Integer.toString(pid))), "the counter process is alive");
        char state = state();
        assertTrue(state == 'R' || state == 'S', "the counter runs (state " + state + ")");
        long before = count();
        ui.pause(500);
        long after = count();
        assertTrue(after > before, "the counter still counts: " + before + " then " + after);
    }

    /** stasis dump PID -o IMAGE --kill with the engine client; waits until the pid is free. */
    public void checkpointAndKill(Path image) throws EngineException, InterruptedException {
        BuiltEngine.client().dump(new DumpRequest(pid, image, true), EngineMonitor.NONE);
        awaitGone("after dump --kill");
    }

    /** Kills the counter (not its launcher) and waits until the pid is free. */
    public void kill() throws InterruptedException {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        awaitGone("after SIGKILL");
    }

    private void awaitGone(String when) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(Path.of("/proc", Integer.toString(pid)))) {
            assertTrue(System.nanoTime() < end, "pid " + pid + " still taken " + when);
            Thread.sleep(20);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Kills the counter (the original or a restored one, same pid) and its launcher. */
    @Override
    public void close() throws InterruptedException {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        python.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** What a test needs of its counter; none of it by default. */
    public static final class Options {

        private final Path dir;
        private boolean terminal;
        private boolean log;
        private int ballastMiB;

        private Options(Path dir) {
            this.dir = dir;
        }

        /** On a pseudo-terminal of its own (stdin, stdout and stderr), printing each number to it. */
        public Options onTerminal() {
            terminal = true;
            return this;
        }

        /** Appending each number to a log file it keeps open. */
        public Options keepingLog() {
            log = true;
            return this;
        }

        /** Holding mib MiB of touched memory. */
        public Options holding(int mib) {
            ballastMiB = mib;
            return this;
        }

        public CountingProcess start() throws IOException {
            return new CountingProcess(this);
        }
    }
}
