package dev.irqtopo.compiler.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.irqtopo.compiler.naming.Naming;
import dev.irqtopo.model.StorageModel;
import java.util.List;

/**
 * The platform's numbers as compile-time constants: each device's requester id, and each storage's
 * size. Constants cost no bytecode, and each class keeps its own constant pool, so ten thousand
 * devices fit.
 */
final class ConstantsWriter {

    private ConstantsWriter() {
    }

    static TypeSpec requesterIds(ClassName self, List<PlatformLayout.DeviceEntry> devices) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("Each device's requester id, written {@code 03:00.1} (the segment in front when it is not 0).\n")
                .addModifiers(PUBLIC, STATIC, FINAL);
        for (PlatformLayout.DeviceEntry device : devices) {
            type.addField(FieldSpec.builder(RuntimeTypes.STRING, GeneratedNames.constant(device.accessor()),
                            PUBLIC, STATIC, FINAL)
                    .initializer("$S", device.device().requesterId().toString())
                    .build());
        }
        return type.addMethod(privateConstructor()).build();
    }

    static TypeSpec sizes(ClassName self, List<PlatformLayout.DeviceEntry> devices) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("Each storage's size: MSI messages, MSI-X table entries, IMS slots.\n")
                .addModifiers(PUBLIC, STATIC, FINAL);
        for (PlatformLayout.DeviceEntry device : devices) {
            for (StorageModel storage : device.device().storages()) {
                // NIC_VF then _MSIX: the suffix's last letter tells the storage, so no two names meet
                String name = GeneratedNames.constant(device.accessor()) + "_"
                        + GeneratedNames.constant(Naming.className(storage.kind().busDomain().keyword()));
                type.addField(FieldSpec.builder(TypeName.INT, name, PUBLIC, STATIC, FINAL)
                        .initializer("$L", storage.size())
                        .build());
            }
        }
        return type.addMethod(privateConstructor()).build();
    }

    private static MethodSpec privateConstructor() {
        return MethodSpec.constructorBuilder().addModifiers(PRIVATE).build();
    }
}
