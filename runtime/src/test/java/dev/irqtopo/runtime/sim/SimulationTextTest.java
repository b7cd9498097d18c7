package dev.irqtopo.runtime.sim;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.AllocatedInterrupt;
import dev.irqtopo.runtime.Allocation;
import dev.irqtopo.runtime.StackResult;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.DeliveryMode;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.remap.FaultReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * {@code simulate}'s text, whole, for one interrupt of every outcome: the delivery column stays aligned,
 * the host side and a posted entry show in their columns, and a slot that sent nothing says why.
 */
class SimulationTextTest {

    /**
     * Slot {@code slot} of a guest stack: slot 0 was never written, slot 2 uses entry 7 and slot 3 entry 8,
     * which posts; slots 2 and up have a host interrupt behind them.
     */
    private static InterruptReport fired(int slot, Delivery delivery) {
        Message message = Message.compatibility(slot, 0x21);
        OptionalInt entry = slot == 2 ? OptionalInt.of(7) : slot == 3 ? OptionalInt.of(8) : OptionalInt.empty();
        Optional<HostInterrupt> host = slot < 2 ? Optional.empty()
                : Optional.of(new HostInterrupt(40 + slot, slot % 2, 2 * (slot % 2), 0x30 + slot, slot == 3));
        return new InterruptReport(new AllocatedInterrupt(slot, 24 + slot, slot, 0x21, entry, message),
                slot == 0 ? Optional.empty() : Optional.of(message), delivery, host,
                slot == 0 ? Optional.of(NotSentReason.NEVER_WRITTEN) : Optional.empty());
    }

    @Test
    void everyOutcomeInOneTable() {
        List<Delivery> outcomes = List.of(Delivery.notSent(), Delivery.memoryWrite(),
                new Delivery.Fault(FaultReason.VTD_SOURCE_VALIDATION), new Delivery.Delivered("vm0", 3, 0x21, 27),
                new Delivery.Special(1, DeliveryMode.NMI), new Delivery.Special(0, DeliveryMode.EXTINT),
                new Delivery.Spurious(OptionalInt.of(1), 0x40), new Delivery.Spurious(OptionalInt.of(0), 0x05),
                new Delivery.Spurious(OptionalInt.empty(), 0x21),
                new Delivery.Spurious(OptionalInt.empty(), OptionalInt.empty(), DeliveryMode.SMI),
                new Delivery.Broadcast(OptionalInt.of(0x21), DeliveryMode.FIXED),
                new Delivery.Broadcast(OptionalInt.empty(), DeliveryMode.INIT));
        List<InterruptReport> irqs = new ArrayList<>();
        for (int slot = 0; slot < outcomes.size(); slot++) {
            irqs.add(fired(slot, outcomes.get(slot)));
        }
        StackReport stack = new StackReport(new StackResult("vm0", "vf", BusDomainKind.IMS, List.of("vector", "ims"), true,
                Allocation.of(irqs.stream().map(InterruptReport::interrupt).toList())), irqs);

        assertThat(SimulationText.render(List.of(new SimulationReport("Outcomes", List.of(stack))))).isEqualTo("""
                platform Outcomes
                  vm0: stack vf.ims: vector -> ims  12 interrupts
                    slot  virq  cpu  vector  entry     host cpu  apic id  host vector  composed                       stored                         delivery
                    0     24    0    0x21    -         -         -        -            0x00000000fee00000 0x00000021  -                              not_sent (never written)
                    1     25    1    0x21    -         -         -        -            0x00000000fee01000 0x00000021  0x00000000fee01000 0x00000021  memory_write
                    2     26    2    0x21    7         0         0x00     0x32         0x00000000fee02000 0x00000021  0x00000000fee02000 0x00000021  fault 0x26
                    3     27    3    0x21    8 posted  1         0x02     0x33         0x00000000fee03000 0x00000021  0x00000000fee03000 0x00000021  delivered vm0 cpu 3 vector 0x21 virq 27
                    4     28    4    0x21    -         0         0x00     0x34         0x00000000fee04000 0x00000021  0x00000000fee04000 0x00000021  nmi to host cpu 1
                    5     29    5    0x21    -         1         0x02     0x35         0x00000000fee05000 0x00000021  0x00000000fee05000 0x00000021  extint to host cpu 0
                    6     30    6    0x21    -         0         0x00     0x36         0x00000000fee06000 0x00000021  0x00000000fee06000 0x00000021  spurious cpu 1 vector 0x40
                    7     31    7    0x21    -         1         0x02     0x37         0x00000000fee07000 0x00000021  0x00000000fee07000 0x00000021  spurious cpu 0 vector 0x05 (illegal vector)
                    8     32    8    0x21    -         0         0x00     0x38         0x00000000fee08000 0x00000021  0x00000000fee08000 0x00000021  spurious vector 0x21 (no CPU has that APIC ID)
                    9     33    9    0x21    -         1         0x02     0x39         0x00000000fee09000 0x00000021  0x00000000fee09000 0x00000021  spurious smi (no CPU has that APIC ID)
                    10    34    10   0x21    -         0         0x00     0x3a         0x00000000fee0a000 0x00000021  0x00000000fee0a000 0x00000021  broadcast vector 0x21 to every host cpu
                    11    35    11   0x21    -         1         0x02     0x3b         0x00000000fee0b000 0x00000021  0x00000000fee0b000 0x00000021  broadcast init to every host cpu
                """);
    }

    @Test
    void failedStacksHaveNoTable() {
        StackReport uncreated = new StackReport(new StackResult("vm0", "vf", BusDomainKind.IMS, List.of("vector", "ims"),
                false, Allocation.failed(Errno.EOPNOTSUPP)), List.of());
        StackReport full = new StackReport(new StackResult("host", "nic", BusDomainKind.MSIX, List.of("vector", "msix"),
                true, Allocation.failed(Errno.ENOSPC)), List.of());

        assertThat(SimulationText.render(List.of(new SimulationReport("Failed", List.of(full, uncreated)))))
                .isEqualTo("""
                        platform Failed
                          host: stack nic.msix: vector -> msix  allocation failed: ENOSPC
                          vm0: stack vf.ims: vector -> ims  domain creation failed: EOPNOTSUPP
                        """);
    }
}
