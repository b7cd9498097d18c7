package dev.irqtopo.runtime.diff;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.RiscvGuestModel;
import dev.irqtopo.model.riscv.RiscvIommuModel;
import dev.irqtopo.runtime.diff.Subject.Declaration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A checked riscv64 platform's declarations as facts, in the language's words: the harts, the IMSICs'
 * geometry, each RISC-V IOMMU with its MSI translation, the hypervisor, the devices, and the guests with
 * the guest interrupt files behind their vCPUs.
 */
final class RiscvDeclarations {

    private RiscvDeclarations() {
    }

    static Map<Declaration, Facts> of(RiscvPlatformModel platform) {
        Map<Declaration, Facts> parts = new LinkedHashMap<>();
        parts.put(Declaration.of(Part.PLATFORM, platform.name()),
                new Facts().word("expect", platform.expect().map(ExpectedVerdict::keyword)));
        ImsicGeometry imsic = platform.imsic();
        parts.put(Declaration.of(Part.CPU), new Facts()
                .number("cpus", imsic.harts().count())
                .word("arch", "riscv64"));
        parts.put(Declaration.of(Part.IMSIC), imsic(imsic));
        for (RiscvIommuModel iommu : platform.iommus()) {
            parts.put(Declaration.of(Part.IOMMU, iommu.name()), new Facts()
                    .word("kind", "riscv")
                    .word("msi", iommu.msi().keyword())
                    .word("covers", Declarations.joined(iommu.covers())));
        }
        platform.hypervisor().ifPresent(h -> parts.put(Declaration.of(Part.HYPERVISOR), new Facts()
                .word("kind", "kvm")
                .word("traps", Declarations.joined(Arrays.stream(StorageKind.values()).filter(h::traps)
                        .map(StorageKind::keyword).toList()))));
        for (DeviceModel device : platform.devices()) {
            parts.put(Declaration.of(Part.DEVICE, device.name()), Declarations.device(device));
        }
        for (RiscvGuestModel guest : platform.guests()) {
            parts.put(Declaration.of(Part.GUEST, guest.name()), new Facts()
                    .number("cpus", guest.cpus())
                    .word("assign", Declarations.joined(guest.devices()))
                    // which hart's guest file backs each vCPU follows from every guest before it, so a
                    // change to one guest's vCPUs can move another's files
                    .word("files", Declarations.joined(platform.guestFiles().of(guest.name()).stream()
                            .map(InterruptFile::word).toList())));
        }
        return parts;
    }

    /**
     * GEILEN, N of the supervisor-level files (the language's {@code identities} sets the machine-level
     * ones alike) and of the guest files, the bases A and B, and D − 12, the guest-index bits Linux reads:
     * a change to the number of guest files moves every hart's supervisor-level page but hart 0's.
     */
    private static Facts imsic(ImsicGeometry imsic) {
        return new Facts()
                .number("guest_files", imsic.guestFiles())
                .number("identities", imsic.supervisorIds())
                .number("guest_identities", imsic.guestIds())
                .word("m_base", "0x" + Long.toHexString(imsic.placement().machineBase()))
                .word("s_base", "0x" + Long.toHexString(imsic.placement().supervisorBase()))
                .number("guest_index_bits", imsic.guestIndexBits());
    }
}
