package dev.irqtopo.compiler.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.irqtopo.compiler.naming.DeviceShape;
import dev.irqtopo.compiler.naming.DriverShape;
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.compiler.naming.PlatformLayout;
import dev.irqtopo.model.table.ModelTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform class: the model table as constants, {@code boot()}, one accessor per kernel, the
 * hardware view and {@code verifyIsolation()}, with every other generated class nested in it.
 */
final class PlatformClassWriter {

    /** Characters of text per line in the platform class's comment, which starts at column 4. */

    private static final TypeName BOOT_RESULTS =
            ParameterizedTypeName.get(RuntimeTypes.LIST, RuntimeTypes.STACK_RESULT);

    private final PlatformLayout layout;
    private final ClassName self;
    private final Map<DriverShape, ClassName> driverShapes = new HashMap<>();
    private final Map<DeviceShape, ClassName> deviceShapes = new HashMap<>();

    private PlatformClassWriter(String javaPackage, PlatformLayout layout) {
        this.layout = layout;
        this.self = ClassName.get(javaPackage, layout.platformClass());
        layout.driverShapes().forEach(s -> driverShapes.put(s, nested(s.className())));
        layout.deviceShapes().forEach(s -> deviceShapes.put(s, nested(s.className())));
    }

    static TypeSpec write(PlatformLayout layout, String sourceName) {
        return new PlatformClassWriter(layout.model().javaPackage(), layout).type(sourceName);
    }

    private ClassName nested(String name) {
        return self.nestedClass(name);
    }

    private TypeSpec type(String sourceName) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc(javadoc())
                .addAnnotation(AnnotationSpec.builder(RuntimeTypes.GENERATED)
                        .addMember("value", "$S", "dev.irqtopo")
                        .addMember("comments", "$L", JavadocText.asciiLiteral(sourceName))
                        .build())
                .addModifiers(PUBLIC, FINAL);
        List<String> constants = modelConstants(type);
        type.addField(FieldSpec.builder(RuntimeTypes.EXPECTED_VERDICT, GeneratedNames.EXPECTED_VERDICT, PUBLIC, STATIC,
                        FINAL)
                .addJavadoc("What {@link #verifyIsolation()} must find: the platform's {@code expect} line, else"
                        + " isolated.\n")
                .initializer("$T.$N", RuntimeTypes.EXPECTED_VERDICT, layout.model().expectedVerdict().name())
                .build());
        type.addField(RuntimeTypes.PLATFORM, "platform", PRIVATE, FINAL)
                .addField(BOOT_RESULTS, GeneratedNames.BOOT_RESULTS, PRIVATE, FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(RuntimeTypes.PLATFORM, "platform")
                        .addStatement("this.platform = platform")
                        .addStatement("this.bootResults = platform.boot()")
                        .build())
                .addMethod(MethodSpec.methodBuilder(GeneratedNames.BOOT)
                        .addJavadoc("Builds the platform from its model and performs every stack's declared"
                                + " {@code alloc}, in boot order.\n")
                        .addModifiers(PUBLIC, STATIC)
                        .returns(self)
                        .addStatement("return new $T($T.create($N()))", self, RuntimeTypes.PLATFORM,
                                GeneratedNames.MODEL)
                        .build())
                .addMethod(MethodSpec.methodBuilder(GeneratedNames.MODEL)
                        .addJavadoc("The platform's model, decoded from the table this class carries.\n")
                        .addModifiers(PUBLIC, STATIC)
                        .returns(RuntimeTypes.PLATFORM_MODEL)
                        .addStatement("return $T.decode($L)", RuntimeTypes.MODEL_TABLE,
                                CodeBlock.join(constants.stream().map(c -> CodeBlock.of("$N", c)).toList(), ",$W"))
                        .build())
                .addMethod(PlatformClassParts.getter(GeneratedNames.PLATFORM, RuntimeTypes.PLATFORM, "The runtime's platform."))
                .addMethod(PlatformClassParts.getter(GeneratedNames.BOOT_RESULTS, BOOT_RESULTS,
                        "What booting did with each stack, in boot order."));
        for (PlatformLayout.KernelLayout kernel : layout.kernels()) {
            ClassName kernelClass = nested(kernel.className());
            type.addMethod(MethodSpec.methodBuilder(kernel.accessor())
                    .addJavadoc(kernel.host()
                            ? CodeBlock.of("The host kernel.\n")
                            : CodeBlock.of("Guest {@code $L}.\n", kernel.kernel()))
                    .addModifiers(PUBLIC)
                    .returns(kernelClass)
                    .addStatement(kernel.host()
                            ? CodeBlock.of("return new $T(platform.host())", kernelClass)
                            : CodeBlock.of("return new $T(platform.guest($S).orElseThrow())", kernelClass,
                                    kernel.kernel()))
                    .build());
        }
        ClassName hardware = nested(GeneratedNames.HARDWARE_CLASS);
        type.addMethod(MethodSpec.methodBuilder(GeneratedNames.HARDWARE_ACCESSOR)
                        .addJavadoc("The devices, to fire their slots and read their storages.\n")
                        .addModifiers(PUBLIC)
                        .returns(hardware)
                        .addStatement("return new $T(platform)", hardware)
                        .build())
                .addMethod(MethodSpec.methodBuilder(GeneratedNames.VERIFY_ISOLATION)
                        .addJavadoc("The isolation analysis of the platform as it is now.\n")
                        .addModifiers(PUBLIC)
                        .returns(RuntimeTypes.ISOLATION_REPORT)
                        .addStatement("return $T.analyze(platform)", RuntimeTypes.ISOLATION_ANALYSIS)
                        .build());
        nestedTypes(type, hardware);
        return type.build();
    }

    /** The table in string constants, each below the class file's limit; their names, in order. */
    private List<String> modelConstants(TypeSpec.Builder type) {
        List<String> names = new ArrayList<>();
        List<String> parts = ModelConstants.split(ModelTable.encode(layout.model()));
        for (int i = 0; i < parts.size(); i++) {
            String name = "MODEL_" + i;
            type.addField(FieldSpec.builder(RuntimeTypes.STRING, name, PRIVATE, STATIC, FINAL)
                    .initializer("$S", parts.get(i))
                    .build());
            names.add(name);
        }
        return names;
    }

    private void nestedTypes(TypeSpec.Builder type, ClassName hardware) {
        for (PlatformLayout.KernelLayout kernel : layout.kernels()) {
            type.addType(KernelClassWriter.write(nested(kernel.className()), kernel, driverShapes::get));
        }
        type.addType(HardwareWriter.hardware(hardware, layout.hardware(), deviceShapes::get));
        ClassName busDomain = nested(GeneratedNames.BUS_DOMAIN_CLASS);
        ClassName writableBusDomain = nested(GeneratedNames.WRITABLE_BUS_DOMAIN_CLASS);
        for (DriverShape shape : layout.driverShapes()) {
            type.addType(DriverShapeWriter.write(driverShapes.get(shape), shape, busDomain, writableBusDomain));
        }
        for (DeviceShape shape : layout.deviceShapes()) {
            type.addType(HardwareWriter.device(deviceShapes.get(shape), shape));
        }
        if (layout.hasDomains()) {
            type.addType(BusDomainWriter.busDomain(busDomain));
        }
        if (layout.hasWritableDomains()) {
            type.addType(BusDomainWriter.writableBusDomain(writableBusDomain, busDomain));
        }
        type.addType(ConstantsWriter.requesterIds(nested(GeneratedNames.REQUESTER_IDS_CLASS), layout.hardware(),
                layout.bridges()));
        if (!layout.bridges().isEmpty()) {
            type.addType(ConstantsWriter.bridgeAliases(nested(GeneratedNames.BRIDGE_ALIASES_CLASS), layout.bridges()));
        }
        if (!layout.aliased().isEmpty()) {
            type.addType(ConstantsWriter.iommuRequesterIds(nested(GeneratedNames.IOMMU_REQUESTER_IDS_CLASS),
                    layout.aliased()));
        }
        type.addType(ConstantsWriter.sizes(nested(GeneratedNames.SIZES_CLASS), layout.hardware()));
    }

    private CodeBlock javadoc() {
        return PlatformClassParts.javadoc("Platform", layout.model().name(), layout.model().description(),
                layout.kernels().size() > 1);
    }
}
