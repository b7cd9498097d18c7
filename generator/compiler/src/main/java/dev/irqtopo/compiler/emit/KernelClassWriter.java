package dev.irqtopo.compiler.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.irqtopo.compiler.naming.DriverShape;
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.compiler.naming.PlatformLayout;
import java.util.function.Function;

/**
 * One kernel's class: an accessor for each device the kernel owns and declared stacks for, and for no
 * other, so that reaching a device the kernel does not own is a compile error.
 */
final class KernelClassWriter {

    private KernelClassWriter() {
    }

    static TypeSpec write(ClassName self, PlatformLayout.KernelLayout kernel, Function<DriverShape, ClassName> shapes) {
        String who = kernel.host() ? "The host kernel" : "Guest {@code " + kernel.kernel() + "}";
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("$L: one accessor per device it owns and declared stacks for.\n", who)
                .addModifiers(PUBLIC, STATIC, FINAL)
                .addField(RuntimeTypes.KERNEL, "kernel", PRIVATE, FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(RuntimeTypes.KERNEL, "kernel")
                        .addStatement("this.kernel = kernel")
                        .build())
                .addMethod(MethodSpec.methodBuilder(GeneratedNames.KERNEL)
                        .addJavadoc("The runtime's kernel.\n")
                        .addModifiers(PUBLIC)
                        .returns(RuntimeTypes.KERNEL)
                        .addStatement("return kernel")
                        .build());
        for (PlatformLayout.DriverEntry device : kernel.devices()) {
            ClassName shape = shapes.apply(device.shape());
            type.addMethod(MethodSpec.methodBuilder(device.accessor())
                    .addModifiers(PUBLIC)
                    .returns(shape)
                    .addStatement("return new $T(kernel, $S)", shape, device.device())
                    .build());
        }
        return type.build();
    }
}
