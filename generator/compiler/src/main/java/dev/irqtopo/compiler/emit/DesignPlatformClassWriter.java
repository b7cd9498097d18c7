package dev.irqtopo.compiler.emit;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.irqtopo.compiler.naming.DesignLayout;
import dev.irqtopo.compiler.naming.GeneratedNames;
import dev.irqtopo.compiler.naming.Naming;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.StackDeclaration;
import dev.irqtopo.model.StorageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

/**
 * An arm64 or riscv64 platform's class, over the runtime's platform of its architecture
 * ({@code Arm64Platform}, {@code RiscvPlatform}): the model table as constants, {@code boot()}, one kernel
 * class per kernel with one accessor per stack (what booting did with it), {@code hardware()} with one
 * class per device shape ({@code emit}, {@code trace}, what {@link DesignArchitecture#deviceMethods} adds,
 * and one accessor per storage to read and fire its slots), and {@code verifyIsolation()}.
 */
final class DesignPlatformClassWriter<M extends PlatformDesign, S extends StackDeclaration> {

    private static final String FIELD = "platform";
    private static final String DEVICE = "device";

    private final DesignArchitecture<M, S> architecture;
    private final DesignRuntimeTypes types;
    private final TypeName bootResults;
    private final DesignLayout<M, S> layout;
    private final ClassName self;

    private DesignPlatformClassWriter(DesignArchitecture<M, S> architecture, DesignLayout<M, S> layout) {
        this.architecture = architecture;
        this.types = architecture.types();
        this.bootResults = ParameterizedTypeName.get(RuntimeTypes.LIST, types.stackResult());
        this.layout = layout;
        this.self = ClassName.get(layout.model().javaPackage(), layout.platformClass());
    }

    static <M extends PlatformDesign, S extends StackDeclaration> TypeSpec write(DesignArchitecture<M, S> architecture,
            DesignLayout<M, S> layout, String sourceName) {
        return new DesignPlatformClassWriter<>(architecture, layout).type(sourceName);
    }

    private TypeSpec type(String sourceName) {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc(javadoc())
                .addAnnotation(AnnotationSpec.builder(RuntimeTypes.GENERATED)
                        .addMember("value", "$S", "dev.irqtopo")
                        .addMember("comments", "$L", JavadocText.asciiLiteral(sourceName))
                        .build())
                .addModifiers(PUBLIC, FINAL);
        List<String> constants = new ArrayList<>();
        List<String> parts = ModelConstants.split(architecture.encode(layout.model()));
        for (int i = 0; i < parts.size(); i++) {
            String name = "MODEL_" + i;
            type.addField(FieldSpec.builder(RuntimeTypes.STRING, name, PRIVATE, STATIC, FINAL)
                    .initializer("$S", parts.get(i)).build());
            constants.add(name);
        }
        type.addField(FieldSpec.builder(RuntimeTypes.EXPECTED_VERDICT, GeneratedNames.EXPECTED_VERDICT, PUBLIC, STATIC, FINAL)
                        .addJavadoc("What {@link #verifyIsolation()} must find: the platform's {@code expect} line, else"
                                + " isolated.\n")
                        .initializer("$T.$N", RuntimeTypes.EXPECTED_VERDICT, layout.model().expectedVerdict().name())
                        .build())
                .addField(types.platform(), FIELD, PRIVATE, FINAL)
                .addField(bootResults, GeneratedNames.BOOT_RESULTS, PRIVATE, FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(types.platform(), FIELD)
                        .addStatement("this.platform = platform")
                        .addStatement("this.bootResults = platform.boot()")
                        .build())
                .addMethod(MethodSpec.methodBuilder(GeneratedNames.BOOT)
                        .addJavadoc("Builds the platform from its model and performs every stack's declared"
                                + " {@code alloc}, in boot order.\n")
                        .addModifiers(PUBLIC, STATIC)
                        .returns(self)
                        .addStatement("return new $T($T.create($N()))", self, types.platform(), GeneratedNames.MODEL)
                        .build())
                .addMethod(MethodSpec.methodBuilder(GeneratedNames.MODEL)
                        .addJavadoc("The platform's model, decoded from the table this class carries.\n")
                        .addModifiers(PUBLIC, STATIC)
                        .returns(types.platformModel())
                        .addStatement("return $T.decode($L)", types.modelTable(),
                                CodeBlock.join(constants.stream().map(c -> CodeBlock.of("$N", c)).toList(), ",$W"))
                        .build())
                .addMethod(PlatformClassParts.getter(GeneratedNames.PLATFORM, types.platform(),
                        "The runtime's " + architecture.word() + " platform."))
                .addMethod(PlatformClassParts.getter(GeneratedNames.BOOT_RESULTS, bootResults,
                        "What booting did with each stack, in boot order."));
        for (DesignLayout.Kernel<S> kernel : layout.kernels()) {
            ClassName kernelClass = self.nestedClass(kernel.className());
            type.addMethod(MethodSpec.methodBuilder(kernel.accessor())
                    .addJavadoc(kernel.host() ? CodeBlock.of("The host kernel's stacks.\n")
                            : CodeBlock.of("Guest {@code $L}'s stacks.\n", kernel.kernel()))
                    .addModifiers(PUBLIC)
                    .returns(kernelClass)
                    .addStatement("return new $T(platform)", kernelClass)
                    .build());
        }
        ClassName hardware = self.nestedClass(DesignLayout.HARDWARE_CLASS);
        type.addMethod(MethodSpec.methodBuilder(GeneratedNames.HARDWARE_ACCESSOR)
                        .addJavadoc("The devices, to let them write and to fire their slots.\n")
                        .addModifiers(PUBLIC)
                        .returns(hardware)
                        .addStatement("return new $T(platform)", hardware)
                        .build())
                .addMethod(MethodSpec.methodBuilder(GeneratedNames.VERIFY_ISOLATION)
                        .addJavadoc("The isolation analysis of the platform as it is now.\n")
                        .addModifiers(PUBLIC)
                        .returns(types.isolationReport())
                        .addStatement("return $T.analyze(platform)", types.isolationAnalysis())
                        .build());
        for (DesignLayout.Kernel<S> kernel : layout.kernels()) {
            type.addType(kernel(kernel));
        }
        type.addType(hardware(hardware));
        layout.shapes().forEach((shape, kinds) -> type.addType(device(shape, kinds)));
        return type.build();
    }

    private TypeSpec kernel(DesignLayout.Kernel<S> kernel) {
        TypeSpec.Builder type = holder(self.nestedClass(kernel.className()),
                kernel.host() ? "The host's stacks, each as booting left it." : "Guest {@code " + kernel.kernel()
                        + "}'s stacks, each as booting left it.");
        type.addMethod(MethodSpec.methodBuilder(GeneratedNames.KERNEL)
                .addJavadoc("The kernel's name.\n")
                .addModifiers(PUBLIC)
                .returns(RuntimeTypes.STRING)
                .addStatement("return $S", kernel.kernel())
                .build());
        for (DesignLayout.Stack<S> stack : kernel.stacks()) {
            type.addMethod(MethodSpec.methodBuilder(stack.accessor())
                    .addJavadoc("Stack {@code $L.$L}: {@code $L}, alloc $L.\n", JavadocText.escape(stack.stack().device()),
                            stack.stack().busDomain().keyword(),
                            String.join(" -> ", architecture.chain(layout.model(), stack.stack())), stack.stack().alloc())
                    .addModifiers(PUBLIC)
                    .returns(types.stackResult())
                    .addStatement(architecture.stackResult(kernel.kernel(), stack.stack()))
                    .build());
        }
        return type.build();
    }

    private TypeSpec hardware(ClassName hardware) {
        TypeSpec.Builder type = holder(hardware, "The platform's devices.");
        for (DesignLayout.Device device : layout.devices()) {
            ClassName deviceClass = self.nestedClass(device.className());
            type.addMethod(MethodSpec.methodBuilder(device.accessor())
                    .addJavadoc("Device {@code $L}, $L.\n", JavadocText.escape(device.device().name()),
                            device.device().requesterId())
                    .addModifiers(PUBLIC)
                    .returns(deviceClass)
                    .addStatement("return new $T(platform, $S)", deviceClass, device.device().name())
                    .build());
        }
        return type.build();
    }

    /** One class per shape: a view of a named device with the storage kinds {@code kinds}. */
    private TypeSpec device(String shape, List<StorageKind> kinds) {
        List<String> words = kinds.stream().map(StorageKind::keyword).toList();
        TypeSpec.Builder type = TypeSpec.classBuilder(self.nestedClass(shape))
                .addJavadoc("A device $L: its writes and its storages.\n",
                        words.isEmpty() ? "without storage" : "with " + String.join(" and ", words) + " storage")
                .addModifiers(PUBLIC, STATIC, FINAL)
                .addField(types.platform(), FIELD, PRIVATE, FINAL)
                .addField(RuntimeTypes.STRING, DEVICE, PRIVATE, FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(types.platform(), FIELD)
                        .addParameter(RuntimeTypes.STRING, DEVICE)
                        .addStatement("this.platform = platform")
                        .addStatement("this.device = device")
                        .build());
        type.addMethod(MethodSpec.methodBuilder("model")
                        .addJavadoc("The device as declared.\n")
                        .addModifiers(PUBLIC)
                        .returns(DesignRuntimeTypes.DEVICE_MODEL)
                        .addStatement("return platform.device(device)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("emit")
                        .addJavadoc("One 32-bit write of {@code message} by the device, as its DMA may make it.\n")
                        .addModifiers(PUBLIC)
                        .addParameter(RuntimeTypes.MESSAGE, "message")
                        .returns(types.outcome())
                        .addStatement("return platform.emit(platform.device(device), message)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("trace")
                        .addJavadoc("Every step of one write of {@code message} by the device, and where it ends.\n")
                        .addModifiers(PUBLIC)
                        .addParameter(RuntimeTypes.MESSAGE, "message")
                        .returns(types.traceReport())
                        .addStatement("return $T.trace(platform, device, message)", types.tracing())
                        .build())
                .addMethods(architecture.deviceMethods());
        for (StorageKind kind : kinds) {
            type.addMethod(MethodSpec.methodBuilder(Naming.accessorName(kind.keyword().toLowerCase(Locale.ROOT)))
                    .addJavadoc("Its $L storage.\n", kind.keyword())
                    .addModifiers(PUBLIC)
                    .returns(types.storage())
                    .addStatement(architecture.storage(kind))
                    .build());
        }
        return type.build();
    }

    /** A nested class holding the runtime's platform, with its private constructor. */
    private TypeSpec.Builder holder(ClassName name, String doc) {
        return TypeSpec.classBuilder(name)
                .addJavadoc("$L\n", doc)
                .addModifiers(PUBLIC, STATIC, FINAL)
                .addField(types.platform(), FIELD, PRIVATE, FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(PRIVATE)
                        .addParameter(types.platform(), FIELD)
                        .addStatement("this.platform = platform")
                        .build());
    }

    private CodeBlock javadoc() {
        String kind = Character.toUpperCase(architecture.word().charAt(0)) + architecture.word().substring(1) + " platform";
        return PlatformClassParts.javadoc(kind, layout.model().name(), layout.model().description(),
                layout.kernels().size() > 1);
    }
}
