package org.stasis.ui.tests;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * An EPartService that finds no part and records which part ids it is asked to show: the real one
 * needs a rendered workbench. Anything else it is asked fails the test, so a new use shows up.
 */
final class RecordingPartService {

    private final List<String> shown = new CopyOnWriteArrayList<>();

    EPartService proxy() {
        return (EPartService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { EPartService.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "findPart" -> null;
                    case "showPart" -> {
                        shown.add(String.valueOf(args[0]));
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    List<String> shown() {
        return shown;
    }
}
