package org.stasis.ui.internal.schedules;

import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessKey;
import org.stasis.core.processes.ProcessTree;
import org.stasis.ui.internal.preferences.StasisPreferences;

import jakarta.inject.Inject;

/**
 * "Checkpoint periodically…" in the context menu of a process view: opens the scheduler dialog for
 * the selected process. Added to the menu the view already has (its MenuManager), or given one, so
 * that the Processes view needs one line for it.
 */
@Creatable
public final class PeriodicCheckpointMenu {

    private final Optional<WorkbenchScheduler> workbench;

    @Inject
    public PeriodicCheckpointMenu(@org.eclipse.e4.core.di.annotations.Optional WorkbenchScheduler workbench) {
        this.workbench = Optional.ofNullable(workbench);
    }

    /**
     * Adds the item to viewer's context menu.
     *
     * @param viewer a viewer whose elements are {@link ProcessKey}s
     * @param tree   the process tree the viewer shows now
     */
    public void addTo(StructuredViewer viewer, Supplier<ProcessTree> tree) {
        Action action = new Action(Messages.Menu_CheckpointPeriodically) {
            @Override
            public void run() {
                selected(viewer, tree).ifPresent(process -> open(viewer.getControl(), process));
            }
        };
        action.setToolTipText(Messages.Menu_CheckpointPeriodicallyTooltip);
        MenuManager menu = menuOf(viewer.getControl());
        menu.add(action);
        menu.update(true);
        viewer.addSelectionChangedListener(e -> action.setEnabled(selected(viewer, tree).isPresent()));
        action.setEnabled(selected(viewer, tree).isPresent());
    }

    private static MenuManager menuOf(Control control) {
        Menu existing = control.getMenu();
        if (existing != null && existing.getData(MenuManager.MANAGER_KEY) instanceof MenuManager manager) {
            return manager;
        }
        MenuManager manager = new MenuManager();
        control.setMenu(manager.createContextMenu(control));
        return manager;
    }

    private static Optional<ProcessInfo> selected(StructuredViewer viewer, Supplier<ProcessTree> tree) {
        if (viewer.getStructuredSelection().size() == 1
                && viewer.getStructuredSelection().getFirstElement() instanceof ProcessKey key) {
            return tree.get().get(key);
        }
        return Optional.empty();
    }

    private void open(Control control, ProcessInfo process) {
        if (workbench.flatMap(WorkbenchScheduler::scheduler).isEmpty()) {
            MessageDialog.openError(control.getShell(), Messages.Dialog_ShellTitle, NLS.bind(Messages.Menu_NoScheduler,
                    workbench.flatMap(WorkbenchScheduler::problem).orElse(Messages.Status_NoScheduler)));
            return;
        }
        new ScheduleDialog(control.getShell(), workbench.get().scheduler().get(),
                ScheduleDefaults.forProcess(process, new StasisPreferences().checkpointFolder()),
                ScheduleDefaults.patternFor(process)).open();
    }
}
