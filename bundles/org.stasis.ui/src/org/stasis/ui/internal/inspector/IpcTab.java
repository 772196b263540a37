package org.stasis.ui.internal.inspector;

import java.util.List;
import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.stasis.model.Image;
import org.stasis.model.IpcObject;
import org.stasis.ui.WidgetIds;

/** SysV IPC objects of the image (none until the engine records them: the tab says so plainly). */
final class IpcTab {

    private final Composite control;

    IpcTab(Composite parent, Image image) {
        control = FilesTab.titled(parent, image.getIpcObjects().isEmpty() ? Messages.Ipc_Empty
                : NLS.bind(Messages.Ipc_Count, image.getIpcObjects().size()));
        ((Label) control.getChildren()[0]).setData(WidgetIds.KEY, WidgetIds.INSPECTOR_IPC_LABEL);
        RowTable<IpcObject> table = new RowTable<>(control, "ipc", List.of( //$NON-NLS-1$
                Column.text(Messages.Col_IpcKind, 120, o -> o.getKind().getName().toLowerCase(Locale.ROOT)),
                Column.integer(Messages.Col_IpcId, 90, IpcObject::getIpcId),
                Column.number(Messages.Col_Key, 110, o -> String.format("0x%08x", o.getKey()), IpcObject::getKey), //$NON-NLS-1$
                Column.integer(Messages.Col_Owner, 90, IpcObject::getOwner),
                Column.number(Messages.Col_Perms, 90, o -> String.format("%04o", o.getPerms()), IpcObject::getPerms), //$NON-NLS-1$
                Column.number(Messages.Col_Size, 110, o -> Formats.bytes(o.getSize()), IpcObject::getSize)));
        table.setRows(image.getIpcObjects());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(control.getChildren()[0]);
    }

    Control control() {
        return control;
    }
}
