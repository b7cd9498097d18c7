package dev.irqtopo.compiler.emit;

import com.palantir.javapoet.ClassName;

/** The runtime library's riscv64 types that generated code for a riscv64 platform is written against, by name. */
final class RiscvRuntimeTypes {

    private static final String RISCV64 = "dev.irqtopo.runtime.riscv64";
    private static final String MODEL = "dev.irqtopo.model";

    static final ClassName PLATFORM = ClassName.get(RISCV64, "RiscvPlatform");
    static final ClassName STACK_RESULT = ClassName.get(RISCV64, "RiscvStackResult");
    static final ClassName OUTCOME = ClassName.get(RISCV64, "RiscvOutcome");
    static final ClassName STORAGE = ClassName.get(RISCV64, "RiscvStorage");
    static final ClassName DEVICE_TRANSLATION = ClassName.get(RISCV64, "DeviceTranslation");
    static final ClassName TRACING = ClassName.get(RISCV64 + ".sim", "RiscvTracing");
    static final ClassName TRACE_REPORT = ClassName.get(RISCV64 + ".sim", "RiscvTraceReport");
    static final ClassName ISOLATION_ANALYSIS = ClassName.get(RISCV64 + ".isolation", "RiscvIsolationAnalysis");
    static final ClassName ISOLATION_REPORT = ClassName.get(RISCV64 + ".isolation", "RiscvIsolationReport");

    static final ClassName PLATFORM_MODEL = ClassName.get(MODEL, "RiscvPlatformModel");
    static final ClassName DEVICE_MODEL = ClassName.get(MODEL, "DeviceModel");
    static final ClassName STORAGE_KIND = ClassName.get(MODEL, "StorageKind");
    static final ClassName MODEL_TABLE = ClassName.get(MODEL + ".table", "RiscvModelTable");

    private RiscvRuntimeTypes() {
    }
}
