package dev.irqtopo.runtime.arm64;

import java.util.OptionalLong;
import java.util.Set;

/**
 * What a device's DMA write reaches, by who translates it:
 * <ul>
 *   <li>{@link Kind#PHYSICAL}: no SMMU covers its bus; the address is physical.</li>
 *   <li>{@link Kind#HOST_DOMAIN}: an SMMU in the host's DMA domain. {@code iommu_dma_prepare_msi}
 *       (dma-iommu.c) maps the 4 KiB page of the device's own MSI doorbell; the model places it at
 *       its physical address (Linux takes an IOVA from the domain's allocator, which changes no
 *       reach). Any other doorbell page is unmapped: a fault. Other addresses are memory.</li>
 *   <li>{@link Kind#VFIO_DOMAIN}: an SMMU in the domain VFIO gives a guest's device. Its addresses are
 *       the guest's physical ones; the SMMU driver reserves the software MSI window
 *       {@code [MSI_IOVA_BASE, +MSI_IOVA_LENGTH)} = [0x08000000, 0x08100000)
 *       ({@code IOMMU_RESV_SW_MSI}, arm-smmu-v3.c), where {@code iommu_dma_get_msi_page} maps
 *       doorbell pages from its start: the device's own doorbell page at 0x08000000. Any other
 *       address in the window is unmapped: a fault. Other addresses are guest memory.</li>
 * </ul>
 * The model gives each assigned device a domain of its own; a VFIO container shared by several
 * devices of one guest maps each of their doorbell pages in one window, which is not modelled.
 *
 * @param doorbell the device's own MSI doorbell (physical), or -1 when it has none
 */
public record DeviceDma(Kind kind, long doorbell) {

    public static final long PAGE = 0x1000;
    public static final long MSI_IOVA_BASE = 0x0800_0000L;
    public static final long MSI_IOVA_LENGTH = 0x10_0000L;

    public enum Kind { PHYSICAL, HOST_DOMAIN, VFIO_DOMAIN }

    /** Where a write went after translation. */
    public sealed interface Target permits Physical, Fault, Memory {
    }

    /** On to physical address {@code address}. */
    public record Physical(long address) implements Target {
    }

    /** The SMMU maps nothing there. */
    public record Fault() implements Target {
    }

    /** Memory the SMMU maps (or that the model does not hold): no doorbell. */
    public record Memory() implements Target {
    }

    /** The translation of a write to {@code address}; {@code doorbellPages} are the pages of every doorbell. */
    public Target translate(long address, Set<Long> doorbellPages) {
        switch (kind) {
            case PHYSICAL:
                return new Physical(address);
            case HOST_DOMAIN:
                if (doorbell >= 0 && page(address) == page(doorbell)) {
                    return new Physical(address);
                }
                return doorbellPages.contains(page(address)) ? new Fault() : new Memory();
            default:
                if (address < MSI_IOVA_BASE || address >= MSI_IOVA_BASE + MSI_IOVA_LENGTH) {
                    return new Memory();
                }
                if (doorbell >= 0 && page(address) == MSI_IOVA_BASE) {
                    return new Physical(page(doorbell) + (address & (PAGE - 1)));
                }
                return new Fault();
        }
    }

    /** The address the device writes to reach physical {@code address} on its own doorbell page; empty when it cannot. */
    public OptionalLong addressOf(long address) {
        if (kind == Kind.PHYSICAL) {
            return OptionalLong.of(address);
        }
        if (doorbell < 0 || page(address) != page(doorbell)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(kind == Kind.HOST_DOMAIN ? address : MSI_IOVA_BASE + (address & (PAGE - 1)));
    }

    public static long page(long address) {
        return address & ~(PAGE - 1);
    }
}
