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
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.compiler.naming.Naming;
import dev.irqtopo.compiler.naming.PlatformLayout;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StorageModel;
import java.util.List;

/**
 * The platform's numbers as compile-time constants: each device's and bridge's requester id, what the
 * IOMMU sees behind each bridge, and each storage's size. Constants cost no bytecode, and each class keeps its own constant pool, so ten thousand
 * devices fit.
 */
final class ConstantsWriter {

    private ConstantsWriter() {
    }

    static TypeSpec requesterIds(ClassName self, List<PlatformLayout.DeviceEntry> devices,
                                 List<PlatformLayout.BridgeEntry> bridges) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("Each device's requester id$L, written {@code 03:00.1} (the segment in front when it is not 0).\n",
                        bridges.isEmpty() ? "" : ",\nthen each bridge's own")
                .addModifiers(PUBLIC, STATIC, FINAL);
        for (PlatformLayout.DeviceEntry device : devices) {
            type.addField(constant(device.accessor(), device.device().requesterId()));
        }
        // bridges share the devices' namespace, so their constants cannot meet a device's
        for (PlatformLayout.BridgeEntry bridge : bridges) {
            type.addField(constant(bridge.accessor(), bridge.bridge().requesterId()));
        }
        return type.addMethod(privateConstructor()).build();
    }

    /** What the IOMMU sees on the writes of every device behind each bridge (semantics §6). */
    static TypeSpec bridgeAliases(ClassName self, List<PlatformLayout.BridgeEntry> bridges) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("Each bridge's alias: the requester id the IOMMU sees on the writes of every device behind\n"
                        + "it, its secondary bus with device and function 0.\n")
                .addModifiers(PUBLIC, STATIC, FINAL);
        for (PlatformLayout.BridgeEntry bridge : bridges) {
            type.addField(constant(bridge.accessor(), bridge.bridge().alias()));
        }
        return type.addMethod(privateConstructor()).build();
    }

    /** The devices whose writes the IOMMU sees with another requester id than their own. */
    static TypeSpec iommuRequesterIds(ClassName self, List<PlatformLayout.DeviceEntry> aliased) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("The requester id the IOMMU sees on the writes of each device it does not see as itself:\n"
                        + "the alias of the bridge the device sits behind.\n")
                .addModifiers(PUBLIC, STATIC, FINAL);
        for (PlatformLayout.DeviceEntry device : aliased) {
            type.addField(constant(device.accessor(), device.device().iommuRequesterId()));
        }
        return type.addMethod(privateConstructor()).build();
    }

    private static FieldSpec constant(String accessor, RequesterId id) {
        return FieldSpec.builder(RuntimeTypes.STRING, GeneratedNames.constant(accessor), PUBLIC, STATIC, FINAL)
                .initializer("$S", id.toString())
                .build();
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
