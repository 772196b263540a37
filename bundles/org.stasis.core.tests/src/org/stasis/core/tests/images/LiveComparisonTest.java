package org.stasis.core.tests.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.images.DiffEntry;
import org.stasis.core.images.DiffEntry.Kind;
import org.stasis.core.images.ImageComparison;
import org.stasis.image.StasisImage;

/**
 * Two real checkpoints of a live python3, dumped by the engine built in this reactor: between them
 * it grows a bytearray by 8 MiB, rewrites {@value #CHANGED} pages of a 1 MiB buffer, opens a second
 * file and closes the first.
 */
class LiveComparisonTest {

    private static final int CHANGED = 37;
    private static final int GROWTH = 8 << 20;
    private static final String SCRIPT = String.join("\n", "import os, sys, time",
            "first, second, go = sys.argv[1:4]",
            "buf = bytearray(b'\\x01' * (1 << 20))",
            "grow = bytearray(b'\\x03' * 65536)",
            "f = open(first, 'w'); f.write('x' * 100); f.flush()",
            "print('ready', flush=True)",
            "while not os.path.exists(go): time.sleep(0.02)",
            "grow.extend(b'\\x02' * " + GROWTH + ")",
            "for i in range(" + CHANGED + "): buf[i * 3 * 4096] ^= 0xff  # 3 pages apart: one byte per page",
            "g = open(second, 'w'); f.close()",
            "print('done', flush=True)",
            "time.sleep(1000)");

    @TempDir
    static Path dir;
    private static java.lang.Process python;
    private static StasisImage older;
    private static StasisImage newer;
    private static ImageComparison comparison;

    @BeforeAll
    static void dumpTwice() throws Exception {
        requireRoot();
        python = new ProcessBuilder("python3", "-c", SCRIPT, dir.resolve("first.log").toString(),
                dir.resolve("second.log").toString(), dir.resolve("go").toString())
                .redirectInput(new File("/dev/null")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine());
        older = dump("older");
        Files.createFile(dir.resolve("go"));
        assertEquals("done", out.readLine());
        newer = dump("newer");
        comparison = ImageComparison.compare(older, newer, new NullProgressMonitor());
    }

    @AfterAll
    static void stop() throws Exception {
        try (StasisImage a = older; StasisImage b = newer) { // null resources are skipped
            if (python != null) {
                python.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void filesOpenedAndClosed() {
        assertEquals(List.of("fd " + fdOf("first.log") + " " + dir.resolve("first.log")),
                subjects(Kind.FILE_CLOSED));
        assertEquals(1, subjects(Kind.FILE_OPENED).size(), comparison.entries()::toString);
        assertTrue(subjects(Kind.FILE_OPENED).get(0).endsWith(" " + dir.resolve("second.log")));
    }

    @Test
    void theGrowthShowsAsAMappingGrownOrAdded() {
        long grown = comparison.entries().stream().filter(e -> e.pid() == python.pid())
                .filter(e -> e.kind() == Kind.VMA_GROWN || e.kind() == Kind.VMA_ADDED)
                .mapToLong(e -> e.newerValue() - e.olderValue()).max().orElse(0);
        assertTrue(grown >= GROWTH, () -> "no mapping grew by 8 MiB: " + comparison.entries());
    }

    /**
     * At least the rewritten pages; at most those, the 8 MiB (counted when the kernel merged it into
     * a mapping both images have) and some slack for the interpreter's own heap and stack.
     */
    @Test
    void changedPagesAreTheRewrittenOnesAndNotWildlyMore() {
        long changed = comparison.changedPages();
        assertTrue(changed >= CHANGED && changed <= CHANGED + GROWTH / 4096 + 1024,
                () -> changed + " pages changed: " + comparison.summary());
        assertTrue(comparison.sameTree());
        assertTrue(comparison.summary().contains("1 file opened, 1 closed"), comparison.summary());
    }

    @Test
    void anImageComparedWithItselfHasNoDifferences() throws Exception {
        ImageComparison self = ImageComparison.compare(newer, newer, null);
        assertEquals(List.of(), self.entries());
        assertEquals(0, self.changedPages());
    }

    private static List<String> subjects(Kind kind) {
        return comparison.entries().stream().filter(e -> e.kind() == kind && e.pid() == python.pid())
                .map(DiffEntry::subject).toList();
    }

    /** The fd the older image records for a file the script opened. */
    private static int fdOf(String name) {
        String path = dir.resolve(name).toString();
        var files = older.metadata().getFilesList();
        return older.process((int) python.pid()).getFdsList().stream()
                .filter(d -> files.stream().anyMatch(f -> f.getId() == d.getFileId() && f.getPath().equals(path)))
                .findFirst().orElseThrow().getFd();
    }

    /** The suite runs as root (./test.sh): dumping needs it, and a silent skip would pass for a test. */
    private static void requireRoot() {
        assertEquals("root", System.getProperty("user.name"), "dumping a real process needs root: run ./test.sh");
    }

    /** stasis dump PID -o IMAGE with the engine the pom names; the process keeps running. */
    private static StasisImage dump(String name) throws Exception {
        String engine = System.getProperty("stasis.engine");
        assertTrue(engine != null && Files.isExecutable(Path.of(engine)), "stasis.engine (set by the pom) is not "
                + "an executable: " + engine + "; the reactor builds it in org.stasis.native.linux.x86_64");
        Path image = dir.resolve(name + ".stasis");
        java.lang.Process p = new ProcessBuilder(engine, "dump", Long.toString(python.pid()), "-o", image.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stasis dump did not finish");
        assertEquals(0, p.exitValue(), () -> "stasis dump failed: " + output);
        return StasisImage.open(image);
    }
}
