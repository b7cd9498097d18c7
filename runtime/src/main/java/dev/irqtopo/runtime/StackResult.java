package dev.irqtopo.runtime;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.message.Errno;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What booting did with one stack: whether its bus domain was created, and what its declared
 * {@code alloc} got.
 *
 * @param kernel     {@code "host"} or the guest's name
 * @param allocation the interrupts, or the errno of domain creation (when not created) or of the allocation
 */
public record StackResult(String kernel, String device, BusDomainKind storage, List<String> chain, boolean created,
                          Allocation allocation) {

    public StackResult {
        Objects.requireNonNull(kernel);
        Objects.requireNonNull(device);
        Objects.requireNonNull(storage);
        chain = List.copyOf(chain);
        Objects.requireNonNull(allocation);
        if (!created && allocation.succeeded()) {
            throw new IllegalArgumentException("a stack that was not created allocated nothing");
        }
    }

    /** The creation or allocation failure, if any. */
    public Optional<Errno> errno() {
        return allocation.errno();
    }
}
