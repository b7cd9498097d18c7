package dev.irqtopo.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.irqtopo.truth.IrqtopoTruth.assertThat;

import dev.irqtopo.compiler.CheckResult;
import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.Errno;
import dev.irqtopo.runtime.Message;
import dev.irqtopo.runtime.isolation.IsolationReport;
import dev.irqtopo.runtime.isolation.Verification;
import dev.irqtopo.runtime.sim.InterruptReport;
import dev.irqtopo.runtime.sim.Simulation;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.StackReport;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What each sample's design says happens, checked by running it. */
class SampleScenariosTest {

    private static StackReport stack(SimulationReport report, String kernel, String device, BusDomainKind storage) {
        return report.stacks().stream()
                .filter(s -> s.kernel().equals(kernel) && s.device().equals(device) && s.storage() == storage)
                .findFirst().orElseThrow();
    }

    @Test
    void everySampleChecksWithoutErrors() throws IOException {
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.list(SampleFiles.DIRECTORY)) {
            names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".irqtopo"))
                    .map(n -> n.substring(0, n.length() - ".irqtopo".length())).sorted().toList();
        }
        assertThat(names).hasSize(10);
        for (String name : names) {
            CheckResult result = SampleFiles.check(name);
            assertThat(result.diagnostics().stream().filter(Diagnostic::isError).toList()).isEmpty();
        }
    }

    @Test
    void bareMetalComposesCompatibilityMessagesForEachCpu() {
        SimulationReport report = Simulation.run(SampleFiles.platform("bare-metal"));
        List<InterruptReport> nvme = stack(report, "host", "nvme", BusDomainKind.MSIX).interrupts();
        assertThat(nvme).hasSize(4);
        for (int slot = 0; slot < 4; slot++) {
            InterruptReport irq = nvme.get(slot);
            assertThat(irq.cpu()).isEqualTo(slot);
            assertThat(irq.composed()).isCompatibilityFormat();
            assertThat(irq.composed()).hasDestination(slot);
            assertThat(irq.delivery()).isDeliveredTo("host", slot, 0x21, 24 + slot);
        }
        assertThat(Verification.run(SampleFiles.platform("bare-metal"))).isIsolated();
    }

    @Test
    void remappingGivesMultiMessageMsiOneAlignedEntryBlock() {
        SimulationReport report = Simulation.run(SampleFiles.platform("iommu-remapping"));
        List<InterruptReport> ahci = stack(report, "host", "ahci", BusDomainKind.MSI).interrupts();
        assertThat(ahci).hasSize(4);
        for (int slot = 0; slot < 4; slot++) {
            InterruptReport irq = ahci.get(slot);
            assertThat(irq.remapIndex().getAsInt()).isEqualTo(4 + slot);
            assertThat(irq.composed()).isRemappable();
            assertThat(irq.stored().orElseThrow()).hasData(slot);
        }
    }

    @Test
    void aTrappedGuestStoreIsTranslatedIntoAHostRemapEntry() {
        SimulationReport report = Simulation.run(SampleFiles.platform("guest-trapped"));
        InterruptReport first = stack(report, "vm0", "vf", BusDomainKind.MSIX).interrupts().get(0);
        assertThat(first.composed()).isCompatibilityFormat();
        assertThat(first.stored().orElseThrow()).isRemappable();
        assertThat(first.delivery()).isDeliveredTo("vm0", 0, 0x21, 24);
        assertThat(Verification.run(SampleFiles.platform("guest-trapped"))).isIsolated();
    }

    @Test
    void imsInQueueMemoryWithAHypercallIsIsolated() {
        SimulationReport report = Simulation.run(SampleFiles.platform("ims-in-guest"));
        StackReport ims = stack(report, "vm0", "nicvf", BusDomainKind.IMS);
        assertThat(ims.errno()).isEmpty();
        assertThat(ims.interrupts()).hasSize(16);
        for (InterruptReport irq : ims.interrupts()) {
            // the guest stores exactly what the hypervisor composed
            assertThat(irq.stored()).isEqualTo(Optional.of(irq.composed()));
            assertThat(irq.composed()).isRemappable();
            assertThat(irq.delivery().outcome()).isEqualTo("delivered");
        }
        assertThat(Verification.run(SampleFiles.platform("ims-in-guest"))).isIsolated();
    }

    @Test
    void imsInQueueMemoryWithoutAHypercallCannotBeCreated() {
        StackReport ims = stack(Simulation.run(SampleFiles.platform("ims-queue-no-hypercall")), "vm0", "vf1",
                BusDomainKind.IMS);
        assertThat(ims.created()).isFalse();
        assertThat(ims.errno()).hasValue(Errno.EOPNOTSUPP);
        assertThat(ims.interrupts()).isEmpty();
    }

    @Test
    void interfacesSharingARequesterIdReachEachOtherAndTheHost() {
        IsolationReport report = Verification.run(SampleFiles.platform("shared-requester-id"));
        assertThat(report).hasFindings(4);
        assertThat(report).hasBreach("vm0", "host", new Message(0xfee00010L, 0));
        assertThat(report).hasBreach("vm0", "vm1", new Message(0xfee00018L, 2));
        assertThat(report).hasBreach("vm1", "vm0", new Message(0xfee00018L, 1));
    }

    @Test
    void aGuestThatCannotDetectVirtualizationFaultsOnCompatBlocked() {
        StackReport ims = stack(Simulation.run(SampleFiles.platform("guest-unaware")), "vm0", "vf1", BusDomainKind.IMS);
        assertThat(ims.created()).isTrue();
        for (InterruptReport irq : ims.interrupts()) {
            assertThat(irq.stored()).isEqualTo(Optional.of(irq.composed()));
            assertThat(irq.delivery()).isFault("0x25");
        }
        assertThat(Verification.run(SampleFiles.platform("guest-unaware"))).isIsolated();
    }

    @Test
    void aHypercallComposedMsixNeedsNoTrap() {
        SimulationReport report = Simulation.run(SampleFiles.platform("hypercall-for-msix"));
        for (InterruptReport irq : stack(report, "vm0", "nic", BusDomainKind.MSIX).interrupts()) {
            assertThat(irq.stored()).isEqualTo(Optional.of(irq.composed()));
            assertThat(irq.delivery().outcome()).isEqualTo("delivered");
        }
        assertThat(Verification.run(SampleFiles.platform("hypercall-for-msix"))).isIsolated();
    }

    @Test
    void amdViTablesKeepFunctionsApartButNotInterfacesOfOneDevice() {
        IsolationReport report = Verification.run(SampleFiles.platform("amdvi-tables"));
        assertThat(report).hasFindings(1);
        assertThat(report).hasBreach("vm1", "host", new Message(0xfee00000L, 0));
        assertThat(report).hasNoBreach("vm0", "host");
    }

    @Test
    void postedEntriesDeliverStraightToTheGuest() {
        SimulationReport report = Simulation.run(SampleFiles.platform("posted"));
        List<InterruptReport> vf = stack(report, "vm0", "vf", BusDomainKind.MSIX).interrupts();
        assertThat(vf.get(0).delivery()).isDeliveredTo("vm0", 0, 0x21, 24);
        assertThat(vf.get(1).delivery()).isDeliveredTo("vm0", 1, 0x21, 25);
        assertThat(Verification.run(SampleFiles.platform("posted"))).isIsolated();
    }
}
