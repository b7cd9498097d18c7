package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.CpuBlock;
import dev.irqtopo.compiler.ast.CpuProp;
import dev.irqtopo.compiler.ast.DeviceAddress;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.IoApicDecl;
import dev.irqtopo.compiler.ast.IommuDecl;
import dev.irqtopo.compiler.ast.IommuProp;
import dev.irqtopo.compiler.ast.Num;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.compiler.diag.DiagnosticCode;
import dev.irqtopo.model.CpuModel;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.IoApicModel;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;

/**
 * IRQ020 for numbers with a fixed range: CPU counts, APIC IDs, table sizes, storage sizes, PASIDs,
 * I/O APIC pins and {@code alloc}. Every number has an upper bound, so a literal beyond 64 bits is reported here too.
 */
final class NumberRangeRule extends PlatformRule {

    /** x2APIC IDs are 32-bit; the model keeps them in a Java int. */
    static final long MAX_APIC_ID = Integer.MAX_VALUE;
    /** {@code alloc} has no bound of its own beyond 64 bits: the storage's capacity is IRQ042's. */
    static final long MAX_ALLOC = Long.MAX_VALUE;

    @Override
    void check(PlatformIndex index, Report report) {
        for (CpuBlock cpu : index.platform().cpuBlocks()) {
            cpu.props(CpuProp.Cpus.class).forEach(c -> range(c.count(), "cpus", 1, CpuModel.MAX_CPUS, report));
            cpu.props(CpuProp.ApicIds.class).forEach(ids -> ids.ids().forEach(
                    id -> range(id, "an APIC ID", 0, MAX_APIC_ID, "in 0..0x7fffffff", report)));
        }
        for (IommuDecl iommu : index.platform().iommus()) {
            long max = iommu.kind() == IommuKind.VTD ? IommuModel.VTD_MAX_ENTRIES : IommuModel.AMDVI_MAX_ENTRIES;
            iommu.props().stream().filter(IommuProp.Entries.class::isInstance)
                    .forEach(e -> powerOfTwo(((IommuProp.Entries) e).count(),
                            iommu.kind().keyword() + " entries", max, report));
        }
        for (DeviceDecl device : index.platform().devices()) {
            if (device.address() instanceof DeviceAddress.SubDevice sub) {
                range(sub.pasid(), "a PASID", 1, DeviceModel.MAX_PASID, "in 1..0xfffff", report);
            }
            device.storages().forEach(s -> storage(s, report));
        }
        for (IoApicDecl ioapic : index.platform().ioapics()) {
            ioapic.allPins().forEach(p -> range(p, "an ioapic pin", 0, IoApicModel.PINS - 1, report));
        }
        for (GuestDecl guest : index.platform().guests()) {
            guest.cpus().forEach(c -> range(c.count(), "a guest's cpus", 1, CpuModel.MAX_CPUS, report));
        }
        for (KernelStack ks : KernelStack.all(index.platform())) {
            ks.stack().alloc().ifPresent(a -> range(a, "alloc", 1, MAX_ALLOC, "at least 1", report));
        }
    }

    private static void storage(StorageDecl storage, Report report) {
        switch (storage.kind()) {
            case MSI -> powerOfTwo(storage.size(), "msi", 32, report);
            case MSIX -> range(storage.size(), "msix", 1, 2048, report);
            case IMS_DEVICE, IMS_QUEUE -> range(storage.size(), storage.kind().keyword(), 1, 65536, report);
        }
    }

    static void range(Num number, String what, long min, long max, Report report) {
        range(number, what, min, max, "in " + min + ".." + max, report);
    }

    /** @param allowed how the message says what is allowed: {@code in 1..4096}, {@code at least 1} */
    static void range(Num number, String what, long min, long max, String allowed, Report report) {
        if (!number.in(min, max)) {
            report.add(DiagnosticCode.IRQ020, number.pos(), what + " must be " + allowed + ", not " + number.text());
        }
    }

    private static void powerOfTwo(Num number, String what, long max, Report report) {
        if (!number.in(1, max) || !number.isPowerOfTwo()) {
            report.add(DiagnosticCode.IRQ020, number.pos(),
                    what + " must be a power of two in 1.." + max + ", not " + number.text());
        }
    }
}
