package org.stasis.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Saves model objects (checkpoint schedules, image models) as XMI files and loads them back.
 * <p>
 * XML 1.1 because environment strings and command lines may hold control characters, which XML 1.0
 * cannot carry even as character references. Files are replaced atomically, as the engine does with
 * images: a crash while saving keeps the previous file.
 */
public final class ModelResources {

    private static final Map<String, Object> OPTIONS = Map.of(
            XMLResource.OPTION_ENCODING, "UTF-8", //$NON-NLS-1$
            XMLResource.OPTION_XML_VERSION, "1.1"); //$NON-NLS-1$

    private ModelResources() {
    }

    /** Saves root and everything it contains to file; root becomes the content of a resource for file. */
    public static void save(EObject root, Path file) throws IOException {
        Resource resource = newResource(file);
        resource.getContents().add(root);
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp"); //$NON-NLS-1$
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                resource.save(out, OPTIONS);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** @return the root object of file, which must be of the given type */
    public static <T extends EObject> T load(Path file, Class<T> type) throws IOException {
        Resource resource = newResource(file);
        try (InputStream in = Files.newInputStream(file)) {
            resource.load(in, OPTIONS);
        } catch (RuntimeException e) {
            // EMF wraps malformed or foreign content in unchecked exceptions
            throw new IOException(file + ": not a Stasis model file: " + e.getMessage(), e); //$NON-NLS-1$
        }
        if (resource.getContents().isEmpty() || !type.isInstance(resource.getContents().get(0))) {
            throw new IOException(file + ": does not hold a " + type.getSimpleName()); //$NON-NLS-1$
        }
        return type.cast(resource.getContents().get(0));
    }

    private static Resource newResource(Path file) {
        ResourceSet resources = new ResourceSetImpl();
        resources.getPackageRegistry().put(StasisPackage.NS_URI, StasisPackage.get());
        resources.getResourceFactoryRegistry().getExtensionToFactoryMap()
                .put(Resource.Factory.Registry.DEFAULT_EXTENSION, new XMIResourceFactoryImpl());
        return resources.createResource(URI.createFileURI(file.toAbsolutePath().toString()));
    }
}
