package org.stasis.ui.internal.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.stasis.core.engine.DumpRequest;
import org.stasis.core.engine.EngineException;
import org.stasis.core.engine.EngineMonitor;
import org.stasis.ui.tests.BuiltEngine;

/**
 * A live python3 holding a known pattern, dumped by the engine this reactor built, then changed and
 * dumped again. Not a {@link org.stasis.ui.tests.CountingProcess}: the inspector tests need memory
 * whose every byte they can predict, and a change between two dumps that they control.
 */
final class DumpedPython implements AutoCloseable {

    static final int PATTERN_BYTES = 50 << 20;
    /** Pages the script overwrites between the two dumps. */
    static final int CHANGED_PAGES = 64;
    /** 251 is prime: no two pages of the pattern look alike. Waits for a line, then changes pages. */
    static final String SCRIPT = String.join("\n", "import ctypes, sys, time", "n = " + PATTERN_BYTES,
            "b = bytearray((bytes(range(251)) * (n // 251 + 1))[:n])",
            "print(ctypes.addressof((ctypes.c_char * n).from_buffer(b)), flush=True)", "sys.stdin.readline()",
            "for i in range(" + CHANGED_PAGES + "):", "    b[i * 4096 + 100] ^= 0xff", "print('changed', flush=True)",
            "time.sleep(1000)");

    final java.lang.Process python;
    final long address;
    private final BufferedReader out;

    DumpedPython() throws IOException {
        BuiltEngine.assertRoot();
        python = new ProcessBuilder("python3", "-c", SCRIPT).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        address = Long.parseLong(out.readLine().strip());
    }

    /** Pattern byte at an absolute address inside the pattern. */
    int patternAt(long at) {
        return (int) ((at - address) % 251);
    }

    int pid() {
        return (int) python.pid();
    }

    /** stasis dump PID -o IMAGE with the engine client, leaving python running. */
    void dump(Path image) throws EngineException {
        BuiltEngine.client().dump(new DumpRequest(pid(), image, false), EngineMonitor.NONE);
    }

    /** Makes python change {@link #CHANGED_PAGES} pages of the pattern, and waits until it did. */
    void changePages() throws IOException {
        OutputStream in = python.getOutputStream();
        in.write('\n');
        in.flush();
        assertEquals("changed", out.readLine());
    }

    @Override
    public void close() throws InterruptedException {
        python.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
