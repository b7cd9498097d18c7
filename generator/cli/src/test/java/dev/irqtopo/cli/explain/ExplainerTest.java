package dev.irqtopo.cli.explain;

import static com.google.common.truth.Truth.assertThat;

import dev.irqtopo.compiler.TestSources;
import dev.irqtopo.model.PlatformModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which domain does which step where, per stack, and what a trap or hypercall does. */
class ExplainerTest {

    private static List<StackExplanation> explain(String body) {
        List<PlatformModel> platforms = TestSources.check("package dev.x;\nplatform P {\n" + body + "}\n").platforms();
        assertThat(platforms).hasSize(1);
        return Explainer.explain(platforms.get(0));
    }

    @Test
    void aBareMetalStackComposesInTheVectorDomain() {
        StackExplanation stack = explain("    cpu x86 { cpus 2; }\n    bus pci0 { device ahci 00:1f.2 { msi 1; } }\n"
                + "    host { stack ahci.msi: vector -> msi; }\n").get(0);
        assertThat(stack.title()).isEqualTo("host: stack ahci.msi: vector -> msi alloc 1");
        assertThat(stack.labels().get(Part.TRANSLATION)).isEqualTo("[no IOMMU]");
        assertThat(stack.labels().get(Part.BUS)).isEqualTo("Bus pci0");
        assertThat(stack.labels().get(Part.DEVICE)).isEqualTo("[Device ahci]");
        assertThat(stack.cell(Step.ALLOC, Part.CPU)).isEqualTo("vector (CPU, vector)");
        assertThat(stack.cell(Step.ALLOC, Part.TRANSLATION)).isEmpty();
        assertThat(stack.cell(Step.COMPOSE, Part.CPU)).isEqualTo("vector (compatibility format)");
        assertThat(stack.cell(Step.STORE, Part.BUS)).isEqualTo("msi (capability)");
        assertThat(stack.cell(Step.USE, Part.TRANSLATION)).isEqualTo("passes");
        assertThat(stack.cell(Step.USE, Part.DEVICE)).isEqualTo("emits, as 00:1f.2");
        assertThat(stack.notes()).containsExactly(
                "Trap: none, and no hypercall: the host stores into its own device directly.",
                "Kernels: design, linux 6.12, linux 6.19: created, physical destinations; linux 6.1, linux 6.6: created,"
                        + " logical flat destinations. The host runs design.").inOrder();
    }

    @Test
    void vtdAndAmdViRemapDomainsComposeDifferently() {
        List<StackExplanation> stacks = explain("    cpu x86 { cpus 2; }\n    iommu vtd dmar0 { covers pci0; }\n"
                + "    iommu amdvi ivhd0 { covers pci1; }\n"
                + "    bus pci0 { device ahci 00:1f.2 { msi 8; } }\n    bus pci1 { device nvme 01:00.0 { msix 4; } }\n"
                + "    host {\n        stack ahci.msi: vector -> remap dmar0 -> msi alloc 4;\n"
                + "        stack nvme.msix: vector -> remap ivhd0 -> msix;\n    }\n");
        StackExplanation ahci = stacks.get(0);
        assertThat(ahci.labels().get(Part.TRANSLATION)).isEqualTo("[IOMMU dmar0]");
        assertThat(ahci.cell(Step.ALLOC, Part.TRANSLATION)).isEqualTo("remap dmar0 (entry block)");
        assertThat(ahci.cell(Step.COMPOSE, Part.TRANSLATION)).isEqualTo("remap dmar0 (remappable format)");
        assertThat(ahci.cell(Step.COMPOSE, Part.CPU)).isEmpty();
        assertThat(ahci.cell(Step.USE, Part.TRANSLATION)).isEqualTo("through dmar0");
        StackExplanation nvme = stacks.get(1);
        assertThat(nvme.labels().get(Part.TRANSLATION)).isEqualTo("[IOMMU ivhd0]");
        assertThat(nvme.cell(Step.ALLOC, Part.TRANSLATION)).isEqualTo("remap ivhd0 (entry)");
        assertThat(nvme.cell(Step.COMPOSE, Part.TRANSLATION)).isEqualTo("remap ivhd0 (entry index)");
    }

    @Test
    void aTrappedGuestStoreIsRewrittenByTheHypervisor() {
        StackExplanation stack = explain("    cpu x86 { cpus 2; apic x2apic; }\n    iommu vtd dmar0 { posted on; }\n"
                + "    hypervisor kvm { ext_dest_id on; }\n    bus pci0 { device vf 03:00.1 { msix 4; } }\n"
                + "    guest vm0 { cpus 2; assign vf; stack vf.msix: vector -> msix alloc 2; }\n").get(0);
        assertThat(stack.title()).isEqualTo("vm0: stack vf.msix: vector -> msix alloc 2");
        assertThat(stack.labels().get(Part.TRANSLATION)).isEqualTo("[hypervisor kvm | IOMMU dmar0]");
        assertThat(stack.cell(Step.ALLOC, Part.CPU)).isEqualTo("vector (vCPU, vector)");
        assertThat(stack.cell(Step.COMPOSE, Part.CPU)).isEqualTo("vector (compatibility format)");
        assertThat(stack.cell(Step.STORE, Part.TRANSLATION)).isEqualTo("hypervisor (rewrites)");
        assertThat(stack.cell(Step.STORE, Part.BUS)).isEqualTo("msix (trapped)");
        assertThat(stack.notes().get(0)).isEqualTo("Trap: the hypervisor intercepts the store into msix, reads the"
                + " destination as a vCPU (address bits 11:5 as destination bits 14:8) and the data as a guest vector,"
                + " allocates on the host (a host vector and an entry in dmar0, posted to the vCPU) and writes the host's"
                + " message into the real slot; a message naming no vCPU of vm0, or one the host cannot allocate for, is"
                + " dropped and the slot stays masked.");
        assertThat(stack.notes().get(1)).isEqualTo("Hypercall: none in this stack.");
    }

    @Test
    void aHypercallComposesOnTheHostAndTheStorePassesUnchanged() {
        StackExplanation stack = explain("    cpu x86 { cpus 2; }\n    hypervisor kvm { hypercall compose; }\n"
                + "    bus pci0 { device dev 03:00.0 { msix 4; } device adi of dev pasid 7 { ims queue 8; } }\n"
                + "    guest vm0 { cpus 1; assign adi; stack adi.ims: vector -> hcall -> ims; }\n").get(0);
        assertThat(stack.labels().get(Part.TRANSLATION)).isEqualTo("[hypervisor kvm]");
        assertThat(stack.cell(Step.ALLOC, Part.TRANSLATION)).isEqualTo("hcall (host allocates)");
        assertThat(stack.cell(Step.COMPOSE, Part.TRANSLATION)).isEqualTo("hcall (host's message)");
        assertThat(stack.cell(Step.COMPOSE, Part.CPU)).isEmpty();
        assertThat(stack.cell(Step.STORE, Part.BUS)).isEqualTo("ims (as returned)");
        assertThat(stack.cell(Step.USE, Part.DEVICE)).isEqualTo("emits, as 03:00.0 pasid 7");
        assertThat(stack.notes()).containsExactly(
                "Hypercall: once vm0's vector domain has chosen a vCPU and vector, the hypervisor allocates on the host"
                        + " for 03:00.0 pasid 7 (a host vector) and returns the composed message, or the host's errno,"
                        + " after which vm0 rolls back.",
                "Trap: none for ims queue, so the store reaches the device as written.",
                "Kernels: design: created; linux 6.1, linux 6.6, linux 6.12, linux 6.19: not created, no hypercall"
                        + " composes it. vm0 runs design.").inOrder();
    }

    @Test
    void queueMemoryWithoutAHypercallInAnAwareGuestIsNotCreated() {
        StackExplanation stack = explain("    cpu x86 { cpus 2; }\n    hypervisor kvm { }\n"
                + "    bus pci0 { device vf 03:00.1 { ims queue 8; } }\n"
                + "    guest vm0 { cpus 1; assign vf; stack vf.ims: vector -> ims; }\n").get(0);
        assertThat(stack.notes().get(0)).startsWith("Domain creation fails with EOPNOTSUPP: vm0 knows it is virtualized");
        assertThat(stack.cell(Step.STORE, Part.BUS)).isEqualTo("ims (untranslated)");
    }

    @Test
    void stacksComeInBootOrder() {
        List<StackExplanation> stacks = explain("    cpu x86 { cpus 2; }\n    hypervisor kvm { }\n"
                + "    bus pci0 { device a 01:00.0 { msix 1; } device b 01:00.1 { msix 1; } device c 01:00.2 { msix 1; } }\n"
                + "    guest g2 { cpus 1; assign c; stack c.msix: vector -> msix; }\n"
                + "    host { stack b.msix: vector -> msix; stack a.msix: vector -> msix; }\n");
        assertThat(stacks.stream().map(StackExplanation::title).toList()).containsExactly(
                "host: stack b.msix: vector -> msix alloc 1", "host: stack a.msix: vector -> msix alloc 1",
                "g2: stack c.msix: vector -> msix alloc 1").inOrder();
    }

    @Test
    void behindABridgeTheBridgeHandsTheIommuItsAlias() {
        StackExplanation stack = explain("    cpu x86 { cpus 2; }\n    iommu vtd dmar0 { }\n"
                + "    bus pci0 { bridge br0 00:1c.4 { device old 07:01.0 { msi 1; } } }\n"
                + "    host { stack old.msi: vector -> remap dmar0 -> msi; }\n").get(0);
        assertThat(stack.labels().get(Part.BRIDGE)).isEqualTo("[Bridge br0]");
        assertThat(stack.cell(Step.USE, Part.BRIDGE)).isEqualTo("as alias 07:00.0");
        assertThat(stack.cell(Step.USE, Part.DEVICE)).isEqualTo("emits, as 07:01.0");
    }
}
