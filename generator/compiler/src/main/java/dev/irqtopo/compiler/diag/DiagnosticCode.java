package dev.irqtopo.compiler.diag;

/**
 * Every diagnostic the checker can report, with its severity. Codes are stable: a new check gets a
 * new code, and a code never changes its meaning.
 */
public enum DiagnosticCode {
    IRQ001(Severity.ERROR, "syntax error"),
    IRQ002(Severity.ERROR, "keyword used as a name"),
    IRQ003(Severity.ERROR, "bytes that are not UTF-8"),
    IRQ010(Severity.ERROR, "duplicate name"),
    IRQ011(Severity.ERROR, "unknown name"),
    IRQ012(Severity.ERROR, "names that collide as Java identifiers"),
    IRQ013(Severity.ERROR, "name that is a Java keyword or literal"),
    IRQ014(Severity.ERROR, "package of the Java platform or the runtime library"),
    IRQ020(Severity.ERROR, "number out of range"),
    IRQ021(Severity.ERROR, "duplicate requester id"),
    IRQ022(Severity.ERROR, "xAPIC cannot address every CPU"),
    IRQ023(Severity.ERROR, "property that does not apply"),
    IRQ024(Severity.ERROR, "property given twice"),
    IRQ030(Severity.ERROR, "missing required declaration"),
    IRQ031(Severity.ERROR, "guest without a hypervisor"),
    IRQ032(Severity.ERROR, "device assigned to two guests"),
    IRQ033(Severity.ERROR, "stack for a device the kernel does not own"),
    IRQ034(Severity.ERROR, "stack for a storage the device does not have"),
    IRQ035(Severity.ERROR, "malformed chain"),
    IRQ036(Severity.ERROR, "remap through an IOMMU that cannot remap the device"),
    IRQ037(Severity.ERROR, "remap in a guest stack"),
    IRQ038(Severity.ERROR, "hcall in a host stack"),
    IRQ039(Severity.ERROR, "hcall the guest cannot use"),
    IRQ040(Severity.ERROR, "ims queue cannot be trapped"),
    IRQ041(Severity.ERROR, "sub-device with msi or msix storage"),
    IRQ042(Severity.ERROR, "alloc beyond the storage's capacity"),
    IRQ043(Severity.ERROR, "two IMS storages"),
    IRQ044(Severity.ERROR, "two stacks for one storage"),
    IRQ045(Severity.ERROR, "bus covered by two IOMMUs"),
    IRQ046(Severity.ERROR, "IOMMU without covers among several"),
    IRQ047(Severity.ERROR, "sub-device outside its parent's bus"),
    IRQ048(Severity.ERROR, "device of a bridge off its secondary bus"),
    IRQ049(Severity.ERROR, "IOMMU covering several PCI segments"),
    IRQ060(Severity.ERROR, "unknown kernel profile"),
    IRQ061(Severity.ERROR, "kernel line outside a host or guest block"),
    IRQ062(Severity.ERROR, "ioapic without its requester id"),
    IRQ063(Severity.ERROR, "x86 construct on an arm64 platform"),
    IRQ064(Severity.ERROR, "arm64 construct on an x86 platform"),
    IRQ065(Severity.ERROR, "overlapping msi_map ranges"),
    IRQ066(Severity.ERROR, "DeviceID beyond the ITS's DeviceID bits"),
    IRQ067(Severity.ERROR, "function without a DeviceID"),
    IRQ068(Severity.ERROR, "MSI controller without room for its stacks"),
    IRQ069(Severity.ERROR, "chain through an MSI controller the device does not reach"),
    IRQ070(Severity.ERROR, "vlpi without GICv4"),
    IRQ071(Severity.ERROR, "MSI controllers sharing a doorbell"),
    IRQ072(Severity.ERROR, "bus without msi_map among several MSI controllers"),
    IRQ073(Severity.ERROR, "hypervisor not modelled on arm64 or riscv64"),
    IRQ074(Severity.ERROR, "x86 or arm64 construct on a riscv64 platform"),
    IRQ075(Severity.ERROR, "riscv64 construct on an x86 or arm64 platform"),
    IRQ076(Severity.ERROR, "IMSIC identities outside the AIA's limits"),
    IRQ077(Severity.ERROR, "interrupt-file pages out of place"),
    IRQ078(Severity.ERROR, "vCPU without a guest interrupt file"),
    IRQ100(Severity.WARNING, "IMS domain creation will fail"),
    IRQ101(Severity.WARNING, "untranslated messages from a guest that does not know it is virtualized"),
    IRQ102(Severity.WARNING, "untranslated messages from a guest"),
    IRQ103(Severity.WARNING, "host stack bypasses interrupt remapping"),
    IRQ104(Severity.WARNING, "multi-message MSI without remapping"),
    IRQ105(Severity.WARNING, "compat allowed has no effect in x2APIC mode"),
    IRQ106(Severity.WARNING, "function assigned without interrupt remapping"),
    IRQ107(Severity.WARNING, "weak source check on a unit serving a guest"),
    IRQ108(Severity.WARNING, "device assigned twice to one guest"),
    IRQ109(Severity.WARNING, "remapping on for some units and off for others"),
    IRQ110(Severity.WARNING, "the kernel has no IMS domain for this stack"),
    IRQ111(Severity.WARNING, "the kernel does not compose this storage by hypercall"),
    IRQ112(Severity.WARNING, "an arm64 guest's untrapped messages never reach it");

    private final Severity severity;
    private final String title;

    DiagnosticCode(Severity severity, String title) {
        this.severity = severity;
        this.title = title;
    }

    public Severity severity() {
        return severity;
    }

    /** A few words naming the problem, for documentation and listings. */
    public String title() {
        return title;
    }

    /** A diagnostic of this code at a 1-based position. */
    public Diagnostic at(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, severity, name(), message);
    }
}
