package dev.irqtopo.compiler.ast;

import dev.irqtopo.model.BusDomainKind;
import java.util.Objects;
import java.util.Optional;

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

    /** {@code gic} (arm64): the GIC's root domain, which owns the INTIDs (LPIs and SPIs). */
    record Gic(Pos at) implements Link {
    }

    /**
     * {@code its ITS} (arm64): the ITS domain of that unit, which allocates events and LPIs and composes;
     * in a guest {@code its} alone, the guest's virtual ITS.
     */
    record Its(Pos at, Optional<Name> its) implements Link {
        public Its {
            Objects.requireNonNull(its);
        }
    }

    /** {@code v2m FRAME} (arm64): the GICv2m domain of that frame, which allocates SPIs and composes. */
    record V2m(Pos at, Name frame) implements Link {
        public V2m {
            Objects.requireNonNull(frame);
        }
    }

    /** {@code imsic} (riscv64): the IMSIC domain, which allocates an identity in a hart's interrupt file and composes. */
    record Imsic(Pos at) implements Link {
    }
}
