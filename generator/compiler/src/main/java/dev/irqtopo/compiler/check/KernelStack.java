package dev.irqtopo.compiler.check;

import dev.irqtopo.compiler.ast.Defaults;
import dev.irqtopo.compiler.ast.DeviceDecl;
import dev.irqtopo.compiler.ast.GuestDecl;
import dev.irqtopo.compiler.ast.Platform;
import dev.irqtopo.compiler.ast.PlatformIndex;
import dev.irqtopo.compiler.ast.StackDecl;
import dev.irqtopo.compiler.ast.StorageDecl;
import dev.irqtopo.model.HypervisorKind;
import dev.irqtopo.model.HypervisorModel;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StackPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stack and the kernel that builds it: the host (no guest) or a guest.
 */
record KernelStack(StackDecl stack, Optional<GuestDecl> guest) {

    /** The host's stacks, then each guest's, in source order within each kernel. */
    static List<KernelStack> all(Platform platform) {
        List<KernelStack> stacks = new ArrayList<>();
        platform.hostStacks().forEach(s -> stacks.add(new KernelStack(s, Optional.empty())));
        for (GuestDecl guest : platform.guests()) {
            guest.stacks().forEach(s -> stacks.add(new KernelStack(s, Optional.of(guest))));
        }
        return stacks;
    }

    boolean isHost() {
        return guest.isEmpty();
    }

    /** {@code the host} or {@code guest vm0}, for messages. */
    String kernel() {
        return guest.map(g -> "guest " + g.name().text()).orElse("the host");
    }

    /** The device the stack names, when it names a declared device. */
    Optional<DeviceDecl> device(PlatformIndex index) {
        return stack.device().keyword() ? Optional.empty() : index.device(stack.device().text());
    }

    /** The device's storage that the stack's bus domain stores into, when both exist. */
    Optional<StorageDecl> storage(PlatformIndex index) {
        return device(index).flatMap(d -> PlatformIndex.storage(d, stack.busDomain().value()));
    }

    /**
     * What the runtime will do with the stack, as {@link StackPlan} decides it for the runtime and the
     * checker alike; present when the device and its storage exist. Ask only for a stack without errors:
     * its values then make a model.
     */
    Optional<StackPlan> plan(PlatformIndex index) {
        // a guest without a hypervisor is IRQ031's; its stack is judged as under one with every default,
        // whose kind the language makes descriptive only
        Optional<HypervisorModel> hypervisor = index.hypervisor().map(Defaults::hypervisor)
                .or(() -> isHost() ? Optional.empty() : Optional.of(Defaults.hypervisor(HypervisorKind.KVM, List.of())));
        return storage(index).map(s -> StackPlan.of(isHost(), hypervisor, new StackModel(stack.device().text(),
                s.kind(), stack.remap().map(r -> r.iommu().text()), stack.hcall().isPresent(), Defaults.alloc(stack)),
                profile(index)));
    }

    /** The profile of the kernel that builds the stack. */
    KernelProfile profile(PlatformIndex index) {
        return Defaults.kernel(guest.map(GuestDecl::kernels).orElseGet(() -> index.platform().hostKernels()));
    }
}
