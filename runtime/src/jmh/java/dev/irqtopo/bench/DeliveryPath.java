package dev.irqtopo.bench;

import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hcallStack;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsQueue;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withPosted;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.runtime.Kernel;

import java.util.List;

/**
 * The delivery paths the firing benchmark covers, each a platform with one device whose {@code SLOTS}
 * slots are all allocated, and the kernel whose handler every slot must reach.
 */
public enum DeliveryPath {

    /** A host MSI-X table remapped by a VT-d entry to a host vector. */
    HOST_MSIX_VTD("nic", BusDomainKind.MSIX, Kernel.HOST) {
        @Override
        PlatformModel model() {
            return platform("host-msix-vtd").cpus(16, ApicMode.X2APIC).vtd("dmar0")
                    .bus("pci0", device("nic", "03:00.0", msix(SLOTS)))
                    .host(remapStack("nic", StorageKind.MSIX, "dmar0", SLOTS))
                    .build();
        }
    },

    /** A guest's trapped MSI-X store, translated onto a host vector whose handler injects the guest vector. */
    GUEST_FORWARDED("vf", BusDomainKind.MSIX, "vm0") {
        @Override
        PlatformModel model() {
            return platform("guest-forwarded").cpus(16, ApicMode.X2APIC).vtd("dmar0")
                    .hypervisor(hypervisorWith(true, false, false, StorageKind.MSI, StorageKind.MSIX))
                    .bus("pci0", device("vf", "03:00.1", msix(SLOTS)))
                    .guest("vm0", 8, List.of("vf"), stack("vf", StorageKind.MSIX, SLOTS))
                    .build();
        }
    },

    /** The same trapped store with posting on: the VT-d entry posts straight to the vCPU. */
    POSTED("vf", BusDomainKind.MSIX, "vm0") {
        @Override
        PlatformModel model() {
            return platform("posted").cpus(16, ApicMode.X2APIC).iommu(withPosted(vtdUnit("dmar0")))
                    .hypervisor(hypervisorWith(true, false, false, StorageKind.MSI, StorageKind.MSIX))
                    .bus("pci0", device("vf", "03:00.1", msix(SLOTS)))
                    .guest("vm0", 8, List.of("vf"), stack("vf", StorageKind.MSIX, SLOTS))
                    .build();
        }
    },

    /** A guest IMS queue slot holding the message the compose hypercall returned, forwarded by a host vector. */
    HCALL_IMS("adi", BusDomainKind.IMS, "vm0") {
        @Override
        PlatformModel model() {
            return platform("hcall-ims").cpus(16, ApicMode.X2APIC).vtd("dmar0")
                    .hypervisor(hypervisorWith(true, true, false, StorageKind.MSI, StorageKind.MSIX))
                    .bus("pci0", device("adi", "03:00.2", imsQueue(SLOTS)))
                    .guest("vm0", 8, List.of("adi"), hcallStack("adi", StorageKind.IMS_QUEUE, SLOTS))
                    .build();
        }
    };

    /** Slots per device, all allocated: a power of two, so the benchmarks cycle through them with a mask. */
    static final int SLOTS = 256;

    final String device;
    final BusDomainKind busDomain;
    /** The kernel whose handler a fired slot must reach. */
    final String kernel;

    DeliveryPath(String device, BusDomainKind busDomain, String kernel) {
        this.device = device;
        this.busDomain = busDomain;
        this.kernel = kernel;
    }

    abstract PlatformModel model();
}
