package org.stasis.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.stasis.core.engine.StasisEngine;

/** The engine this reactor built (the pom's stasis.engine property), and the root it needs on real processes. */
public final class BuiltEngine {

    private BuiltEngine() {
    }

    /** @return the engine's executable; fails the test when the build did not make one */
    public static Path path() {
        String engine = System.getProperty("stasis.engine");
        assertTrue(engine != null && Files.isExecutable(Path.of(engine)), "no engine at stasis.engine=" + engine);
        return Path.of(engine);
    }

    /** @return a client of the built engine */
    public static StasisEngine client() {
        return new StasisEngine(path());
    }

    /** Fails the test unless it runs as root: dumping and restoring a real process need it. */
    public static void assertRoot() {
        assertEquals("root", System.getProperty("user.name"), "checkpointing a real process needs root: run ./test.sh");
    }
}
