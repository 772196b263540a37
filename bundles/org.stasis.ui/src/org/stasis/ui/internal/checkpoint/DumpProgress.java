package org.stasis.ui.internal.checkpoint;

import java.util.Locale;

import org.eclipse.osgi.util.NLS;
import org.stasis.core.engine.EngineProgress;

/**
 * Turns the engine's progress events of a dump into one fraction of the whole and a sentence: the
 * tree is frozen in a moment and the image file is renamed in place in another, but writing the
 * memory takes almost all the time, so it gets almost all of the bar.
 */
final class DumpProgress {

    /**
     * @param fraction of the whole dump, in [0, 1]
     * @param text what the engine is doing, e.g. "Writing memory: 1,024 of 4,096 pages"
     */
    record Step(double fraction, String text) {
    }

    private static final double FREEZE_END = 0.05;
    private static final double MEMORY_END = 0.95;

    private Step last = new Step(0, Messages.Progress_Starting);

    /** @return where the dump stands after this event; unknown phases keep the fraction and name themselves */
    Step update(EngineProgress progress) {
        double f = progress.fraction();
        Step step = switch (progress.phase()) {
            case "freeze" -> new Step(FREEZE_END * f, Messages.Progress_Freeze); //$NON-NLS-1$
            case "dump-memory" -> new Step(FREEZE_END + (MEMORY_END - FREEZE_END) * f, //$NON-NLS-1$
                    NLS.bind(Messages.Progress_Memory, count(progress.done()), count(progress.total())));
            case "write" -> new Step(MEMORY_END + (1 - MEMORY_END) * f, Messages.Progress_Write); //$NON-NLS-1$
            default -> new Step(last.fraction(), progress.phase());
        };
        // the bar never runs backwards, whatever order the phases come in
        last = new Step(Math.max(last.fraction(), step.fraction()), step.text());
        return last;
    }

    Step last() {
        return last;
    }

    private static String count(long n) {
        return String.format(Locale.getDefault(), "%,d", n); //$NON-NLS-1$
    }
}
