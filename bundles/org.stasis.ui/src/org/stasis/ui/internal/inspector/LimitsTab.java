package org.stasis.ui.internal.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.stasis.model.Credentials;
import org.stasis.model.Process;
import org.stasis.model.Rlimit;

/** Resource limits, credentials and the rest of a process's identity, its environment and arguments. */
final class LimitsTab implements InspectorTab {

    /** A row of a two-column name/value table. */
    record Pair(String name, String value) {
    }

    /** An argument with its index, so that sorting and filtering keep argv's order visible. */
    private record Argument(int index, String value) {
    }

    private final SashForm control;
    private final RowTable<Rlimit> limits;
    private final RowTable<Pair> identity;
    private final RowTable<Pair> environment;
    private final RowTable<Argument> arguments;

    LimitsTab(Composite parent) {
        control = new SashForm(parent, SWT.HORIZONTAL);
        SashForm left = new SashForm(control, SWT.VERTICAL);
        SashForm right = new SashForm(control, SWT.VERTICAL);
        limits = new RowTable<>(FilesTab.titled(left, Messages.Limits_Limits), "limits", List.of( //$NON-NLS-1$
                Column.text(Messages.Col_Limit, 150, Rlimit::getName),
                // unsigned: RLIM_INFINITY (all bits set) is the largest limit, not -1
                Column.unsigned(Messages.Col_Soft, 95, l -> Formats.limit(l, l.getSoft()), Rlimit::getSoft),
                Column.unsigned(Messages.Col_Hard, 95, l -> Formats.limit(l, l.getHard()), Rlimit::getHard)));
        identity = pairs(left, Messages.Limits_Identity, "identity", 170, 260); //$NON-NLS-1$
        environment = pairs(right, Messages.Limits_Environment, "environment", 170, 330); //$NON-NLS-1$
        arguments = new RowTable<>(FilesTab.titled(right, Messages.Limits_Arguments), "arguments", List.of( //$NON-NLS-1$
                Column.integer(Messages.Col_Index, 40, Argument::index),
                Column.text(Messages.Col_Argument, 460, Argument::value)));
        right.setWeights(70, 30);
        control.setWeights(45, 55);
    }

    private static RowTable<Pair> pairs(Composite parent, String title, String id, int nameWidth, int valueWidth) {
        return new RowTable<>(FilesTab.titled(parent, title), id, List.of(
                Column.text(Messages.Col_Name, nameWidth, Pair::name),
                Column.text(Messages.Col_Value, valueWidth, Pair::value)));
    }

    @Override
    public void show(Process p) {
        limits.setRows(p.getRlimits());
        identity.setRows(identity(p));
        List<Pair> env = new ArrayList<>();
        for (String entry : p.getEnvironment()) {
            int eq = entry.indexOf('=');
            env.add(eq < 0 ? new Pair(entry, "") : new Pair(entry.substring(0, eq), entry.substring(eq + 1))); //$NON-NLS-1$
        }
        environment.setRows(env);
        List<Argument> args = new ArrayList<>();
        for (int i = 0; i < p.getCommandLine().size(); i++) {
            args.add(new Argument(i, p.getCommandLine().get(i)));
        }
        arguments.setRows(args);
    }

    private static List<Pair> identity(Process p) {
        List<Pair> rows = new ArrayList<>();
        rows.add(new Pair(Messages.Id_Exe, p.getExe()));
        rows.add(new Pair(Messages.Id_Cwd, p.getCwd()));
        rows.add(new Pair(Messages.Id_Root, p.getRoot()));
        rows.add(new Pair(Messages.Id_Umask, String.format("%04o", p.getUmask()))); //$NON-NLS-1$
        rows.add(new Pair(Messages.Id_Nice, Integer.toString(p.getNice())));
        rows.add(new Pair(Messages.Id_Session, p.getSid() + " / " + p.getPgid())); //$NON-NLS-1$
        Credentials c = p.getCredentials().orElse(null);
        if (c == null) {
            rows.add(new Pair(Messages.Id_Uids, Messages.Id_NoCredentials));
            return rows;
        }
        rows.add(new Pair(Messages.Id_Uids, c.getUid() + " / " + c.getEuid() + " / " + c.getSuid() + " / " + c.getFsuid())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        rows.add(new Pair(Messages.Id_Gids, c.getGid() + " / " + c.getEgid() + " / " + c.getSgid() + " / " + c.getFsgid())); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        rows.add(new Pair(Messages.Id_Groups, c.getGroups().stream().map(String::valueOf).collect(Collectors.joining(", ")))); //$NON-NLS-1$
        rows.add(new Pair(Messages.Id_CapEff, Formats.address(c.getCapEffective())));
        rows.add(new Pair(Messages.Id_CapPrm, Formats.address(c.getCapPermitted())));
        rows.add(new Pair(Messages.Id_CapInh, Formats.address(c.getCapInheritable())));
        rows.add(new Pair(Messages.Id_CapBnd, Formats.address(c.getCapBounding())));
        rows.add(new Pair(Messages.Id_CapAmb, Formats.address(c.getCapAmbient())));
        rows.add(new Pair(Messages.Id_NoNewPrivs, c.isNoNewPrivs() ? Messages.Yes : Messages.No));
        return rows;
    }

    Control control() {
        return control;
    }
}
