package dev.irqtopo.model.table;

import dev.irqtopo.model.Arm64PlatformModel;

/**
 * An arm64 platform model as a table of printable ASCII text, and back, as {@link ModelTable} does for
 * x86 ones: generated code carries it in string constants and decodes it when it boots. One record per
 * line, tokens separated by one space, in this order:
 * <pre>
 * irqtopo-arm64-model 1
 * platform PACKAGE NAME DESCRIPTION
 * expect isolated|breach                                           (only when the platform has one)
 * cpus COUNT N MPIDR…                                              (N = 0: QEMU virt numbering; MPIDRs in hex)
 * gic VERSION ID_BITS
 * its NAME DOORBELL DEVICE_ID_BITS EVENT_ID_BITS ITT_ENTRY_SIZE on|off ignored|write_ignored
 * v2m NAME DOORBELL SPI_BASE SPIS
 * smmu N BUS…                                                      (the buses an SMMU covers)
 * hypervisor kvm N STORAGE… on|off                                 (traps, vlpi; only with one)
 * bus NAME / bridge … / device …                                   (as in {@link ModelTable})
 * msi_map BUS MASK N (RID_BASE CONTROLLER MSI_BASE LENGTH)…        (per bus that has one, in bus order)
 * host
 * stack DEVICE STORAGE CONTROLLER|- ALLOC                          (of the kernel above)
 * guest NAME CPUS N DEVICE…
 * end
 * </pre>
 * Addresses, MPIDRs, masks and msi-map numbers are written in hex with {@code 0x}; strings are escaped
 * as {@link TableText} says.
 */
public final class Arm64ModelTable {

    /** The first line of every arm64 table; a change of format changes the version. */
    public static final String HEADER = "irqtopo-arm64-model 1";

    private Arm64ModelTable() {
    }

    /** The table of a model: printable ASCII, lines ending in {@code \n}, equal text for equal models. */
    public static String encode(Arm64PlatformModel model) {
        return Arm64TableEncoder.encode(model);
    }

    /**
     * The model a table describes, given in parts that are joined in order first.
     *
     * @throws IllegalArgumentException when the text is not a complete arm64 table of this version, or
     *         describes a model its records refuse
     */
    public static Arm64PlatformModel decode(String... parts) {
        return Arm64TableDecoder.decode(String.join("", parts));
    }
}
