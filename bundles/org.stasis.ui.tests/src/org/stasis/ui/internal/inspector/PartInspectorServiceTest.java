package org.stasis.ui.internal.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;

/**
 * One part per image file: opening a file again activates its part. The part service is a stand-in
 * that records what the inspector asks of it (the real one needs a rendered workbench).
 */
class PartInspectorServiceTest {

    private final MPartStack stack = MBasicFactory.INSTANCE.createPartStack();
    private final List<MPart> created = new ArrayList<>();
    private final List<MPart> activated = new ArrayList<>();

    private PartInspectorService service() {
        EPartService parts = (EPartService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { EPartService.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getParts" -> new ArrayList<>(stack.getChildren().stream().map(MPart.class::cast).toList());
                    case "createPart" -> {
                        MPart part = MBasicFactory.INSTANCE.createPart();
                        part.setElementId((String) args[0]);
                        created.add(part);
                        yield part;
                    }
                    case "showPart" -> {
                        activated.add((MPart) args[0]);
                        yield args[0];
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        EModelService models = (EModelService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { EModelService.class }, (proxy, method, args) -> {
                    if (method.getName().equals("find") && InspectorStack.ID.equals(args[0])) {
                        return stack;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        if (Display.getCurrent() == null) {
            new Display(); // open() runs at once on a UI thread, and only defers from other threads
        }
        return new PartInspectorService(parts, models, (MApplication) null, null);
    }

    @Test
    void sameFileTwiceActivatesItsPart(@org.junit.jupiter.api.io.TempDir Path dir) {
        PartInspectorService service = service();
        stack.setToBeRendered(false); // as the application model starts it
        service.open(dir.resolve("a.stasis"));
        assertTrue(stack.isToBeRendered(), "the first image shows the stack");
        service.open(dir.resolve("sub/../a.stasis"));
        assertEquals(1, created.size(), "one part for one file");
        assertEquals(1, stack.getChildren().size());
        MPart part = created.get(0);
        assertEquals("a.stasis", part.getLabel());
        assertEquals(InspectorPart.DESCRIPTOR_ID, part.getElementId());
        assertEquals(dir.resolve("a.stasis").toString(), part.getPersistedState().get(InspectorPart.PATH_KEY));
        assertEquals(List.of(part, part), activated);

        service.open(dir.resolve("b.stasis"));
        assertEquals(2, stack.getChildren().size(), "another file, another part");
        assertSame(created.get(1), activated.get(2));
    }

    @Test
    void theStackHidesWhenItsLastPartCloses(@org.junit.jupiter.api.io.TempDir Path dir) {
        PartInspectorService service = service();
        service.open(dir.resolve("a.stasis"));
        service.open(dir.resolve("b.stasis"));
        created.get(0).setToBeRendered(false); // closed
        assertFalse(InspectorStack.hideIfEmpty(stack), "b.stasis is still open");
        assertTrue(stack.isToBeRendered());
        created.get(1).setToBeRendered(false);
        assertTrue(InspectorStack.hideIfEmpty(stack), "nothing left to show");
        assertFalse(stack.isToBeRendered());

        service.open(dir.resolve("c.stasis"));
        assertTrue(stack.isToBeRendered(), "shown again for the next image");
    }
}
