package dev.irqtopo.testing;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.runtime.Platform;
import dev.irqtopo.runtime.PlatformSnapshot;
import dev.irqtopo.runtime.remap.AmdViRemapEntry;
import dev.irqtopo.runtime.remap.RemapEntry;
import dev.irqtopo.runtime.remap.VtdRemapEntry;
import java.util.HashSet;
import java.util.Set;

/**
 * Delivery ownership (semantics section 6) on one snapshot: every allocated vector has exactly one
 * owning interrupt and every interrupt owns its vector; the irq numbers in use are exactly the
 * interrupts'; every allocated remap entry is filled and delivers to a host vector that an interrupt
 * owns; and there are exactly as many entries as host interrupts that use one.
 */
public final class OwnershipInvariant {

    private OwnershipInvariant() {
    }

    public static void check(Platform platform, PlatformSnapshot snapshot) {
        int hostInterruptsWithEntries = 0;
        Set<String> hostOwnedVectors = new HashSet<>();
        for (PlatformSnapshot.KernelState kernel : snapshot.kernels()) {
            Set<Integer> owners = new HashSet<>();
            for (PlatformSnapshot.VectorState v : kernel.vectors()) {
                assertWithMessage("%s CPU %s vector %s allocated and owned", kernel.kernel(), v.cpu(), v.vector())
                        .that(v.allocated() && v.ownerVirq() >= 0).isTrue();
                assertWithMessage("%s irq %s owns one vector", kernel.kernel(), v.ownerVirq()).that(owners.add(v.ownerVirq())).isTrue();
                if (kernel.kernel().equals("host")) {
                    hostOwnedVectors.add(platform.host().apicId(v.cpu()) + "/" + v.vector());
                }
            }
            assertWithMessage("%s irq numbers", kernel.kernel()).that(owners).containsExactlyElementsIn(kernel.virqs());
            assertWithMessage("%s interrupts", kernel.kernel()).that(kernel.interrupts()).hasSize(owners.size());
            for (PlatformSnapshot.InterruptState irq : kernel.interrupts()) {
                assertWithMessage("%s irq %s owns its vector", kernel.kernel(), irq.virq())
                        .that(kernel.vectors()).contains(new PlatformSnapshot.VectorState(
                                irq.interrupt().cpu(), irq.interrupt().vector(), true, irq.virq()));
                if (kernel.kernel().equals("host") && irq.interrupt().remapIndex().isPresent()) {
                    hostInterruptsWithEntries++;
                }
            }
        }
        for (PlatformSnapshot.EntryState entry : snapshot.entries()) {
            RemapEntry e = entry.entry().orElseThrow(() -> new AssertionError("allocated entry " + entry.index() + " is empty"));
            int apicId = e instanceof VtdRemapEntry vtd ? vtd.destinationApicId() : ((AmdViRemapEntry) e).destination();
            assertWithMessage("entry %s targets an owned host vector", entry.index())
                    .that(hostOwnedVectors).contains(apicId + "/" + e.vector());
        }
        assertWithMessage("one entry per host interrupt using one").that(snapshot.entries()).hasSize(hostInterruptsWithEntries);
    }
}
