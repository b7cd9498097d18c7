package dev.irqtopo.compiler.emit;

import com.palantir.javapoet.ClassName;

/**
 * The runtime library's types that generated code for an arm64 or riscv64 platform is written against,
 * by name: each architecture's package holds them under the same names with its own prefix
 * ({@code Arm64Platform}, {@code RiscvPlatform}).
 */
record DesignRuntimeTypes(ClassName platform, ClassName stackResult, ClassName outcome, ClassName storage,
                          ClassName tracing, ClassName traceReport, ClassName isolationAnalysis,
                          ClassName isolationReport, ClassName platformModel, ClassName modelTable) {

    private static final String MODEL = "dev.irqtopo.model";

    static final ClassName DEVICE_MODEL = ClassName.get(MODEL, "DeviceModel");
    static final ClassName STORAGE_KIND = ClassName.get(MODEL, "StorageKind");

    static final DesignRuntimeTypes ARM64 = of("dev.irqtopo.runtime.arm64", "Arm64");
    static final DesignRuntimeTypes RISCV64 = of("dev.irqtopo.runtime.riscv64", "Riscv");
    /** A riscv64 device's context and MSI translation, which its generated class also gives. */
    static final ClassName RISCV_DEVICE_TRANSLATION = ClassName.get("dev.irqtopo.runtime.riscv64", "DeviceTranslation");

    private static DesignRuntimeTypes of(String runtime, String prefix) {
        return new DesignRuntimeTypes(ClassName.get(runtime, prefix + "Platform"),
                ClassName.get(runtime, prefix + "StackResult"),
                ClassName.get(runtime, prefix + "Outcome"),
                ClassName.get(runtime, prefix + "Storage"),
                ClassName.get(runtime + ".sim", prefix + "Tracing"),
                ClassName.get(runtime + ".sim", prefix + "TraceReport"),
                ClassName.get(runtime + ".isolation", prefix + "IsolationAnalysis"),
                ClassName.get(runtime + ".isolation", prefix + "IsolationReport"),
                ClassName.get(MODEL, prefix + "PlatformModel"),
                ClassName.get(MODEL + ".table", prefix + "ModelTable"));
    }
}
