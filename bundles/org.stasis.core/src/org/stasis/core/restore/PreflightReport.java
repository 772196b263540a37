package org.stasis.core.restore;

import java.util.List;
import java.util.Objects;

/**
 * Every pre-flight item of one image on this host.
 *
 * @param items in the order the checks ran
 * @param pidNamespaceRequired an original pid is taken here: the restore must use a new PID namespace
 */
public record PreflightReport(List<PreflightItem> items, boolean pidNamespaceRequired) {

    public PreflightReport {
        items = List.copyOf(Objects.requireNonNull(items, "items")); //$NON-NLS-1$
    }

    /** @return the worst status among the items; OK for none */
    public PreflightStatus worst() {
        return items.stream().map(PreflightItem::status).reduce(PreflightStatus.OK, PreflightStatus::worst);
    }

    /** @return some item is red: the restore must not start */
    public boolean blocksRestore() {
        return worst() == PreflightStatus.ERROR;
    }
}
