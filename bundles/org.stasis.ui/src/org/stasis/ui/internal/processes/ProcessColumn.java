package org.stasis.ui.internal.processes;

import java.time.ZoneId;
import java.util.function.BiFunction;

import org.eclipse.swt.SWT;
import org.stasis.core.processes.ProcessField;
import org.stasis.core.processes.ProcessFormat;
import org.stasis.core.processes.ProcessInfo;

/** The columns of the Processes view: header, width, alignment, text and sort field. */
enum ProcessColumn {
    // The PID column carries the tree's expanders and indentation (about 17 px per level), hence
    // the width: pids of 7 digits stay readable 8 levels deep. COMMAND's width is its minimum.
    PID(Messages.Column_Pid, 215, SWT.LEFT, ProcessField.PID, (p, m) -> Long.toString(p.pid())),
    COMMAND(Messages.Column_Command, 300, SWT.LEFT, ProcessField.COMMAND, (p, m) -> ProcessFormat.oneLine(p.commandLine())),
    USER(Messages.Column_User, 90, SWT.LEFT, ProcessField.USER, (p, m) -> p.user()),
    STATE(Messages.Column_State, 85, SWT.LEFT, ProcessField.STATE, (p, m) -> Messages.state(p.state())),
    THREADS(Messages.Column_Threads, 70, SWT.RIGHT, ProcessField.THREADS, (p, m) -> Integer.toString(p.threads())),
    RSS(Messages.Column_Rss, 90, SWT.RIGHT, ProcessField.RSS, (p, m) -> ProcessFormat.bytes(p.rssBytes())),
    CPU(Messages.Column_Cpu, 65, SWT.RIGHT, ProcessField.CPU, (p, m) -> ProcessFormat.cpu(p.cpuPercent())),
    STARTED(Messages.Column_Started, 130, SWT.LEFT, ProcessField.STARTED,
            (p, m) -> ProcessFormat.started(p.startTime(), m.takenAt(), ZoneId.systemDefault()));

    final String header;
    final int width;
    final int alignment;
    final ProcessField field;
    private final BiFunction<ProcessInfo, ProcessesModel, String> text;

    ProcessColumn(String header, int width, int alignment, ProcessField field,
            BiFunction<ProcessInfo, ProcessesModel, String> text) {
        this.header = header;
        this.width = width;
        this.alignment = alignment;
        this.field = field;
        this.text = text;
    }

    String text(ProcessInfo process, ProcessesModel model) {
        return text.apply(process, model);
    }
}
