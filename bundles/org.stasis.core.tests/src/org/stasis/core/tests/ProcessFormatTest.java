package org.stasis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.stasis.core.processes.ProcessFormat;

class ProcessFormatTest {

    @Test
    void bytesInBinaryUnits() {
        assertEquals("0 B", ProcessFormat.bytes(0));
        assertEquals("1023 B", ProcessFormat.bytes(1023));
        assertEquals("1.0 KiB", ProcessFormat.bytes(1024));
        assertEquals("1.5 KiB", ProcessFormat.bytes(1536));
        assertEquals("12.0 MiB", ProcessFormat.bytes(12L * 1024 * 1024));
        assertEquals("2.5 GiB", ProcessFormat.bytes(5L * 512 * 1024 * 1024));
    }

    @Test
    void cpuIsBlankUntilMeasured() {
        assertEquals("", ProcessFormat.cpu(OptionalDouble.empty()));
        assertEquals("12.3", ProcessFormat.cpu(OptionalDouble.of(12.34)));
        assertEquals("150.0", ProcessFormat.cpu(OptionalDouble.of(150)));
    }

    @Test
    void startedShowsTheDateOnlyForEarlierDays() {
        Instant now = Instant.parse("2026-11-21T22:00:00Z");
        assertEquals("21:15:03", ProcessFormat.started(Instant.parse("2026-11-21T21:15:03Z"), now, ZoneOffset.UTC));
        assertEquals("2026-11-20 08:05",
                ProcessFormat.started(Instant.parse("2026-11-20T08:05:59Z"), now, ZoneOffset.UTC));
    }

    @Test
    void aCommandLineWithAScriptShowsOnOneLine() {
        assertEquals("python3 -c import time while True: time.sleep(1)",
                ProcessFormat.oneLine("python3 -c \nimport time\nwhile True:\n    time.sleep(1)\n"));
        assertEquals("a b\u00e9 c", ProcessFormat.oneLine("a\r\n\tb\u00e9 \u0007 c"), "CR, tab, bell; letters kept");
        assertEquals("sleep  300", ProcessFormat.oneLine("sleep  300"), "plain blanks are the program's own");
    }
}
