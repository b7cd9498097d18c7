package dev.irqtopo.runtime;

import dev.irqtopo.runtime.message.Errno;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an allocation request: either the errno of its first failure (and then nothing was
 * allocated), or every interrupt it allocated, in slot order.
 */
public record Allocation(Optional<Errno> errno, List<AllocatedInterrupt> interrupts) {

    public Allocation {
        Objects.requireNonNull(errno);
        interrupts = List.copyOf(interrupts);
        if (errno.isPresent() && !interrupts.isEmpty()) {
            throw new IllegalArgumentException("a failed allocation holds no interrupts");
        }
    }

    public static Allocation failed(Errno errno) {
        return new Allocation(Optional.of(errno), List.of());
    }

    public static Allocation of(List<AllocatedInterrupt> interrupts) {
        return new Allocation(Optional.empty(), interrupts);
    }

    public boolean succeeded() {
        return errno.isEmpty();
    }
}
