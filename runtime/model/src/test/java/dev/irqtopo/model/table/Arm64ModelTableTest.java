package dev.irqtopo.model.table;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.Arm64PlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.arm.EventIdOverflow;
import dev.irqtopo.model.arm.Mpidr;
import org.junit.jupiter.api.Test;

/** The arm64 model table: every record read back to the model it was written from, and text that is not a table refused. */
class Arm64ModelTableTest {

    private static final String TABLE = String.join("\n",
            "irqtopo-arm64-model 1",
            "platform p ArmAll a\\0020b",
            "expect breach",
            "cpus 2 2 0x0 0x100000000",
            "gic 4 16",
            "its its0 0x8090040 16 16 8 on ignored",
            "its its1 0x80b0040 20 8 8 off write_ignored",
            "v2m v2m0 0x8020040 80 16",
            "smmu 1 pci0",
            "hypervisor kvm 1 msix on",
            "bus pci0",
            "device pf 03:00.0 0 - - 1 msix 8 plain",
            "bus pci1",
            "device nic 01:00.0 0 - - 1 msi 4 maskable",
            "msi_map pci0 0xfff8 2 0x0 its0 0x0 0x10000 0x20000 its1 0x5 0x10",
            "host",
            "stack nic msi v2m0 2",
            "guest vm0 2 1 pf",
            "stack pf msix - 2",
            "end",
            "");

    @Test
    void aTableReadsBackToTheSameText() {
        Arm64PlatformModel model = Arm64ModelTable.decode(TABLE);
        assertThat(model.name()).isEqualTo("ArmAll");
        assertThat(model.description()).isEqualTo("a b");
        assertThat(model.cpus().mpidr(1)).isEqualTo(Mpidr.of(1, 0, 0, 0));
        assertThat(model.gic().its().get(1).eventIdOverflow()).isEqualTo(EventIdOverflow.WRITE_IGNORED);
        assertThat(model.gic().its().get(1).enabled()).isFalse();
        assertThat(model.msiMaps().get("pci0").mask()).isEqualTo(0xfff8);
        assertThat(model.msiMaps().get("pci0").entries().get(1).controller()).isEqualTo("its1");
        assertThat(model.hypervisor().orElseThrow().traps(StorageKind.MSIX)).isTrue();
        assertThat(model.hypervisor().orElseThrow().vlpi()).isTrue();
        assertThat(model.hostStacks().get(0).controller()).hasValue("v2m0");
        assertThat(model.guests().get(0).stacks().get(0).controller()).isEmpty();
        assertThat(Arm64ModelTable.encode(model)).isEqualTo(TABLE);
        assertThat(Arm64ModelTable.decode(TABLE.substring(0, 100), TABLE.substring(100))).isEqualTo(model);
    }

    @Test
    void anX86TableOrATruncatedOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Arm64ModelTable.decode("irqtopo-model 2\nend\n"));
        assertThrows(IllegalArgumentException.class, () -> Arm64ModelTable.decode(TABLE.substring(0, TABLE.length() - 4)));
        assertThrows(IllegalArgumentException.class, () -> Arm64ModelTable.decode(TABLE + "end\n"));
    }
}
