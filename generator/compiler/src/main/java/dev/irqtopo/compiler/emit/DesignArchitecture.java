package dev.irqtopo.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StackDeclaration;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.arm.GicStackModel;
import dev.irqtopo.model.riscv.ImsicStackModel;
import dev.irqtopo.model.table.Arm64ModelTable;
import dev.irqtopo.model.table.RiscvModelTable;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Where an arm64 and a riscv64 platform's generated classes differ ({@link DesignPlatformClassWriter}
 * writes the rest alike): the runtime types, the model's table, a stack's chain as its Javadoc shows it,
 * how a stack and a storage are looked up, and what a device class gives beyond its writes.
 */
interface DesignArchitecture<M extends PlatformDesign, S extends StackDeclaration> {

    DesignRuntimeTypes types();

    /** {@code arm64}, {@code riscv64}. */
    String word();

    String encode(M model);

    List<String> chain(M model, S stack);

    /** The statement returning what booting did with {@code stack} of {@code kernel}, the platform in {@code platform}. */
    CodeBlock stackResult(String kernel, S stack);

    /** The statement returning the storage of that kind of the device named in {@code device}. */
    CodeBlock storage(StorageKind kind);

    /** Methods a device class has beside {@code model}, {@code emit}, {@code trace} and its storages. */
    List<MethodSpec> deviceMethods();

    DesignArchitecture<Arm64PlatformModel, GicStackModel> ARM64 = new DesignArchitecture<>() {
        @Override
        public DesignRuntimeTypes types() {
            return DesignRuntimeTypes.ARM64;
        }

        @Override
        public String word() {
            return "arm64";
        }

        @Override
        public String encode(Arm64PlatformModel model) {
            return Arm64ModelTable.encode(model);
        }

        @Override
        public List<String> chain(Arm64PlatformModel model, GicStackModel stack) {
            return stack.chain(stack.controller().map(c -> model.gic().its(c).isPresent() ? "its" : "v2m").orElse("its"));
        }

        @Override
        public CodeBlock stackResult(String kernel, GicStackModel stack) {
            return CodeBlock.of("return platform.stack($S, $S, $T.$N).orElseThrow()", kernel, stack.device(),
                    DesignRuntimeTypes.STORAGE_KIND, stack.storage().name());
        }

        @Override
        public CodeBlock storage(StorageKind kind) {
            return CodeBlock.of("return platform.storage(device, $T.$N)", DesignRuntimeTypes.STORAGE_KIND, kind.name());
        }

        @Override
        public List<MethodSpec> deviceMethods() {
            return List.of();
        }
    };

    DesignArchitecture<RiscvPlatformModel, ImsicStackModel> RISCV64 = new DesignArchitecture<>() {
        @Override
        public DesignRuntimeTypes types() {
            return DesignRuntimeTypes.RISCV64;
        }

        @Override
        public String word() {
            return "riscv64";
        }

        @Override
        public String encode(RiscvPlatformModel model) {
            return RiscvModelTable.encode(model);
        }

        @Override
        public List<String> chain(RiscvPlatformModel model, ImsicStackModel stack) {
            return stack.chain();
        }

        @Override
        public CodeBlock stackResult(String kernel, ImsicStackModel stack) {
            return CodeBlock.of("return $T.stack(platform, $S, $S, $T.$N).orElseThrow()", types().storage(), kernel,
                    stack.device(), DesignRuntimeTypes.STORAGE_KIND, stack.storage().name());
        }

        @Override
        public CodeBlock storage(StorageKind kind) {
            return CodeBlock.of("return $T.of(platform, device, $T.$N)", types().storage(), DesignRuntimeTypes.STORAGE_KIND,
                    kind.name());
        }

        @Override
        public List<MethodSpec> deviceMethods() {
            return List.of(MethodSpec.methodBuilder("translation")
                    .addJavadoc("How the IOMMU treats the device's writes: its device context and MSI translation.\n")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(DesignRuntimeTypes.RISCV_DEVICE_TRANSLATION)
                    .addStatement("return platform.translation(platform.device(device))")
                    .build());
        }
    };
}
