package org.stasis.core.engine;

import java.util.List;
import java.util.Optional;

/**
 * What `stasis check` found: whether dump and restore can work here, probe by probe.
 *
 * @param ok every required probe passed
 * @param probes each probe in the engine's order
 */
public record CheckReport(boolean ok, List<Probe> probes) {

    /**
     * One capability probe.
     *
     * @param name the engine's probe name, such as "privileges" or "clone3_set_tid"
     * @param status "ok", "warn" or "fail"
     * @param required dump or restore cannot work without it
     * @param detail what was found and what it means, in the engine's words
     */
    public record Probe(String name, String status, boolean required, String detail) {

        public boolean failed() {
            return "fail".equals(status); //$NON-NLS-1$
        }
    }

    public CheckReport {
        probes = List.copyOf(probes);
    }

    /** @return the first required probe that failed: the reason dump and restore will not work */
    public Optional<Probe> blocker() {
        return probes.stream().filter(p -> p.required() && p.failed()).findFirst();
    }
}
