package dev.irqtopo.compiler.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;

/**
 * The two classes through which a kernel's typed classes expose a bus domain: {@code BusDomain}, its
 * stack (allocate, free, the interrupts held), and {@code WritableBusDomain}, which adds the raw store
 * a guest can make into storage the hypervisor does not trap. Both only delegate to the runtime.
 */
final class BusDomainWriter {

    private BusDomainWriter() {
    }

    static TypeSpec busDomain(ClassName self) {
        TypeName optionalErrno = ParameterizedTypeName.get(RuntimeTypes.OPTIONAL, RuntimeTypes.ERRNO);
        return TypeSpec.classBuilder(self)
                .addJavadoc("One bus domain of a device in one kernel: the stack that kernel built for it.\n")
                .addModifiers(PUBLIC, STATIC)
                .addField(RuntimeTypes.STACK, "stack", PRIVATE, FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(RuntimeTypes.KERNEL, "kernel")
                        .addParameter(RuntimeTypes.STRING, "device")
                        .addParameter(RuntimeTypes.BUS_DOMAIN_KIND, "busDomain")
                        .addStatement("this.stack = kernel.stack(device, busDomain).orElseThrow()")
                        .build())
                .addMethod(MethodSpec.methodBuilder("stack")
                        .addJavadoc("The runtime's stack.\n")
                        .addModifiers(PUBLIC)
                        .returns(RuntimeTypes.STACK)
                        .addStatement("return stack")
                        .build())
                .addMethod(MethodSpec.methodBuilder("created")
                        .addJavadoc("Whether the bus domain was created at boot.\n")
                        .addModifiers(PUBLIC)
                        .returns(TypeName.BOOLEAN)
                        .addStatement("return stack.created()")
                        .build())
                .addMethod(MethodSpec.methodBuilder("allocate")
                        .addJavadoc("Allocates {@code count} interrupts through the whole chain, all or nothing.\n")
                        .addModifiers(PUBLIC)
                        .returns(RuntimeTypes.ALLOCATION)
                        .addParameter(TypeName.INT, "count")
                        .addStatement("return stack.allocate(count)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("free")
                        .addJavadoc("Frees the interrupt with irq number {@code virq} on every level.\n")
                        .addModifiers(PUBLIC)
                        .returns(optionalErrno)
                        .addParameter(TypeName.INT, "virq")
                        .addStatement("return stack.free(virq)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("interrupts")
                        .addJavadoc("The interrupts this stack holds, in slot order.\n")
                        .addModifiers(PUBLIC)
                        .returns(ParameterizedTypeName.get(RuntimeTypes.LIST, RuntimeTypes.ALLOCATED_INTERRUPT))
                        .addStatement("return stack.interrupts()")
                        .build())
                .build();
    }

    static TypeSpec writableBusDomain(ClassName self, ClassName busDomain) {
        return TypeSpec.classBuilder(self)
                .addJavadoc("A bus domain whose storage the guest can write without a trap: its stores reach the device as"
                        + " written.\n")
                .addModifiers(PUBLIC, STATIC, FINAL)
                .superclass(busDomain)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(RuntimeTypes.KERNEL, "kernel")
                        .addParameter(RuntimeTypes.STRING, "device")
                        .addParameter(RuntimeTypes.BUS_DOMAIN_KIND, "busDomain")
                        .addStatement("super(kernel, device, busDomain)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("write")
                        .addJavadoc("Stores {@code message} into {@code slot} as the guest's own code could, bypassing"
                                + " its stack.\n")
                        .addModifiers(PUBLIC)
                        .returns(ParameterizedTypeName.get(RuntimeTypes.OPTIONAL, RuntimeTypes.ERRNO))
                        .addParameter(TypeName.INT, "slot")
                        .addParameter(RuntimeTypes.MESSAGE, "message")
                        .addStatement("return stack().kernel().write(stack().device(), stack().busDomain(), slot, message)")
                        .build())
                .build();
    }
}
