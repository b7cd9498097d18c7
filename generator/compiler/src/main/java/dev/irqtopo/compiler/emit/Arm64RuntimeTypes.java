package dev.irqtopo.compiler.emit;

import com.palantir.javapoet.ClassName;

/** The runtime library's arm64 types that generated code for an arm64 platform is written against, by name. */
final class Arm64RuntimeTypes {

    private static final String ARM64 = "dev.irqtopo.runtime.arm64";
    private static final String MODEL = "dev.irqtopo.model";

    static final ClassName PLATFORM = ClassName.get(ARM64, "Arm64Platform");
    static final ClassName STACK_RESULT = ClassName.get(ARM64, "Arm64StackResult");
    static final ClassName OUTCOME = ClassName.get(ARM64, "Arm64Outcome");
    static final ClassName STORAGE = ClassName.get(ARM64, "Arm64Storage");
    static final ClassName TRACING = ClassName.get(ARM64 + ".sim", "Arm64Tracing");
    static final ClassName TRACE_REPORT = ClassName.get(ARM64 + ".sim", "Arm64TraceReport");
    static final ClassName ISOLATION_ANALYSIS = ClassName.get(ARM64 + ".isolation", "Arm64IsolationAnalysis");
    static final ClassName ISOLATION_REPORT = ClassName.get(ARM64 + ".isolation", "Arm64IsolationReport");

    static final ClassName PLATFORM_MODEL = ClassName.get(MODEL, "Arm64PlatformModel");
    static final ClassName DEVICE_MODEL = ClassName.get(MODEL, "DeviceModel");
    static final ClassName STORAGE_KIND = ClassName.get(MODEL, "StorageKind");
    static final ClassName MODEL_TABLE = ClassName.get(MODEL + ".table", "Arm64ModelTable");

    private Arm64RuntimeTypes() {
    }
}
