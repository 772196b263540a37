package org.stasis.model;

import java.util.Objects;
import java.util.Optional;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.impl.DynamicEObjectImpl;

/**
 * Base of the typed model classes. The model is a dynamic EPackage (see {@link StasisPackage}); its
 * objects keep their values in EMF's dynamic settings and these helpers give the subclasses one-line,
 * null-safe typed accessors: strings read as "" when unset, single references as {@link Optional}.
 */
public abstract class ModelObject extends DynamicEObjectImpl {

    protected ModelObject(EClass eClass) {
        super(eClass);
    }

    /** @return the attribute named so in eClass; fails at class initialisation if the schema lacks it */
    protected static EAttribute attribute(EClass eClass, String name) {
        return (EAttribute) feature(eClass, name);
    }

    /** @return the reference named so in eClass; fails at class initialisation if the schema lacks it */
    protected static EReference reference(EClass eClass, String name) {
        return (EReference) feature(eClass, name);
    }

    private static EStructuralFeature feature(EClass eClass, String name) {
        return Objects.requireNonNull(eClass.getEStructuralFeature(name), () -> eClass.getName() + "." + name); //$NON-NLS-1$
    }

    protected final String getString(EAttribute attribute) {
        return eGet(attribute) instanceof String value ? value : ""; //$NON-NLS-1$
    }

    protected final int getInt(EAttribute attribute) {
        return ((Integer) eGet(attribute)).intValue();
    }

    protected final long getLong(EAttribute attribute) {
        return ((Long) eGet(attribute)).longValue();
    }

    protected final double getDouble(EAttribute attribute) {
        return ((Double) eGet(attribute)).doubleValue();
    }

    protected final boolean getBoolean(EAttribute attribute) {
        return ((Boolean) eGet(attribute)).booleanValue();
    }

    protected final <T> T getEnum(EAttribute attribute, Class<T> type) {
        return type.cast(eGet(attribute));
    }

    /** Safe because the model's factory creates every object of an EClass as its typed class. */
    @SuppressWarnings("unchecked")
    protected final <T> EList<T> getList(EStructuralFeature feature) {
        return (EList<T>) eGet(feature);
    }

    protected final <T> Optional<T> getOptional(EReference reference, Class<T> type) {
        return Optional.ofNullable(type.cast(eGet(reference)));
    }

    /** Sets a value; null is refused so that getters never have to invent one. */
    protected final void set(EStructuralFeature feature, Object value) {
        eSet(feature, Objects.requireNonNull(value, feature::getName));
    }
}
