package dev.irqtopo.compiler.check;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.compiler.TestSources.check;
import static dev.irqtopo.compiler.TestSources.positions;

import dev.irqtopo.compiler.SourceResult;
import dev.irqtopo.model.IoApicModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.table.ModelTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code ioapic} declaration: its checks, each at its place, and the model it becomes. */
class IoApicCheckTest {

    private static String platform(String ioapic) {
        return """
                platform P {
                    cpu x86 { cpus 2; }
                    iommu vtd dmar0 { }
                    %s
                    bus pci0 { device nic 03:00.0 { msix 4; } }
                    host { kernel linux 6.1; stack nic.msix: vector -> remap dmar0 -> msix alloc 2; }
                }
                """.formatted(ioapic);
    }

    @Test
    void withoutItsRequesterIdIsIrq062AtItsName() {
        assertThat(positions(platform("ioapic io0 { pins 1; }"))).containsExactly("4:12 IRQ062");
        assertThat(check(platform("ioapic io0 { pins 1; }")).diagnostics().get(0).message())
                .isEqualTo("an ioapic needs its requester id: the DMAR device scope's");
    }

    @Test
    void pinsOutside0To23AreIrq020() {
        assertThat(positions(platform("ioapic io0 ff:00.0 { pins 0, 23, 24, 0x100; }")))
                .containsExactly("4:38 IRQ020", "4:42 IRQ020").inOrder();
    }

    @Test
    void aPinGivenTwiceIsIrq024AtTheSecond() {
        assertThat(positions(platform("ioapic io0 ff:00.0 { pins 4, 1, 4; }"))).containsExactly("4:37 IRQ024");
    }

    @Test
    void aSecondPinsLineAndASecondIoapicAreIrq024() {
        assertThat(positions(platform("ioapic io0 ff:00.0 { pins 1; pins 4; } ioapic io1 ff:00.1 { }")))
                .containsExactly("4:34 IRQ024", "4:44 IRQ024").inOrder();
    }

    @Test
    void aDevicesRequesterIdIsIrq021() {
        assertThat(positions(platform("ioapic io0 03:00.0 { pins 1; }"))).containsExactly("5:27 IRQ021");
    }

    @Test
    void aRequesterIdOutOfRangeIsIrq020() {
        assertThat(positions(platform("ioapic io0 ff:20.0 { pins 1; }"))).containsExactly("4:16 IRQ020");
    }

    @Test
    void itsNameSharesThePlatformsNamespace() {
        assertThat(positions(platform("ioapic nic ff:00.0 { }"))).containsExactly("5:23 IRQ010");
    }

    @Test
    void becomesTheModelsIoapicWithItsPinsAscending() {
        SourceResult result = check(platform("ioapic io0 ff:00.0 { pins 12, 1, 4; }"));
        var model = result.platforms().get(0);
        assertThat(model.ioapic()).hasValue(new IoApicModel("io0", RequesterId.of(0xff, 0, 0), List.of(1, 4, 12)));
        assertThat(model.ioapicRemapper().map(i -> i.name())).hasValue("dmar0");
        assertThat(ModelTable.decode(ModelTable.encode(model))).isEqualTo(model);
        assertThat(ModelTable.encode(model)).contains("\nioapic io0 ff:00.0 3 1 4 12\nhost\n");
    }

    @Test
    void withoutOneTheModelAndItsTableAreAsBefore() {
        var model = check(platform("")).platforms().get(0);
        assertThat(model.ioapic()).isEmpty();
        assertThat(model.ioapicRemapper()).isEmpty();
        assertThat(ModelTable.encode(model)).doesNotContain("ioapic");
    }
}
