package dev.irqtopo.compiler.emit;

import static javax.lang.model.element.Modifier.PUBLIC;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;

/** What the platform classes of every architecture write alike: their Javadoc and their getters. */
final class PlatformClassParts {

    static final int JAVADOC_WIDTH = 96;

    private PlatformClassParts() {
    }

    /**
     * The platform class's Javadoc: {@code "<kind> {@code NAME}: description."}, then how to use it.
     *
     * @param kind   {@code Platform}, {@code Arm64 platform}, {@code Riscv64 platform}
     * @param guests whether the platform declares guests, each with an accessor
     */
    static CodeBlock javadoc(String kind, String name, String description, boolean guests) {
        String title = kind + " {@code " + name + "}"
                + (description.isEmpty() ? "." : ": " + JavadocText.escape(description) + ".");
        String guide = "<p>{@link #boot()} builds it and performs the declared allocations; {@link #host()}"
                + (guests ? " and one accessor per guest give" : " gives")
                + " each kernel's stacks, {@link #hardware()} the devices, and {@link #verifyIsolation()} tells whether"
                + " a guest can reach interrupts it does not own.";
        return CodeBlock.builder()
                .add("$L", JavadocText.wrap(title, JAVADOC_WIDTH))
                .add("\n")
                .add("$L", JavadocText.wrap(guide, JAVADOC_WIDTH))
                .build();
    }

    /** A public getter returning the field of the same name. */
    static MethodSpec getter(String name, TypeName type, String doc) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc("$L\n", doc)
                .addModifiers(PUBLIC)
                .returns(type)
                .addStatement("return $N", name)
                .build();
    }
}
