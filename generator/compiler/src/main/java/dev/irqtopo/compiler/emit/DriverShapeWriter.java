package dev.irqtopo.compiler.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.irqtopo.compiler.naming.DomainAccess;
import dev.irqtopo.compiler.naming.DriverShape;

/** A kernel's view of devices of one {@link DriverShape}: one accessor per declared bus domain. */
final class DriverShapeWriter {

    private DriverShapeWriter() {
    }

    static TypeSpec write(ClassName self, DriverShape shape, ClassName busDomain, ClassName writableBusDomain) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("A device as a kernel that declared stacks for $L sees it.\n", describe(shape))
                .addModifiers(PUBLIC, STATIC, FINAL);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(RuntimeTypes.KERNEL, "kernel")
                .addParameter(RuntimeTypes.STRING, "device");
        for (DomainAccess domain : shape.domains()) {
            ClassName kind = domain.writable() ? writableBusDomain : busDomain;
            String field = domain.accessor();
            type.addField(kind, field, PRIVATE, FINAL);
            constructor.addStatement("this.$N = new $T(kernel, device, $T.$N)", field, kind, RuntimeTypes.BUS_DOMAIN_KIND,
                    domain.busDomain().name());
            type.addMethod(MethodSpec.methodBuilder(field)
                    .addJavadoc(domain.writable()
                            ? "The $L domain; the guest can also write its storage directly.\n"
                            : "The $L domain.\n", domain.busDomain().keyword())
                    .addModifiers(PUBLIC)
                    .returns(kind)
                    .addStatement("return $N", field)
                    .build());
        }
        return type.addMethod(constructor.build()).build();
    }

    private static String describe(DriverShape shape) {
        return String.join(" and ", shape.domains().stream().map(d -> d.busDomain().keyword()).toList());
    }
}
