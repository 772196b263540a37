package org.stasis.ui.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.stasis.core.engine.EngineProgress;

class DumpProgressTest {

    @Test
    void memoryPagesFillMostOfTheBarAndItNeverRunsBackwards() {
        DumpProgress p = new DumpProgress();
        assertEquals(0.0, p.last().fraction());
        assertEquals(0.05, p.update(new EngineProgress("freeze", 1, 1)).fraction(), 1e-9);
        DumpProgress.Step half = p.update(new EngineProgress("dump-memory", 500, 1000));
        assertEquals(0.5, half.fraction(), 1e-9);
        // counts are grouped the user's way: "1,000" in English, "1.000" in German
        assertEquals("writing memory, 500 of " + String.format(Locale.getDefault(), "%,d", 1000) + " pages", half.text());
        assertEquals(0.95, p.update(new EngineProgress("dump-memory", 1000, 1000)).fraction(), 1e-9);
        DumpProgress.Step unknown = p.update(new EngineProgress("verify", 1, 9));
        assertEquals(0.95, unknown.fraction(), 1e-9);
        assertEquals("verify", unknown.text());
        assertEquals(0.95, p.update(new EngineProgress("freeze", 0, 1)).fraction(), 1e-9, "not backwards");
        assertEquals(1.0, p.update(new EngineProgress("write", 1, 1)).fraction(), 1e-9);
    }
}
