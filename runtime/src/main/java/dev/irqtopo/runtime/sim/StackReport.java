package dev.irqtopo.runtime.sim;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.message.Errno;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stack after boot.
 *
 * @param kernel  {@code "host"} or the guest's name
 * @param chain   the chain's elements as written
 * @param created false only when domain creation failed
 * @param errno   the creation or allocation failure; a failed stack has no interrupts
 */
public record StackReport(String kernel, String device, BusDomainKind storage, List<String> chain,
                          boolean created, Optional<Errno> errno, List<InterruptReport> interrupts) {

    public StackReport {
        Objects.requireNonNull(kernel);
        Objects.requireNonNull(device);
        Objects.requireNonNull(storage);
        chain = List.copyOf(chain);
        Objects.requireNonNull(errno);
        interrupts = List.copyOf(interrupts);
    }
}
