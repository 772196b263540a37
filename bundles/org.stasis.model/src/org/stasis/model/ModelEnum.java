package org.stasis.model;

import org.eclipse.emf.common.util.Enumerator;

/**
 * A Java enum that stands for the literals of an EEnum of the model. The enum constant's name is the
 * literal, its ordinal the value, so the EEnum is built from the Java enum and the two never disagree;
 * model objects then get and set the Java constants directly.
 */
public interface ModelEnum extends Enumerator {

    @Override
    default int getValue() {
        return ((Enum<?>) this).ordinal();
    }

    @Override
    default String getName() {
        return ((Enum<?>) this).name();
    }

    @Override
    default String getLiteral() {
        return getName();
    }
}
