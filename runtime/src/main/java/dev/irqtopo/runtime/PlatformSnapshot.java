package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.RemapEntry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The complete state of a platform as an immutable value: two snapshots are equal exactly when the
 * platforms would behave the same from here on (same vectors, irq numbers, interrupts, remap entries
 * and storage contents). Only what differs from reset is listed, in a fixed order.
 */
public record PlatformSnapshot(String platform, List<KernelState> kernels, List<EntryState> entries, List<StorageState> storages) {

    public PlatformSnapshot {
        Objects.requireNonNull(platform);
        kernels = List.copyOf(kernels);
        entries = List.copyOf(entries);
        storages = List.copyOf(storages);
    }

    /** One kernel: its irq numbers in use, its used or owned CPU vectors, and its interrupts by irq number. */
    public record KernelState(String kernel, List<Integer> virqs, List<VectorState> vectors, List<InterruptState> interrupts) {
        public KernelState {
            virqs = List.copyOf(virqs);
            vectors = List.copyOf(vectors);
            interrupts = List.copyOf(interrupts);
        }
    }

    /** A CPU vector the matrix has allocated, or that an interrupt owns, with the owner's irq number (-1: none). */
    public record VectorState(int cpu, int vector, boolean allocated, int ownerVirq) {
    }

    /** An interrupt, where it lives, and for a host-side one what it injects. */
    public record InterruptState(int virq, String description, AllocatedInterrupt interrupt, String injects) {
    }

    /** An allocated remap table index and its entry (empty while not filled); {@code table} names an AMD-Vi table. */
    public record EntryState(String iommu, Optional<RequesterId> table, int index, Optional<RemapEntry> entry) {
    }

    /** A storage with any slot that differs from reset, and the MSI messages enabled. */
    public record StorageState(String device, BusDomainKind storage, int enabled, List<SlotState> slots) {
        public StorageState {
            slots = List.copyOf(slots);
        }
    }

    /** A slot: what it holds, whether it is masked, and which interrupt ({@code "vm0 irq 24"}) uses it. */
    public record SlotState(int slot, Optional<Message> message, boolean masked, Optional<String> claimedBy) {
    }
}
