package org.stasis.model;

import java.util.Objects;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EPackage;
import org.stasis.model.internal.ModelSchema;

/**
 * The Stasis model as an EPackage.
 * <p>
 * Why a dynamic package built in code rather than an .ecore/.genmodel with generated Java: the EMF
 * generator needs an Eclipse IDE (or a headless Eclipse application with JDT) to run, and generated
 * code then has to be kept in step with the .ecore by hand on every change; Maven Central has no
 * ready Tycho step for it. Here {@link ModelSchema} is the single definition of every class,
 * attribute and reference, plain Java that needs no regeneration, and the typed classes (Image,
 * Process, ...) are thin accessors over EMF's dynamic storage. Everything EMF offers still works:
 * notifications, containment, opposites, XMI persistence, EcoreUtil, reflection.
 * <p>
 * The package registers itself in the global registry when first used, so that XMI files naming
 * {@link #NS_URI} load into typed objects.
 */
public final class StasisPackage {

    /** Namespace of the model; change it only with a migration of saved schedules. */
    public static final String NS_URI = "urn:org.stasis.model:1"; //$NON-NLS-1$

    private static final EPackage PACKAGE = ModelSchema.create(NS_URI);

    static {
        EPackage.Registry.INSTANCE.put(NS_URI, PACKAGE);
    }

    private StasisPackage() {
    }

    /** @return the model's package, registered under {@link #NS_URI} */
    public static EPackage get() {
        return PACKAGE;
    }

    /** @return the class named so in the model */
    public static EClass eClass(String name) {
        return (EClass) Objects.requireNonNull(PACKAGE.getEClassifier(name), name);
    }
}
