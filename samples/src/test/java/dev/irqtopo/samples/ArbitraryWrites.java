package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.isolation.Finding;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.testing.PropertyRuns;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a guest can do with a storage it writes without a trap (semantics §7): store any message into a
 * slot and make the device fire it. Each seeded case writes one message through the generated class's
 * raw-write method, fires the slot through its hardware view, and holds the outcome against the
 * platform's isolation report: a message that lands on another kernel's interrupt must be a reported
 * breach of that victim, and never below the reported counterexample, which is the lowest breaching
 * message.
 */
final class ArbitraryWrites {

    /** Seeded cases per storage: enough to hit every entry of the small sample tables many times. */
    static final int TRIES = 3000;

    /** Where the messages of one storage went: how many of each outcome, and how many hit each victim. */
    record Tally(Map<String, Integer> outcomes, Map<String, Integer> victims) {

        int count(String outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }

        int hits(String victim) {
            return victims.getOrDefault(victim, 0);
        }
    }

    private ArbitraryWrites() {
    }

    /**
     * Writes {@link #TRIES} drawn messages with {@code write}, fires each with {@code fire}, and checks
     * every landing on someone else's interrupt against {@code report}'s finding for (guest, device,
     * storage, victim).
     */
    static Tally check(IsolationReport report, String guest, String device, BusDomainKind storage,
                       Function<Message, Optional<Errno>> write, Supplier<Delivery> fire) {
        Map<String, AtomicInteger> outcomes = new TreeMap<>();
        Map<String, AtomicInteger> victims = new TreeMap<>();
        PropertyRuns.forEachSeed(TRIES, random -> {
            Message message = draw(random);
            assertWithMessage("write %s", message).that(write.apply(message)).isEmpty();
            Delivery delivery = fire.get();
            outcomes.computeIfAbsent(delivery.outcome(), o -> new AtomicInteger()).incrementAndGet();
            Optional<String> victim = victim(guest, delivery);
            if (victim.isEmpty()) {
                return;
            }
            victims.computeIfAbsent(victim.get(), v -> new AtomicInteger()).incrementAndGet();
            Optional<Finding> finding = report.findings().stream()
                    .filter(f -> f.guest().equals(guest) && f.device().equals(device) && f.means() == Means.of(storage)
                            && f.victim().equals(victim.get()))
                    .findFirst();
            assertWithMessage("%s reaches %s with %s (%s), which the isolation report misses", guest, victim.get(),
                    message, delivery).that(finding.isPresent()).isTrue();
            assertWithMessage("the reported lowest breaching message of %s by %s", victim.get(), guest)
                    .that(finding.get().message()).isAtMost(message);
        });
        Tally tally = new Tally(counts(outcomes), counts(victims));
        assertThat(tally.outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(TRIES);
        return tally;
    }

    /**
     * Whose interrupt a message the guest wrote landed on, when not the guest's own and not nobody's:
     * the kernel whose handler ran, or the host for a vector no handler owns on a host CPU.
     */
    static Optional<String> victim(String guest, Delivery delivery) {
        if (delivery instanceof Delivery.Delivered delivered) {
            return delivered.kernel().equals(guest) ? Optional.empty() : Optional.of(delivered.kernel());
        }
        if (delivery instanceof Delivery.Spurious spurious) {
            return spurious.cpu().isPresent() ? Optional.of("host") : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * A message drawn so that most draws mean something to the samples' small platforms. One in sixteen
     * is any 64-bit address with any data (nearly always a plain memory write); the others are in the
     * interrupt range and shaped, in equal parts, like a compatibility-format message (a small APIC ID,
     * sometimes extended destination bits, a device vector or any byte), a VT-d remappable one (a small
     * handle, sometimes any 16-bit one, sub-handle valid or not, a small sub-handle or any data) or an
     * AMD-Vi one (a small index, sometimes any). Every address and data bit still varies somewhere, so
     * the draws are arbitrary writes, only weighted towards the entries and vectors that exist.
     */
    static Message draw(Random random) {
        if (random.nextInt(16) == 0) {
            return Message.of(random.nextLong(), random.nextInt());
        }
        return switch (random.nextInt(3)) {
            case 0 -> compatibility(random);
            case 1 -> remappable(random);
            default -> amdVi(random);
        };
    }

    private static Message compatibility(Random random) {
        long address = Message.INTERRUPT_BASE
                | (long) random.nextInt(8) << 12
                | (random.nextInt(4) == 0 ? (long) random.nextInt(0x80) << 5 : 0)
                | (long) random.nextInt(2) << 3
                | (long) random.nextInt(2) << 2;
        int data = random.nextBoolean() ? 0x20 + random.nextInt(0x10) : random.nextInt(0x100);
        return Message.of(address, random.nextInt(8) == 0 ? random.nextInt() : data);
    }

    private static Message remappable(Random random) {
        int handle = random.nextInt(8) == 0 ? random.nextInt(0x1_0000) : random.nextInt(32);
        long address = Message.INTERRUPT_BASE
                | (long) (handle & 0x7FFF) << 5
                | 0x10
                | (long) random.nextInt(2) << 3
                | (long) (handle >> 15) << 2;
        int data = random.nextInt(8) == 0 ? random.nextInt() : random.nextInt(32);
        return Message.of(address, data);
    }

    private static Message amdVi(Random random) {
        long address = Message.INTERRUPT_BASE | (long) random.nextInt(2) << 2;
        int data = switch (random.nextInt(8)) {
            case 0 -> random.nextInt();
            case 1 -> random.nextInt(0x800);
            default -> random.nextInt(32);
        };
        return Message.of(address, data);
    }

    private static Map<String, Integer> counts(Map<String, AtomicInteger> counters) {
        Map<String, Integer> counts = new TreeMap<>();
        counters.forEach((key, n) -> counts.put(key, n.get()));
        return Map.copyOf(counts);
    }
}
