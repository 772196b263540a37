package org.stasis.nativelib.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.nativelib.NativeLocator;

class NativeLocatorTest {

    private static NativeLocator locator(Map<String, String> props, Map<String, String> env) {
        return new NativeLocator(k -> Optional.ofNullable(props.get(k)), k -> Optional.ofNullable(env.get(k)),
                rel -> Optional.empty());
    }

    private static Path file(Path dir, String name, String mode) throws IOException {
        Path f = Files.writeString(dir.resolve(name), "#!/bin/sh\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void propertyOverridesEnvironmentAndGetsExecBit(@TempDir Path tmp) throws IOException {
        Path a = file(Files.createDirectory(tmp.resolve("a")), "stasis", "rw-r--r--");
        Path b = file(Files.createDirectory(tmp.resolve("b")), "stasis", "rwxr-xr-x");
        NativeLocator locator = locator(Map.of(NativeLocator.HELPER_PROPERTY, a.toString()),
                Map.of(NativeLocator.HELPER_ENV, b.toString()));
        assertEquals(a, locator.helper());
        assertTrue(Files.isExecutable(a), "exec bit restored");
        assertEquals(b, locator(Map.of(), Map.of(NativeLocator.HELPER_ENV, b.toString())).helper());
    }

    @Test
    void libraryIsTakenFromBesideAnOverriddenHelper(@TempDir Path tmp) throws IOException {
        Path helper = file(tmp, "stasis", "rwxr-xr-x");
        Path lib = file(tmp, NativeLocator.LIBRARY_NAME, "rw-r--r--");
        assertEquals(lib, locator(Map.of(NativeLocator.HELPER_PROPERTY, helper.toString()), Map.of()).library());
    }

    @Test
    void missingHelperIsAClearError(@TempDir Path tmp) {
        IOException e = assertThrows(IOException.class,
                () -> locator(Map.of(NativeLocator.HELPER_PROPERTY, tmp.resolve("nope").toString()), Map.of()).helper());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        IOException none = assertThrows(IOException.class, () -> locator(Map.of(), Map.of()).helper());
        assertTrue(none.getMessage().contains("os/linux/x86_64/stasis"), none.getMessage());
    }

    /**
     * The real thing: the platform fragment built by `make -C native` is found and runs. Overrides are
     * ignored so that a developer's STASIS_HELPER cannot mask a missing fragment.
     */
    @Test
    void shippedHelperIsFoundInTheFragmentAndRuns() throws Exception {
        NativeLocator locator = new NativeLocator(k -> Optional.empty(), k -> Optional.empty(),
                NativeLocator::findShipped);
        Path helper = locator.helper();
        assertTrue(Files.isExecutable(helper), helper + " executable");
        assertTrue(Files.size(locator.library()) > 0, "libstasis.so is not empty");
        Process version = new ProcessBuilder(helper.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(version.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, version.exitValue(), out);
        assertTrue(out.toLowerCase().contains("stasis"), out);
    }
}
