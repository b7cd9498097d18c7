package dev.irqtopo.runtime.arm64;

import dev.irqtopo.runtime.message.Result;
import java.util.List;

/**
 * The MSI parent domain a stack allocates through: an ITS (the host's, or a guest's virtual one) or
 * the GICv2m frames. An allocation that fails part-way gives back everything it took before it
 * returns the errno.
 */
public sealed interface MsiParent permits ItsParent, V2mParent {

    /** The interrupts of {@code request} in vector order, or the errno Linux returns. */
    Result<List<Taken>> allocate(MsiRequest request);

    /** Whether Linux sets {@code IRQ_DOMAIN_FLAG_ISOLATED_MSI} on this domain. */
    boolean isolatedMsi();
}
