package dev.irqtopo.compiler.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.irqtopo.compiler.naming.DeviceShape;
import dev.irqtopo.compiler.naming.Naming;
import dev.irqtopo.compiler.naming.PlatformLayout;
import dev.irqtopo.model.BusDomainKind;
import java.util.List;
import java.util.function.Function;

/**
 * The hardware side: one accessor per device, each a view of one {@link DeviceShape} through which the
 * device fires a slot, its storages are read, or any message is emitted with its requester id.
 */
final class HardwareWriter {

    private HardwareWriter() {
    }

    static TypeSpec hardware(ClassName self, List<PlatformLayout.DeviceEntry> devices,
                             Function<DeviceShape, ClassName> shapes) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("The devices as the hardware sees them, whichever kernel owns them: one accessor per"
                        + " device.\n")
                .addModifiers(PUBLIC, STATIC, FINAL)
                .addField(RuntimeTypes.PLATFORM, "platform", PRIVATE, FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(RuntimeTypes.PLATFORM, "platform")
                        .addStatement("this.platform = platform")
                        .build());
        for (PlatformLayout.DeviceEntry device : devices) {
            ClassName shape = shapes.apply(device.shape());
            type.addMethod(MethodSpec.methodBuilder(device.accessor())
                    .addModifiers(PUBLIC)
                    .returns(shape)
                    .addStatement("return new $T(platform, $S)", shape, device.device().name())
                    .build());
        }
        return type.build();
    }

    static TypeSpec device(ClassName self, DeviceShape shape) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc(shape.storages().isEmpty()
                        ? CodeBlock.of("A device without message storage.\n")
                        : CodeBlock.of("A device with $L storage.\n",
                                String.join(" and ", shape.storages().stream().map(BusDomainKind::keyword).toList())))
                .addModifiers(PUBLIC, STATIC, FINAL)
                .addField(RuntimeTypes.PLATFORM, "platform", PRIVATE, FINAL)
                .addField(RuntimeTypes.STRING, "device", PRIVATE, FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(RuntimeTypes.PLATFORM, "platform")
                        .addParameter(RuntimeTypes.STRING, "device")
                        .addStatement("this.platform = platform")
                        .addStatement("this.device = device")
                        .build())
                .addMethod(MethodSpec.methodBuilder("requesterId")
                        .addJavadoc("The requester id the device's memory writes carry (a sub-device's: its parent's).\n")
                        .addModifiers(PUBLIC)
                        .returns(RuntimeTypes.REQUESTER_ID)
                        .addStatement("return platform.model().device(device).orElseThrow().requesterId()")
                        .build())
                .addMethod(MethodSpec.methodBuilder("iommuRequesterId")
                        .addJavadoc("The requester id the IOMMU sees on its writes: behind a bridge, the bridge's alias.\n")
                        .addModifiers(PUBLIC)
                        .returns(RuntimeTypes.REQUESTER_ID)
                        .addStatement("return platform.model().device(device).orElseThrow().iommuRequesterId()")
                        .build());
        for (BusDomainKind storage : shape.storages()) {
            type.addMethod(MethodSpec.methodBuilder(Naming.accessorName(storage.keyword()))
                    .addJavadoc("The $L storage: fire a slot, read what a slot holds.\n", storage.keyword())
                    .addModifiers(PUBLIC)
                    .returns(RuntimeTypes.DEVICE_STORAGE)
                    .addStatement("return platform.hardware().storage(device, $T.$N)", RuntimeTypes.BUS_DOMAIN_KIND,
                            storage.name())
                    .build());
        }
        return type
                .addMethod(MethodSpec.methodBuilder("emit")
                        .addJavadoc("What happens when the device emits {@code message}, whatever its storages hold: a\n"
                                + "function a guest drives can emit any memory write by DMA.\n")
                        .addModifiers(PUBLIC)
                        .returns(RuntimeTypes.DELIVERY)
                        .addParameter(RuntimeTypes.MESSAGE, "message")
                        .addStatement("return platform.hardware().emit(device, message)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("trace")
                        .addJavadoc("{@link #emit} with every step the message takes.\n")
                        .addModifiers(PUBLIC)
                        .returns(RuntimeTypes.TRACE)
                        .addParameter(RuntimeTypes.MESSAGE, "message")
                        .addStatement("return platform.hardware().trace(device, message)")
                        .build())
                .build();
    }
}
