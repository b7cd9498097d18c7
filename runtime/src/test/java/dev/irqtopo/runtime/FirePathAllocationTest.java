package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.model.StorageKind.IMS_QUEUE;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hcallStack;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsQueue;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.delivery.Delivery;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Firing a slot through the full path (remapped, forwarded into a guest) allocates nothing once computed. */
class FirePathAllocationTest {

    @Test
    void firingUnchangedSlotsAllocatesNoBytes() {
        Platform platform = Platform.create(platform("Hot")
                .cpus(4, ApicMode.X2APIC)
                .vtd("dmar0")
                .hypervisor(hypervisorWith(true, true, false))
                .bus("pci0", device("nic", "03:00.0", msix(64)), device("vf", "03:00.1", imsQueue(64)))
                .host(remapStack("nic", MSIX, "dmar0", 64))
                .guest("vm0", 4, List.of("vf"), hcallStack("vf", IMS_QUEUE, 64))
                .build());
        platform.boot();
        Hardware hw = platform.hardware();
        DeviceStorage queue = hw.storage("vf", BusDomainKind.IMS);
        com.sun.management.ThreadMXBean threads = threadBean();
        long thread = Thread.currentThread().getId();
        int delivered = fireAll(hw, queue);   // computes and caches every delivery, and warms up

        long before = threads.getThreadAllocatedBytes(thread);
        for (int round = 0; round < 200; round++) {
            delivered += fireAll(hw, queue);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(delivered).isEqualTo(201 * 128);
        assertThat(allocated).isLessThan(1024L);
    }

    private static int fireAll(Hardware hw, DeviceStorage queue) {
        int delivered = 0;
        for (int slot = 0; slot < 64; slot++) {
            delivered += hw.fire("nic", BusDomainKind.MSIX, slot) instanceof Delivery.Delivered ? 1 : 0;
            delivered += queue.fire(slot) instanceof Delivery.Delivered ? 1 : 0;
        }
        return delivered;
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        return threads;
    }
}
