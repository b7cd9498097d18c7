package dev.irqtopo.runtime.riscv64.sim;

import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.model.riscv.MsiPte;
import java.util.List;
import java.util.Objects;

/**
 * {@code irqtopo tables} on one riscv64 platform after boot: each RISC-V IOMMU's device contexts in use
 * with their MSI page tables, and each interrupt file's identities that a kernel took.
 */
public record RiscvTablesReport(String platform, List<IommuTables> iommus, List<FileIdentities> files) {

    public RiscvTablesReport {
        Objects.requireNonNull(platform);
        iommus = List.copyOf(iommus);
        files = List.copyOf(files);
    }

    /** One RISC-V IOMMU and the device contexts of the requester ids its covered functions' writes carry, in device_id order. */
    public record IommuTables(String unit, List<Context> contexts) {
        public IommuTables {
            Objects.requireNonNull(unit);
            contexts = List.copyOf(contexts);
        }
    }

    /**
     * One device context (RISC-V IOMMU specification, "Device-context fields").
     *
     * @param requesterId    the requester id the IOMMU sees; {@link #deviceId} is the device_id it indexes the
     *                       device directory with
     * @param devices        the functions whose writes carry it, in declaration order
     * @param owner          the kernel the context is built for: the owner of the first of them
     * @param msi            {@code off}, {@code flat} or {@code mrif}: what the context does with MSIs
     * @param msiptpPpn      {@code msiptp.PPN}, 0 when {@code msiptp.MODE} is Off
     * @param msiAddrMask    {@code msi_addr_mask}
     * @param msiAddrPattern {@code msi_addr_pattern}
     * @param ptes           the MSI page table, every entry in index order (V = 0 ones included)
     */
    public record Context(RequesterId requesterId, List<String> devices, String owner, String msi, long msiptpPpn,
                          long msiAddrMask, long msiAddrPattern, List<Pte> ptes) {
        public Context {
            Objects.requireNonNull(requesterId);
            devices = List.copyOf(devices);
            Objects.requireNonNull(owner);
            Objects.requireNonNull(msi);
            ptes = List.copyOf(ptes);
        }

        /** The device_id of a PCIe function: segment in bits 23:16, the RID (bus, device, function) in 15:0. */
        public long deviceId() {
            return (long) requesterId.segment() << 16 | requesterId.sourceId();
        }
    }

    /** MSI PTE {@code index} (the file number it translates) and its bits. */
    public record Pte(long index, MsiPte pte) {
        public Pte {
            Objects.requireNonNull(pte);
        }

        /** V, dw0 bit 0. */
        public int v() {
            return (int) (pte.dw0() & 1);
        }

        /** M, dw0 bits 2:1: 3 basic translate, 1 MRIF, 0 and 2 reserved. */
        public int m() {
            return (int) (pte.dw0() >>> 1 & 0b11);
        }

        /** {@code basic}, {@code MRIF}, {@code reserved}, or empty for V = 0 (the rest is the software's). */
        public String mode() {
            if (v() == 0) {
                return "";
            }
            return m() == 3 ? "basic" : m() == 1 ? "MRIF" : "reserved";
        }
    }

    /** One interrupt file with the identities taken in it, lowest first. */
    public record FileIdentities(InterruptFile file, String owner, List<Identity> identities) {
        public FileIdentities {
            Objects.requireNonNull(file);
            Objects.requireNonNull(owner);
            identities = List.copyOf(identities);
        }
    }

    /**
     * An identity a kernel took: {@code owner} is that kernel, {@code use} what for ({@code IPI},
     * {@code nic.msix slot 0 irq 1}, {@code vm0's fa.msi slot 0}, {@code MRIF notice of vm0 vcpu 0}).
     */
    public record Identity(int identity, String owner, String use) {
        public Identity {
            Objects.requireNonNull(owner);
            Objects.requireNonNull(use);
        }
    }
}
