package org.stasis.ui.internal.restore;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.stasis.core.restore.PreflightStatus;

/**
 * Green, yellow and red dots for pre-flight items, drawn here rather than shipped as files so they
 * match the table's row height on any screen. Disposed with the control that owns them.
 */
final class StatusIcons {

    private static final int SIZE = 16;

    private final Map<PreflightStatus, Image> images = new EnumMap<>(PreflightStatus.class);
    private final Map<PreflightStatus, Color> colors = new EnumMap<>(PreflightStatus.class);

    StatusIcons(Control owner) {
        Display display = owner.getDisplay();
        colors.put(PreflightStatus.OK, new Color(display, 46, 160, 67));
        colors.put(PreflightStatus.WARNING, new Color(display, 230, 170, 0));
        colors.put(PreflightStatus.ERROR, new Color(display, 210, 40, 40));
        for (PreflightStatus status : PreflightStatus.values()) {
            images.put(status, dot(display, colors.get(status)));
        }
        owner.addDisposeListener(e -> images.values().forEach(Image::dispose));
    }

    private static Image dot(Display display, Color color) {
        Image image = new Image(display, SIZE, SIZE);
        GC gc = new GC(image);
        try {
            gc.setAntialias(SWT.ON);
            gc.setBackground(display.getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
            gc.fillRectangle(0, 0, SIZE, SIZE);
            gc.setBackground(color);
            gc.fillOval(1, 1, SIZE - 2, SIZE - 2);
        } finally {
            gc.dispose();
        }
        return image;
    }

    Image image(PreflightStatus status) {
        return images.get(status);
    }

    Color color(PreflightStatus status) {
        return colors.get(status);
    }

    static String text(PreflightStatus status) {
        return switch (status) {
            case OK -> Messages.Status_Ok;
            case WARNING -> Messages.Status_Warning;
            case ERROR -> Messages.Status_Error;
        };
    }
}
