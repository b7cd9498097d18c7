package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * seed-linux-6.1, seed-linux-6.6, seed-linux-6.12: the seed's design (IMS in queue memory composed by
 * hypercall) with host and guest running one Linux release. No Linux composes IMS by hypercall, so the
 * guest's IMS stack is never created; the physical function's IMS behind VT-d exists only in 6.6; and the
 * host, 8 xAPIC CPUs, names CPUs by flat logical ids in 6.1 and 6.6 and by APIC ID from 6.12.
 */
class SeedUnderLinuxTest {

    private final SeedLinux61 linux61 = SeedLinux61.boot();
    private final SeedLinux66 linux66 = SeedLinux66.boot();
    private final SeedLinux612 linux612 = SeedLinux612.boot();

    private static List<String> created(List<StackResult> boot) {
        return boot.stream().filter(StackResult::created).map(r -> r.kernel() + " " + r.device() + "."
                + r.storage().keyword()).toList();
    }

    private static VtdRemapEntry entry(Platform platform, int index) {
        return platform.hardware().vtdEntry("dmar0", index).orElseThrow();
    }

    @Test
    void noLinuxCreatesTheGuestsImsDomainAndOnly66CreatesTheHostsOwn() {
        assertThat(created(linux61.bootResults())).containsExactly("host nic.msix", "vm0 nicvf.msix").inOrder();
        assertThat(created(linux66.bootResults()))
                .containsExactly("host nic.msix", "host nic.ims", "vm0 nicvf.msix").inOrder();
        assertThat(created(linux612.bootResults())).containsExactly("host nic.msix", "vm0 nicvf.msix").inOrder();

        assertThat(linux61.vm0().nicvf().ims().allocate(1)).failedWith(Errno.EOPNOTSUPP);
        assertThat(linux61.host().nic().ims().allocate(1)).failedWith(Errno.EOPNOTSUPP);
        assertThat(linux66.host().nic().ims().interrupts()).hasSize(2);
        assertThat(linux612.host().nic().ims().allocate(1)).failedWith(Errno.EOPNOTSUPP);
    }

    @Test
    void linux61And66ProgramFlatLogicalEntriesWithTheRedirectionHint() {
        for (Platform platform : List.of(linux61.platform(), linux66.platform())) {
            for (int slot = 0; slot < 4; slot++) {
                AllocatedInterrupt irq = platform.host().interrupts().get(slot);
                VtdRemapEntry entry = entry(platform, irq.remapIndex().orElseThrow());
                assertThat(entry.logical()).isTrue();
                assertThat(entry.redirectionHint()).isTrue();
                // xAPIC: the 8-bit logical id 1 << cpu in bits 15:8 of the destination field
                assertThat(entry.destination()).isEqualTo((1 << irq.cpu()) << 8);
            }
        }
        // what the device stores is the remappable message of its entry, whatever the destination mode
        assertThat(linux61.host().nic().msix().interrupts().get(0).composed()).isRemappable();
        // CPU 0 holds dmar0's fault event (irq 24, 0x21), taken at boot: the nic's first interrupt goes to CPU 1
        assertThat(linux61.hardware().nic().msix().fire(0)).isDeliveredTo("host", 1, 0x21, 25);
    }

    @Test
    void linux612NamesCpusByApicIdAndHandsOutVector0x20() {
        AllocatedInterrupt first = linux612.host().nic().msix().interrupts().get(0);
        assertThat(first.vector()).isEqualTo(0x20);
        VtdRemapEntry entry = entry(linux612.platform(), first.remapIndex().orElseThrow());
        assertThat(entry.logical()).isFalse();
        assertThat(entry.redirectionHint()).isTrue();
        assertThat(entry.destination()).isEqualTo(first.cpu() << 8);
        assertThat(linux612.hardware().nic().msix().fire(0)).isDeliveredTo("host", first.cpu(), 0x20, first.virq());
        // 6.1 still hands out 0x21 first: 0x20 was its cleanup IPI's
        assertThat(linux61.host().nic().msix().interrupts().get(0).vector()).isEqualTo(0x21);
    }

    @Test
    void aForgedFlatLogicalMessageReachesEveryCpuItNamesWhereCompatibilityFormatPasses() {
        // compatibility format is blocked here (VT-d fault 0x25), logical or not
        Message logical = Message.of(0xFEE0_3004L, 0x21);
        assertThat(logical).isLogical();
        assertThat(linux61.hardware().nicvf().emit(logical)).isFault("0x25");
    }
}
