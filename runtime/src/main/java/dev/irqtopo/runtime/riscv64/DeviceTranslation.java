package dev.irqtopo.runtime.riscv64;

import dev.irqtopo.model.riscv.DeviceContext;
import dev.irqtopo.model.riscv.IommuCapabilities;
import dev.irqtopo.model.riscv.MsiPtMode;
import dev.irqtopo.runtime.riommu.SecondStage;
import java.util.Objects;
import java.util.Optional;

/**
 * How a device's writes reach memory and the IMSICs: the IOMMU covering its bus (none: no translation
 * at all), whose device context it uses ({@code contextOwner}: the kernel owning the first function
 * with the requester id the IOMMU sees, since contexts are per requester id), the context's MSI part
 * and the second stage its non-MSI writes go through.
 *
 * @param word {@code none} (no IOMMU), {@code off}, {@code flat} or {@code mrif}
 */
public record DeviceTranslation(Optional<String> iommu, String word, String contextOwner, IommuCapabilities caps,
                                DeviceContext context, SecondStage stage) {

    public DeviceTranslation {
        Objects.requireNonNull(iommu);
        Objects.requireNonNull(word);
        Objects.requireNonNull(contextOwner);
        Objects.requireNonNull(caps);
        Objects.requireNonNull(context);
        Objects.requireNonNull(stage);
    }

    /** Whether the context recognises MSI pages at all (flat or mrif). */
    public boolean translatesMsis() {
        return caps.msiFlat() && context.mode() != MsiPtMode.OFF;
    }
}
