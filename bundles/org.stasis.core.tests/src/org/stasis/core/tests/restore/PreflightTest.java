package org.stasis.core.tests.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.engine.DumpRequest;
import org.stasis.core.engine.EngineMonitor;
import org.stasis.core.engine.StasisEngine;
import org.stasis.core.restore.FilesCheck;
import org.stasis.core.restore.OriginalTreeCheck;
import org.stasis.core.restore.PidsCheck;
import org.stasis.core.restore.Preflight;
import org.stasis.core.restore.PreflightItem;
import org.stasis.core.restore.PreflightReport;
import org.stasis.core.restore.PreflightStatus;

/** The whole pre-flight check on a real image of a real process, with the real engine and /proc. */
class PreflightTest {

    /** Keeps argv[1] open as a log and counts into it every 20 ms. */
    private static final String LOGGER = String.join("\n", "import sys, time", "log = open(sys.argv[1], 'a')",
            "log.write('start\\n'); log.flush()", "print('ready', flush=True)", "while True: time.sleep(0.02)");

    @TempDir
    Path dir;
    private java.lang.Process logger;

    @AfterEach
    void kill() throws InterruptedException {
        if (logger != null) {
            logger.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunningOriginalThenAFreeHostThenADeletedLog() throws Exception {
        assertEquals("root", System.getProperty("user.name"), "dumping a real process needs root: run ./test.sh");
        Path log = dir.resolve("logger.log");
        logger = new ProcessBuilder("python3", "-c", LOGGER, log.toString())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals("ready", new BufferedReader(new InputStreamReader(logger.getInputStream(), StandardCharsets.UTF_8))
                .readLine());
        StasisEngine engine = engine();
        Path image = dir.resolve("logger.stasis");
        engine.dump(new DumpRequest((int) logger.pid(), image, false), EngineMonitor.NONE);

        // the original runs on: its pid is taken and it is the very same process
        PreflightReport running = Preflight.run(image, engine, new NullProgressMonitor());
        Map<String, PreflightItem> items = byTitle(running);
        assertEquals(PreflightStatus.WARNING, items.get("Original PIDs").status(), running.toString());
        assertEquals(PreflightStatus.WARNING, items.get("Original tree").status(), running.toString());
        assertTrue(running.pidNamespaceRequired());
        assertFalse(running.blocksRestore(), running.toString());

        logger.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        PreflightReport free = Preflight.run(image, engine, new NullProgressMonitor());
        assertEquals(PreflightStatus.OK, free.worst(), "all green once the original is gone: " + free);
        assertEquals(Preflight.CHECKS.size(), free.items().size());
        assertFalse(free.pidNamespaceRequired());

        Files.delete(log);
        PreflightReport deleted = Preflight.run(image, engine, new NullProgressMonitor());
        PreflightItem files = byTitle(deleted).get("Files");
        assertEquals(PreflightStatus.ERROR, files.status());
        assertTrue(files.explanation().contains(log.toString()), files.explanation());
        assertTrue(deleted.blocksRestore());
    }

    private static Map<String, PreflightItem> byTitle(PreflightReport report) {
        return report.items().stream().collect(Collectors.toMap(PreflightItem::title, i -> i));
    }

    @Test
    void everyCheckRunsOnce() {
        assertEquals(6, Preflight.CHECKS.stream().map(Object::getClass).distinct().count());
        assertTrue(Preflight.CHECKS.stream().anyMatch(c -> c instanceof PidsCheck));
        assertTrue(Preflight.CHECKS.stream().anyMatch(c -> c instanceof FilesCheck));
        assertTrue(Preflight.CHECKS.stream().anyMatch(c -> c instanceof OriginalTreeCheck));
    }

    private static StasisEngine engine() {
        String engine = System.getProperty("stasis.engine");
        assertTrue(engine != null && Files.isExecutable(Path.of(engine)),
                "stasis.engine (set by the pom) is not an executable: " + engine);
        return new StasisEngine(Path.of(engine));
    }
}
