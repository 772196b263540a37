package org.stasis.ui.internal.processes;

import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.stasis.core.processes.ProcessKey;

/** Shows what ProcessTree.visibleFor chose: the matches and their ancestors. */
final class ProcessFilter extends ViewerFilter {

    private final ProcessesModel model;

    ProcessFilter(ProcessesModel model) {
        this.model = model;
    }

    @Override
    public boolean select(Viewer viewer, Object parent, Object element) {
        return element instanceof ProcessKey key && model.isVisible(key);
    }
}
