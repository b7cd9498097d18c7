package dev.irqtopo.model.riscv;

import java.util.List;
import java.util.Objects;

/**
 * A RISC-V IOMMU: the buses whose functions' DMA it translates, and what the device contexts of the
 * functions assigned to guests do with writes to interrupt-file pages.
 *
 * @param msi     the device contexts' MSI translation
 * @param covers  the buses it covers, resolved (a sole IOMMU without {@code covers} covers every bus)
 */
public record RiscvIommuModel(String name, MsiTranslationMode msi, List<String> covers) {

    public RiscvIommuModel {
        Objects.requireNonNull(name);
        Objects.requireNonNull(msi);
        covers = List.copyOf(covers);
    }

    public boolean covers(String bus) {
        return covers.contains(bus);
    }
}
