package org.stasis.ui.internal.processes;

import java.util.Comparator;
import java.util.Optional;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.swt.SWT;
import org.stasis.core.processes.ProcessInfo;

/** Sorts siblings by one column with the core comparators, so numbers sort as numbers. */
final class ProcessComparator extends ViewerComparator {

    private final ProcessesModel model;
    private ProcessColumn column = ProcessColumn.PID;
    private boolean ascending = true;

    ProcessComparator(ProcessesModel model) {
        this.model = model;
    }

    /** A click on the sorted column flips the direction; on another column sorts ascending by it. */
    void sortBy(ProcessColumn clicked) {
        ascending = clicked != column || !ascending;
        column = clicked;
    }

    ProcessColumn column() {
        return column;
    }

    int swtDirection() {
        return ascending ? SWT.UP : SWT.DOWN;
    }

    @Override
    public int compare(Viewer viewer, Object e1, Object e2) {
        Optional<ProcessInfo> a = model.info(e1);
        Optional<ProcessInfo> b = model.info(e2);
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty()); // cannot happen for elements of the current tree
        }
        Comparator<ProcessInfo> order = column.field.comparator();
        return (ascending ? order : order.reversed()).compare(a.get(), b.get());
    }
}
