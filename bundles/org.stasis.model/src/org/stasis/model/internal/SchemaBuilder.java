package org.stasis.model.internal;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcoreFactory;
import org.eclipse.emf.ecore.ETypedElement;
import org.stasis.model.ModelEnum;

/** Small fluent helpers that keep {@link ModelSchema} one line per feature. */
final class SchemaBuilder {

    private static final EcoreFactory ECORE = EcoreFactory.eINSTANCE;

    private final EPackage ePackage;

    SchemaBuilder(String name, String nsUri) {
        ePackage = ECORE.createEPackage();
        ePackage.setName(name);
        ePackage.setNsPrefix(name);
        ePackage.setNsURI(nsUri);
    }

    EPackage ePackage() {
        return ePackage;
    }

    /** Declares a class; its features are added later, once every class exists to refer to. */
    Type type(String name) {
        EClass eClass = ECORE.createEClass();
        eClass.setName(name);
        ePackage.getEClassifiers().add(eClass);
        return new Type(eClass);
    }

    /** Builds an EEnum whose literals are the Java enum's constants themselves. */
    <E extends Enum<E> & ModelEnum> EEnum enumeration(Class<E> javaEnum) {
        EEnum eEnum = ECORE.createEEnum();
        eEnum.setName(javaEnum.getSimpleName());
        eEnum.setInstanceClass(javaEnum);
        for (E constant : javaEnum.getEnumConstants()) {
            EEnumLiteral literal = ECORE.createEEnumLiteral();
            literal.setName(constant.getName());
            literal.setLiteral(constant.getLiteral());
            literal.setValue(constant.getValue());
            literal.setInstance(constant);
            eEnum.getELiterals().add(literal);
        }
        ePackage.getEClassifiers().add(eEnum);
        return eEnum;
    }

    /** One class under construction. */
    static final class Type {
        private final EClass eClass;

        private Type(EClass eClass) {
            this.eClass = eClass;
        }

        EClass eClass() {
            return eClass;
        }

        Type attr(String name, EDataType type) {
            add(ECORE.createEAttribute(), name, type, 1);
            return this;
        }

        Type attrs(String name, EDataType type) {
            add(ECORE.createEAttribute(), name, type, ETypedElement.UNBOUNDED_MULTIPLICITY);
            return this;
        }

        /** Single containment: the other object lives and is saved inside this one. */
        Type contains(String name, Type type) {
            return containment(name, type, 1);
        }

        Type containsMany(String name, Type type) {
            return containment(name, type, ETypedElement.UNBOUNDED_MULTIPLICITY);
        }

        Type refersToMany(String name, Type type) {
            add(ECORE.createEReference(), name, type.eClass, ETypedElement.UNBOUNDED_MULTIPLICITY);
            return this;
        }

        /**
         * Two references kept in step by EMF: setting one side updates the other.
         * Upper bounds: 1 or {@link ETypedElement#UNBOUNDED_MULTIPLICITY}.
         */
        Type opposite(String name, int upper, Type other, String otherName, int otherUpper) {
            EReference here = ECORE.createEReference();
            EReference there = ECORE.createEReference();
            add(here, name, other.eClass, upper);
            other.add(there, otherName, eClass, otherUpper);
            here.setEOpposite(there);
            there.setEOpposite(here);
            return this;
        }

        private Type containment(String name, Type type, int upper) {
            EReference reference = ECORE.createEReference();
            reference.setContainment(true);
            add(reference, name, type.eClass, upper);
            return this;
        }

        private void add(EStructuralFeature feature, String name, EClassifier type, int upper) {
            feature.setName(name);
            feature.setEType(type);
            feature.setUpperBound(upper);
            eClass.getEStructuralFeatures().add(feature);
        }
    }
}
