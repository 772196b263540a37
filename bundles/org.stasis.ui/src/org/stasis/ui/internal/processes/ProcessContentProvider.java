package org.stasis.ui.internal.processes;

import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.Viewer;
import org.stasis.core.processes.ProcessKey;

/** Parent/child structure straight from the core ProcessTree; filtering is left to ProcessFilter. */
final class ProcessContentProvider implements ITreeContentProvider {

    private ProcessesModel model = new ProcessesModel();

    @Override
    public void inputChanged(Viewer viewer, Object oldInput, Object newInput) {
        if (newInput instanceof ProcessesModel newModel) {
            model = newModel;
        }
    }

    @Override
    public Object[] getElements(Object input) {
        return input instanceof ProcessesModel m ? m.tree().roots().toArray() : new Object[0];
    }

    @Override
    public Object[] getChildren(Object parent) {
        return children(parent).toArray();
    }

    @Override
    public Object getParent(Object element) {
        // JFace wants null for "no parent"
        return element instanceof ProcessKey key ? model.tree().parent(key).orElse(null) : null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return !children(element).isEmpty();
    }

    private List<ProcessKey> children(Object element) {
        return element instanceof ProcessKey key ? model.tree().children(key) : List.of();
    }
}
