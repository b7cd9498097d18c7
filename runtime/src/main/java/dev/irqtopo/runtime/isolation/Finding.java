package dev.irqtopo.runtime.isolation;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.Message;

import java.util.List;
import java.util.Objects;

/**
 * A breach: {@code guest} can write {@code message} into {@code device}'s {@code storage}, the device
 * emits it with {@code requesterId}, and it lands on an interrupt of {@code victim} ({@code "host"} or
 * another guest). The message is the lowest (by address, then data) of all that reach this victim.
 *
 * @param path each step the message takes, in words
 */
public record Finding(String guest, String device, BusDomainKind storage, String victim, Message message,
                      RequesterId requesterId, List<String> path) {

    public Finding {
        Objects.requireNonNull(guest);
        Objects.requireNonNull(device);
        Objects.requireNonNull(storage);
        Objects.requireNonNull(victim);
        Objects.requireNonNull(message);
        Objects.requireNonNull(requesterId);
        path = List.copyOf(path);
    }
}
