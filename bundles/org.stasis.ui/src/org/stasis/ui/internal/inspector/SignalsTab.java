package org.stasis.ui.internal.inspector;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.stasis.model.Process;
import org.stasis.model.Register;
import org.stasis.model.SignalDisposition;
import org.stasis.model.Thread;

/** Signal handlers of the process, the masks of its threads and every thread's registers. */
final class SignalsTab implements InspectorTab {

    /** A register with the thread it belongs to, so one table can hold all threads. */
    private record ThreadRegister(int tid, Register register) {
    }

    private final SashForm control;
    private final Label pending;
    private final RowTable<SignalDisposition> dispositions;
    private final RowTable<Thread> threads;
    private final RowTable<ThreadRegister> registers;

    SignalsTab(Composite parent) {
        control = new SashForm(parent, SWT.VERTICAL);
        Composite top = FilesTab.titled(control, Messages.Signals_Dispositions);
        pending = new Label(top, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(pending);
        dispositions = new RowTable<>(top, "signals", List.of( //$NON-NLS-1$
                Column.integer(Messages.Col_Signal, 50, SignalDisposition::getSignal),
                Column.text(Messages.Col_SignalName, 120, SignalDisposition::getName),
                Column.text(Messages.Col_Handler, 170, SignalDisposition::getHandlerText),
                Column.text(Messages.Col_SaFlags, 260, SignalDisposition::getFlagsText),
                Column.text(Messages.Col_Mask, 300, d -> String.join(" ", d.getMaskSignals())))); //$NON-NLS-1$
        threads = new RowTable<>(FilesTab.titled(control, Messages.Signals_Threads), "threads", List.of( //$NON-NLS-1$
                Column.integer(Messages.Col_Tid, 80, Thread::getTid),
                Column.text(Messages.Col_Blocked, 400, t -> String.join(" ", t.getBlockedSignals())), //$NON-NLS-1$
                Column.text(Messages.Col_ThreadPending, 300, t -> String.join(" ", t.getPendingSignals())))); //$NON-NLS-1$
        registers = new RowTable<>(FilesTab.titled(control, Messages.Signals_Registers), "registers", List.of( //$NON-NLS-1$
                Column.integer(Messages.Col_Tid, 80, ThreadRegister::tid),
                Column.text(Messages.Col_Register, 120, r -> r.register().getName()),
                Column.unsigned(Messages.Col_Value, 200, r -> r.register().getValueText(), r -> r.register().getValue())));
        control.setWeights(36, 26, 38);
    }

    @Override
    public void show(Process process) {
        pending.setText(NLS.bind(Messages.Signals_Pending, process.getPendingSignals().isEmpty() ? Messages.Signals_None
                : String.join(" ", process.getPendingSignals()))); //$NON-NLS-1$
        dispositions.setRows(process.getSignalDispositions());
        threads.setRows(process.getThreads());
        List<ThreadRegister> rows = new ArrayList<>();
        for (Thread t : process.getThreads()) {
            for (Register r : t.getRegisters()) {
                rows.add(new ThreadRegister(t.getTid(), r));
            }
        }
        registers.setRows(rows);
    }

    Control control() {
        return control;
    }
}
