package dev.irqtopo.runtime.riscv64.isolation;

import dev.irqtopo.model.RequesterId;
import dev.irqtopo.runtime.message.Message;
import java.util.List;
import java.util.Objects;

/**
 * A breach: through {@code means} ({@code dma} for a function, the untrapped storage's kind for a
 * sub-device), {@code guest} makes {@code device} write {@code message} — the lowest, by address then
 * data, of all that reach {@code victim} — and it makes {@code identity} pending in {@code target} (an
 * interrupt file's word, or {@code mrif 0x…}), which is {@code victim}'s.
 *
 * @param route how the lowest write got there: {@code pass_through}, {@code translated}, {@code mrif}, {@code notice}
 * @param path  each step the write takes, in words
 */
public record RiscvFinding(String guest, String device, String means, String victim, RiscvFindingClass findingClass,
                           Message message, RequesterId requesterId, String target, int identity, String route,
                           List<String> path) {

    public RiscvFinding {
        Objects.requireNonNull(guest);
        Objects.requireNonNull(device);
        Objects.requireNonNull(means);
        Objects.requireNonNull(victim);
        Objects.requireNonNull(findingClass);
        Objects.requireNonNull(message);
        Objects.requireNonNull(requesterId);
        Objects.requireNonNull(target);
        Objects.requireNonNull(route);
        path = List.copyOf(path);
    }
}
