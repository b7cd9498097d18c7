package dev.irqtopo.model.table;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.RiscvPlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.riscv.Harts;
import dev.irqtopo.model.riscv.MsiTranslationMode;
import org.junit.jupiter.api.Test;

/** The riscv64 model table: every record read back to the model it was written from, and text that is not a table refused. */
class RiscvModelTableTest {

    private static final String TABLE = String.join("\n",
            "irqtopo-riscv64-model 1",
            "platform p RvAll a\\0020b",
            "expect breach",
            "harts 2 2",
            "imsic 3 63 127 255 0x24000000 12 0x28000000 14 24",
            "iommu iommu0 flat 1 pci0",
            "iommu iommu1 mrif 0",
            "hypervisor kvm 1 msix",
            "bus pci0",
            "device pf 03:00.0 0 - - 1 msix 8 plain",
            "bus pci1",
            "device nic 01:00.0 0 - - 1 msi 4 maskable",
            "host",
            "stack nic msi 2",
            "guest vm0 2 1 pf",
            "stack pf msix 2",
            "end",
            "");

    @Test
    void aTableReadsBackToTheSameText() {
        RiscvPlatformModel model = RiscvModelTable.decode(TABLE);
        assertThat(model.name()).isEqualTo("RvAll");
        assertThat(model.description()).isEqualTo("a b");
        assertThat(model.expect()).hasValue(ExpectedVerdict.BREACH);
        assertThat(model.imsic().harts()).isEqualTo(new Harts(2, 2));
        assertThat(model.imsic().guestFiles()).isEqualTo(3);
        assertThat(model.imsic().supervisorIds()).isEqualTo(127);
        assertThat(model.imsic().placement().supervisorShift()).isEqualTo(14);
        assertThat(model.iommus().get(0).msi()).isEqualTo(MsiTranslationMode.FLAT);
        assertThat(model.iommus().get(0).covers()).containsExactly("pci0");
        assertThat(model.iommus().get(1).covers()).isEmpty();
        assertThat(model.hypervisor().orElseThrow().traps(StorageKind.MSIX)).isTrue();
        assertThat(model.hypervisor().orElseThrow().traps(StorageKind.MSI)).isFalse();
        assertThat(model.hostStacks().get(0).alloc()).isEqualTo(2);
        assertThat(model.guests().get(0).stacks().get(0).storage()).isEqualTo(StorageKind.MSIX);
        assertThat(RiscvModelTable.encode(model)).isEqualTo(TABLE);
        assertThat(RiscvModelTable.decode(TABLE.substring(0, 100), TABLE.substring(100))).isEqualTo(model);
    }

    @Test
    void anotherArchitecturesTableOrATruncatedOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RiscvModelTable.decode("irqtopo-arm64-model 1\nend\n"));
        assertThrows(IllegalArgumentException.class, () -> RiscvModelTable.decode(TABLE.substring(0, TABLE.length() - 4)));
        assertThrows(IllegalArgumentException.class, () -> RiscvModelTable.decode(TABLE + "end\n"));
        assertThrows(IllegalArgumentException.class, () -> RiscvModelTable.decode(TABLE.replace("flat", "posted")));
        assertThrows(IllegalArgumentException.class, () -> RiscvModelTable.decode(TABLE.replace("kvm", "xen")));
    }

    @Test
    void aGeometryTheAiaForbidsIsRefused() {
        // 64 identities is not 64k - 1
        assertThrows(IllegalArgumentException.class, () -> RiscvModelTable.decode(TABLE.replace("imsic 3 63", "imsic 3 64")));
    }
}
