package dev.irqtopo.scale;

/** What the scale harness times, in pipeline order. */
enum ScaleStage {
    /** Parse, check, build the model and emit Java: {@code Compiler.compile}, generating. */
    GENERATE("parse+check+generate"),
    /** javac of the generated source, in process, strict, against the runtime. */
    JAVAC("javac"),
    /** Create, boot, allocate and fire every interrupt once: {@code Simulation.run}. */
    SIMULATE("simulate"),
    /** Create, boot and decide isolation: {@code Verification.run}. */
    VERIFY("verify");

    private final String label;

    ScaleStage(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
