package dev.irqtopo.compiler.emit;

import com.palantir.javapoet.ClassName;

/**
 * The runtime library's types that generated code is written against, by name: the emitter does not
 * load them, so the compiler does not depend on the engine (irqtopo-runtime) at all; the model's types
 * (irqtopo-model) it does use, to build and encode the model.
 */
final class RuntimeTypes {

    private static final String RUNTIME = "dev.irqtopo.runtime";
    private static final String MESSAGE_PACKAGE = RUNTIME + ".message";
    private static final String DELIVERY_PACKAGE = RUNTIME + ".delivery";
    private static final String MODEL = "dev.irqtopo.model";

    static final ClassName PLATFORM = ClassName.get(RUNTIME, "Platform");
    static final ClassName KERNEL = ClassName.get(RUNTIME, "Kernel");
    static final ClassName STACK = ClassName.get(RUNTIME, "Stack");
    static final ClassName STACK_RESULT = ClassName.get(RUNTIME, "StackResult");
    static final ClassName ALLOCATION = ClassName.get(RUNTIME, "Allocation");
    static final ClassName ALLOCATED_INTERRUPT = ClassName.get(RUNTIME, "AllocatedInterrupt");
    static final ClassName ERRNO = ClassName.get(MESSAGE_PACKAGE, "Errno");
    static final ClassName MESSAGE = ClassName.get(MESSAGE_PACKAGE, "Message");
    static final ClassName DEVICE_STORAGE = ClassName.get(RUNTIME, "DeviceStorage");
    static final ClassName DELIVERY = ClassName.get(DELIVERY_PACKAGE, "Delivery");
    static final ClassName TRACE = ClassName.get(DELIVERY_PACKAGE, "Trace");
    static final ClassName ISOLATION_ANALYSIS = ClassName.get(RUNTIME + ".isolation", "IsolationAnalysis");
    static final ClassName ISOLATION_REPORT = ClassName.get(RUNTIME + ".isolation", "IsolationReport");

    static final ClassName PLATFORM_MODEL = ClassName.get(MODEL, "PlatformModel");
    static final ClassName BUS_DOMAIN_KIND = ClassName.get(MODEL, "BusDomainKind");
    static final ClassName REQUESTER_ID = ClassName.get(MODEL, "RequesterId");
    static final ClassName EXPECTED_VERDICT = ClassName.get(MODEL, "ExpectedVerdict");
    static final ClassName MODEL_TABLE = ClassName.get(MODEL + ".table", "ModelTable");

    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName STRING = ClassName.get(String.class);
    static final ClassName LIST = ClassName.get(java.util.List.class);
    static final ClassName OPTIONAL = ClassName.get(java.util.Optional.class);

    private RuntimeTypes() {
    }
}
