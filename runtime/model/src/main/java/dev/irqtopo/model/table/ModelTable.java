package dev.irqtopo.model.table;

import dev.irqtopo.model.PlatformModel;

/**
 * A platform model as a compact table of printable ASCII text, and back. Generated code carries its
 * platform as a few string constants of this text and decodes them when it boots: a constant costs
 * no bytecode, so a platform of any size fits javac's limits, which a method building the model
 * call by call would not.
 *
 * <p>The table is one record per line, tokens separated by one space, in this order:
 * <pre>
 * irqtopo-model 2
 * platform PACKAGE NAME DESCRIPTION
 * expect isolated|breach                                                           (only when the platform has one)
 * cpu COUNT xapic|x2apic N APIC_ID…                    (N = 0: CPU n has APIC ID n)
 * iommu NAME vtd|amdvi on|off ENTRIES full|bus|off blocked|allowed on|off N BUS…   (remapping, source_check, compat, posted, covers)
 * hypervisor kvm|hyperv|xen visible|hidden compose|none on|off N STORAGE…          (cpuid, hypercall, ext_dest_id, traps)
 * bus NAME
 * bridge NAME RID SECONDARY_BUS                                                    (of the bus above, every one before its devices)
 * device NAME RID PASID PARENT BRIDGE N (STORAGE SIZE maskable|plain)…            (in the bus above)
 * ioapic NAME RID N PIN…                                                          (only when the platform has one)
 * host
 * stack DEVICE STORAGE REMAP hcall|- ALLOC                                          (of the kernel above)
 * guest NAME CPUS N DEVICE…
 * end
 * </pre>
 * Storages are written {@code msi}, {@code msix}, {@code ims_device}, {@code ims_queue}; a requester
 * id as {@code 03:00.1} (with the segment in front when it is not 0). A device's {@code BRIDGE} is the
 * position, from 0, of its bridge among its bus's {@code bridge} records, or {@code -} when it sits behind
 * none: a position needs no name to be unique. Strings are escaped as
 * {@link TableText} says; {@code -} is an absent value. Sets are written in declaration order of
 * their enumeration, so that equal models give equal text.
 */
public final class ModelTable {

    /** The first line of every table; a change of format changes the version. */
    public static final String HEADER = "irqtopo-model 2";

    private ModelTable() {
    }

    /**
     * The table of a model: printable ASCII, lines ending in {@code \n}, equal text for equal models.
     *
     * @throws IllegalArgumentException when a device's {@code bus} is not the bus that lists it (no
     *         checked model is like that, and the table stores each device under its bus only)
     */
    public static String encode(PlatformModel model) {
        return TableEncoder.encode(model);
    }

    /**
     * The model a table describes. The table may come in parts (the string constants of generated
     * code), which are joined in order first.
     *
     * @throws IllegalArgumentException when the text is not a complete table of this version, or
     *         describes a model its records refuse
     */
    public static PlatformModel decode(String... parts) {
        return TableDecoder.decode(String.join("", parts));
    }
}
