package dev.irqtopo.runtime.diff;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.runtime.arm64.isolation.Arm64Finding;
import dev.irqtopo.runtime.isolation.FindingClass;
import dev.irqtopo.runtime.isolation.Means;
import dev.irqtopo.runtime.riscv64.isolation.RiscvFinding;
import java.util.Objects;
import java.util.Optional;

/** What matches a part of the old design with the same part of the new one. */
public sealed interface Subject permits Subject.Declaration, Subject.Stack, Subject.Interrupt, Subject.Breach,
        Subject.Assignment {

    /** The subject for people: {@code iommu dmar0}, {@code host nic.msix slot 0}. */
    String text();

    /**
     * A declaration, by its part and name; the parts a platform has at most one of ({@code cpu},
     * {@code imsic}, {@code hypervisor}, {@code host}) have no name.
     */
    record Declaration(Part part, Optional<String> name) implements Subject {
        public Declaration {
            Objects.requireNonNull(part);
            Objects.requireNonNull(name);
        }

        static Declaration of(Part part, String name) {
            return new Declaration(part, Optional.of(name));
        }

        static Declaration of(Part part) {
            return new Declaration(part, Optional.empty());
        }

        @Override
        public String text() {
            return part.keyword() + name.map(n -> " " + n).orElse("");
        }
    }

    /** A stack, by the kernel that builds it ({@code "host"} or a guest), its device and its bus domain. */
    record Stack(String kernel, String device, BusDomainKind storage) implements Subject {
        public Stack {
            Objects.requireNonNull(kernel);
            Objects.requireNonNull(device);
            Objects.requireNonNull(storage);
        }

        @Override
        public String text() {
            return kernel + " " + device + "." + storage.keyword();
        }
    }

    /** An interrupt a stack allocated, by its stack and slot. */
    record Interrupt(Stack stack, int slot) implements Subject {
        public Interrupt {
            Objects.requireNonNull(stack);
        }

        @Override
        public String text() {
            return stack.text() + " slot " + slot;
        }
    }

    /**
     * A finding of {@code verify}, by who reaches whom through what and why; not by its counterexample,
     * which another design may lower or raise without the breach being another one. {@code means} and
     * {@code findingClass} are the words {@code verify} prints (x86: {@code dma}, {@code no-remapping};
     * arm64: {@code dma}, {@code shared-device-id}; riscv64: {@code dma}, {@code no-msi-translation}).
     */
    record Breach(String guest, String device, String means, String victim, String findingClass)
            implements Subject {
        public Breach {
            Objects.requireNonNull(guest);
            Objects.requireNonNull(device);
            Objects.requireNonNull(means);
            Objects.requireNonNull(victim);
            Objects.requireNonNull(findingClass);
        }

        public Breach(String guest, String device, Means means, String victim, FindingClass findingClass) {
            this(guest, device, means.keyword(), victim, findingClass.keyword());
        }

        static Breach of(dev.irqtopo.runtime.isolation.Finding finding) {
            return new Breach(finding.guest(), finding.device(), finding.means(), finding.victim(),
                    finding.findingClass());
        }

        static Breach of(Arm64Finding finding) {
            return new Breach(finding.guest(), finding.device(), finding.means(), finding.victim(),
                    finding.findingClass().keyword());
        }

        static Breach of(RiscvFinding finding) {
            return new Breach(finding.guest(), finding.device(), finding.means(), finding.victim(),
                    finding.findingClass().keyword());
        }

        @Override
        public String text() {
            return guest + " reaches " + victim + " through " + device + " " + means + ", class " + findingClass;
        }
    }

    /** A device assigned to a guest, by the guest and the device. */
    record Assignment(String guest, String device) implements Subject {
        public Assignment {
            Objects.requireNonNull(guest);
            Objects.requireNonNull(device);
        }

        @Override
        public String text() {
            return guest + " " + device;
        }
    }
}
