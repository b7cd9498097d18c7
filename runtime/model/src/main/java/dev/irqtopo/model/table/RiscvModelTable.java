package dev.irqtopo.model.table;

import dev.irqtopo.model.RiscvPlatformModel;

/**
 * A riscv64 platform model as a table of printable ASCII text, and back, as {@link ModelTable} and
 * {@link Arm64ModelTable} do for the other architectures: generated code carries it in string constants
 * and decodes it when it boots. One record per line, tokens separated by one space, in this order:
 * <pre>
 * irqtopo-riscv64-model 1
 * platform PACKAGE NAME DESCRIPTION
 * expect isolated|breach                                           (only when the platform has one)
 * harts PER_GROUP GROUPS
 * imsic GUEST_FILES MACHINE_IDS SUPERVISOR_IDS GUEST_IDS A C B D E  (the AIA's placement constants; A, B in hex)
 * iommu NAME off|flat|mrif N BUS…                                  (one per IOMMU, the buses it covers)
 * hypervisor kvm N STORAGE…                                        (traps; only with one)
 * bus NAME / bridge … / device …                                   (as in {@link ModelTable})
 * host
 * stack DEVICE STORAGE ALLOC                                       (of the kernel above)
 * guest NAME CPUS N DEVICE…
 * end
 * </pre>
 * Strings are escaped as {@link TableText} says.
 */
public final class RiscvModelTable {

    /** The first line of every riscv64 table; a change of format changes the version. */
    public static final String HEADER = "irqtopo-riscv64-model 1";

    private RiscvModelTable() {
    }

    /** The table of a model: printable ASCII, lines ending in {@code \n}, equal text for equal models. */
    public static String encode(RiscvPlatformModel model) {
        return RiscvTableEncoder.encode(model);
    }

    /**
     * The model a table describes, given in parts that are joined in order first.
     *
     * @throws IllegalArgumentException when the text is not a complete riscv64 table of this version, or
     *         describes a model its records refuse
     */
    public static RiscvPlatformModel decode(String... parts) {
        return RiscvTableDecoder.decode(String.join("", parts));
    }
}
