package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.BusDomainKind;
import java.util.Objects;

/** One element of a stack's chain. */
public sealed interface Link {

    /** Where the link's first word is. */
    Pos at();

    /** {@code vector}: the kernel's vector domain. */
    record Vector(Pos at) implements Link {
    }

    /** {@code remap IOMMU}: the host's remap domain of that IOMMU. */
    record Remap(Pos at, Name iommu) implements Link {
        public Remap {
            Objects.requireNonNull(iommu);
        }
    }

    /** {@code hcall}: a guest's hypercall domain. */
    record Hcall(Pos at) implements Link {
    }

    /** {@code msi}, {@code msix} or {@code ims}: a bus domain. */
    record Bus(Pos at, BusDomainKind kind) implements Link {
        public Bus {
            Objects.requireNonNull(kind);
        }
    }
}
