package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.irqtopo.model.StorageKind.IMS_DEVICE;
import static dev.irqtopo.model.StorageKind.MSI;
import static dev.irqtopo.model.StorageKind.MSIX;
import static dev.irqtopo.testing.PlatformBuilder.amdViUnit;
import static dev.irqtopo.testing.PlatformBuilder.device;
import static dev.irqtopo.testing.PlatformBuilder.hcallStack;
import static dev.irqtopo.testing.PlatformBuilder.hypervisorWith;
import static dev.irqtopo.testing.PlatformBuilder.imsDevice;
import static dev.irqtopo.testing.PlatformBuilder.msi;
import static dev.irqtopo.testing.PlatformBuilder.msix;
import static dev.irqtopo.testing.PlatformBuilder.platform;
import static dev.irqtopo.testing.PlatformBuilder.remapStack;
import static dev.irqtopo.testing.PlatformBuilder.stack;
import static dev.irqtopo.testing.PlatformBuilder.subDevice;
import static dev.irqtopo.testing.PlatformBuilder.vtdUnit;
import static dev.irqtopo.testing.PlatformBuilder.withEntries;
import static dev.irqtopo.testing.PlatformBuilder.withPosted;
import static dev.irqtopo.testing.PlatformBuilder.withRemappingOff;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.IommuModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.runtime.delivery.Delivery;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.vector.VectorMatrix;
import dev.irqtopo.testing.PlatformBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Makes every level of every chain fail, and a multi-interrupt request fail at each of its steps in
 * turn: before the request, filler stacks take vectors, guest vectors or remap entries until exactly
 * the steps before the chosen one can succeed. The failed request must return that level's errno and
 * leave the platform equal to its snapshot from before the request; once the fillers give their
 * space back, the same request must succeed and deliver, and freeing it must restore the clean
 * platform.
 */
class FaultInjectionTest {

    private static final int REQUEST = 3;
    private static final int MSI_BLOCK = 4;
    private static final int ENTRIES = 16;
    private static final AtomicInteger CASES = new AtomicInteger();

    @AfterAll
    static void report() {
        System.out.printf("fault injection: %d failed requests rolled back and retried%n", CASES.get());
    }

    @Test
    void aHostRequestThroughVtdFailsAtEachVectorAndEachEntryInTurn() {
        Fixture f = new Fixture(withEntries(vtdUnit("dmar0"), ENTRIES));
        List<Step> steps = new ArrayList<>();
        for (int j = 1; j <= REQUEST; j++) {
            steps.add(Step.hostVector(j));
            steps.add(Step.entry(j, "nicq", Errno.ENOMEM));
        }
        f.failEachStep(f.host("nic", BusDomainKind.MSIX), REQUEST, steps);
    }

    @Test
    void aHostRequestThroughAmdViFailsAtEachVectorAndEachEntryOfTheRequesterIdsTable() {
        // the filler is a sub-device of nic: it shares nic's requester id and so its table
        Fixture f = new Fixture(amdViUnit("dmar0", ENTRIES));
        List<Step> steps = new ArrayList<>();
        for (int j = 1; j <= REQUEST; j++) {
            steps.add(Step.hostVector(j));
            steps.add(Step.entry(j, "nicq", Errno.ENOSPC));
        }
        f.failEachStep(f.host("nic", BusDomainKind.MSIX), REQUEST, steps);
    }

    @Test
    void aHostRequestWithoutRemappingFailsAtEachVector() {
        Fixture f = new Fixture(null);
        List<Step> steps = new ArrayList<>();
        for (int j = 1; j <= REQUEST; j++) {
            steps.add(Step.hostVector(j));
        }
        f.failEachStep(f.host("nic", BusDomainKind.MSIX), REQUEST, steps);
    }

    @Test
    void multiMessageMsiFailsAtEachVectorThenAtTheEntryBlock() {
        for (IommuModel unit : List.of(withEntries(vtdUnit("dmar0"), ENTRIES), amdViUnit("dmar0", ENTRIES))) {
            Errno exhausted = unit.kind() == IommuKind.VTD ? Errno.ENOMEM : Errno.ENOSPC;
            Fixture f = new Fixture(unit);
            List<Step> steps = new ArrayList<>();
            for (int j = 1; j <= MSI_BLOCK; j++) {
                steps.add(Step.hostVector(j));
            }
            steps.add(new Step("an entry block with " + (MSI_BLOCK - 1) + " entries free", exhausted,
                    fx -> fx.leaveEntries("nicq", MSI_BLOCK - 1)));
            steps.add(new Step("an entry block with 4 entries free but none aligned", exhausted,
                    fx -> fx.fragmentEntries("nicq", Set.of(1, 2, 3, 5, 6, 9, 13, 14))));
            f.failEachStep(f.host("nic", BusDomainKind.MSI), MSI_BLOCK, steps);
        }
    }

    @Test
    void aGuestHypercallFailsAtItsGuestVectorAndPassesOnEachHostError() {
        List<IommuModel> units = new ArrayList<>(List.of(withEntries(vtdUnit("dmar0"), ENTRIES),
                withPosted(withEntries(vtdUnit("dmar0"), ENTRIES)), amdViUnit("dmar0", ENTRIES)));
        units.add(withRemappingOff(withEntries(vtdUnit("dmar0"), ENTRIES)));
        for (IommuModel unit : units) {
            Fixture f = new Fixture(unit);
            List<Step> steps = new ArrayList<>();
            for (int j = 1; j <= REQUEST; j++) {
                steps.add(Step.guestVector(j));
                steps.add(Step.hostVector(j));
                if (unit.remapping()) {
                    // vf's own table on AMD-Vi: the filler is its host-owned sub-device
                    steps.add(Step.entry(j, "vfq", unit.kind() == IommuKind.VTD ? Errno.ENOMEM : Errno.ENOSPC));
                }
            }
            f.failEachStep(f.guest("vf"), REQUEST, steps);
        }
    }

    @Test
    void requestsRefusedBeforeTheirFirstStepChangeNothing() {
        Fixture f = new Fixture(withEntries(vtdUnit("dmar0"), ENTRIES));
        Stack nicMsix = f.host("nic", BusDomainKind.MSIX);
        Stack nicMsi = f.host("nic", BusDomainKind.MSI);
        f.refused(nicMsix, 9, Errno.ENOSPC);   // more than the table's 8 slots
        f.refused(nicMsix, 0, Errno.EINVAL);
        f.refused(nicMsi, 16, Errno.ENOSPC);   // more than the capability's 8 messages
        assertThat(nicMsi.allocate(1).succeeded()).isTrue();
        f.refused(nicMsi, 1, Errno.EBUSY);     // MSI is in use
    }

    /** One step of a request and how to starve it: the resources it needs are left for the steps before it only. */
    private record Step(String name, Errno errno, Consumer<Fixture> starve) {

        /** The j-th host vector: j-1 host vectors left. */
        static Step hostVector(int j) {
            return new Step("host vector " + j, Errno.ENOSPC, f -> f.leaveHostVectors(j - 1));
        }

        /** The j-th guest vector: j-1 vectors left on vm0's vCPU. */
        static Step guestVector(int j) {
            return new Step("guest vector " + j, Errno.ENOSPC, f -> f.leaveGuestVectors(j - 1));
        }

        /** The j-th remap entry of the table {@code filler} shares: j-1 entries left. */
        static Step entry(int j, String filler, Errno errno) {
            return new Step("remap entry " + j, errno, f -> f.leaveEntries(filler, j - 1));
        }
    }

    /**
     * Two host CPUs, one IOMMU (or none), a hypervisor that traps nothing and offers the hypercall.
     * nic (03:00.0) is the host's target, vf (03:00.1) vm0's; fill takes host vectors without remap,
     * gfill vm0's vectors without hypercall, and the sub-devices nicq and vfq take entries of nic's and
     * vf's tables (on VT-d, of the one table). Booted, then everything freed: the clean state.
     */
    private static final class Fixture {
        private final IommuModel unit;
        private final Platform platform;
        private final PlatformSnapshot clean;

        Fixture(IommuModel unit) {
            this.unit = unit;
            PlatformBuilder builder = platform("Faults").apicIds(ApicMode.X2APIC, 0, 1)
                    .hypervisor(hypervisorWith(true, true, false));
            boolean remap = unit != null && unit.remapping();
            if (unit != null) {
                builder.iommu(unit);
            }
            PlatformBuilder.DeviceSpec nic = device("nic", "03:00.0", msix(8), msi(8));
            PlatformBuilder.DeviceSpec vf = device("vf", "03:00.1", msix(8));
            builder.bus("pci0", nic, subDevice("nicq", nic, 1, imsDevice(4096)), vf, subDevice("vfq", vf, 1, imsDevice(4096)),
                    device("fill", "04:00.0", imsDevice(4096)), device("gfill", "05:00.0", msix(2048)));
            List<StackModel> host = new ArrayList<>(List.of(stack("fill", IMS_DEVICE, 1)));
            if (remap) {
                host.addAll(List.of(remapStack("nic", MSIX, "dmar0", 1), remapStack("nic", MSI, "dmar0", 1),
                        remapStack("nicq", IMS_DEVICE, "dmar0", 1), remapStack("vfq", IMS_DEVICE, "dmar0", 1)));
            } else {
                host.addAll(List.of(stack("nic", MSIX, 1), stack("nic", MSI, 1)));
            }
            PlatformModel model = builder.host(host.toArray(StackModel[]::new))
                    .guest("vm0", 1, List.of("vf", "gfill"), hcallStack("vf", MSIX, 1), stack("gfill", MSIX, 1))
                    .build();
            platform = Platform.create(model);
            PlatformSnapshot unbooted = platform.snapshot();
            platform.boot();
            for (Stack s : platform.stacks()) {
                freeAll(s);
            }
            clean = platform.snapshot();
            assertWithMessage("booted and freed").that(clean).isEqualTo(unbooted);
        }

        Stack host(String device, BusDomainKind busDomain) {
            return platform.host().stack(device, busDomain).orElseThrow();
        }

        Stack guest(String device) {
            return platform.guest("vm0").orElseThrow().stack(device, BusDomainKind.MSIX).orElseThrow();
        }

        /** For each step: starve it, fail the request, compare, give the space back, succeed, free. */
        void failEachStep(Stack target, int count, List<Step> steps) {
            for (int k = 0; k < steps.size(); k++) {
                Step step = steps.get(k);
                String label = String.format("%s %s, step %d of %d: %s", describe(), target.chain(), k + 1, steps.size(), step.name());
                step.starve().accept(this);
                PlatformSnapshot before = platform.snapshot();

                Allocation failed = target.allocate(count);

                assertWithMessage("%s: errno", label).that(failed.errno()).hasValue(step.errno());
                assertWithMessage("%s: platform after the failed request", label).that(platform.snapshot()).isEqualTo(before);
                CASES.incrementAndGet();

                releaseFillers();
                Allocation retried = target.allocate(count);
                assertWithMessage("%s: the same request with space", label).that(retried.errno()).isEmpty();
                assertWithMessage("%s: interrupts", label).that(retried.interrupts()).hasSize(count);
                DeviceStorage storage = platform.hardware().storage(target.device(), target.busDomain());
                for (AllocatedInterrupt irq : retried.interrupts()) {
                    assertWithMessage("%s: slot %s", label, irq.slot()).that(storage.fire(irq.slot()))
                            .isEqualTo(new Delivery.Delivered(target.kernel().name(), irq.cpu(), irq.vector(), irq.virq()));
                }
                freeAll(target);
                assertWithMessage("%s: everything freed", label).that(platform.snapshot()).isEqualTo(clean);
            }
        }

        private String describe() {
            if (unit == null) {
                return "no IOMMU";
            }
            return unit.kind().keyword() + (unit.remapping() ? "" : " remapping off") + (unit.posted() ? " posted" : "");
        }

        void refused(Stack target, int count, Errno errno) {
            PlatformSnapshot before = platform.snapshot();
            assertWithMessage("%s of %s", count, target.device()).that(target.allocate(count).errno()).hasValue(errno);
            assertWithMessage("after refusing %s", count).that(platform.snapshot()).isEqualTo(before);
            CASES.incrementAndGet();
        }

        void leaveHostVectors(int left) {
            fill(host("fill", BusDomainKind.IMS), freeVectors("host") - left);
            assertThat(freeVectors("host")).isEqualTo(left);
        }

        void leaveGuestVectors(int left) {
            Stack gfill = platform.guest("vm0").orElseThrow().stack("gfill", BusDomainKind.MSIX).orElseThrow();
            fill(gfill, freeVectors("vm0") - left);
            assertThat(freeVectors("vm0")).isEqualTo(left);
        }

        void leaveEntries(String filler, int left) {
            fill(host(filler, BusDomainKind.IMS), freeEntries(filler) - left);
            assertThat(freeEntries(filler)).isEqualTo(left);
        }

        /** Fills the table, then gives back the entries at {@code free}. */
        void fragmentEntries(String filler, Set<Integer> free) {
            Stack stack = host(filler, BusDomainKind.IMS);
            fill(stack, freeEntries(filler));
            for (AllocatedInterrupt irq : stack.interrupts()) {
                if (free.contains(irq.remapIndex().orElseThrow())) {
                    assertThat(stack.free(irq.virq())).isEmpty();
                }
            }
            assertThat(freeEntries(filler)).isEqualTo(free.size());
        }

        private void fill(Stack filler, int count) {
            if (count > 0) {
                assertWithMessage("filling %s", filler.device()).that(filler.allocate(count).errno()).isEmpty();
            }
        }

        private void releaseFillers() {
            for (Stack s : platform.stacks()) {
                if (Set.of("fill", "gfill", "nicq", "vfq").contains(s.device())) {
                    freeAll(s);
                }
            }
        }

        private int freeVectors(String kernel) {
            PlatformSnapshot.KernelState state = platform.snapshot().kernels().stream()
                    .filter(k -> k.kernel().equals(kernel)).findFirst().orElseThrow();
            int cpus = kernel.equals("host") ? platform.host().cpus() : platform.guest(kernel).orElseThrow().cpus();
            return cpus * VectorMatrix.DEVICE_VECTORS_PER_CPU - (int) state.vectors().stream().filter(PlatformSnapshot.VectorState::allocated).count();
        }

        /** Free entries of the table {@code device} uses: VT-d's one table, or AMD-Vi's table of its requester id. */
        private int freeEntries(String device) {
            RequesterId rid = platform.model().device(device).orElseThrow().requesterId();
            long used = platform.snapshot().entries().stream()
                    .filter(e -> unit.kind() == IommuKind.VTD || e.table().orElseThrow().equals(rid))
                    .count();
            return unit.entries() - (int) used;
        }

        /** Frees every interrupt of {@code stack}; a multi-message MSI block goes with its first interrupt. */
        private static void freeAll(Stack stack) {
            for (List<AllocatedInterrupt> held = stack.interrupts(); !held.isEmpty(); held = stack.interrupts()) {
                assertThat(stack.free(held.get(0).virq())).isEmpty();
            }
        }
    }
}
