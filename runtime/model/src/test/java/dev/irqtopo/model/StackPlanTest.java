package dev.irqtopo.model;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.StackPlan.Composer;
import dev.irqtopo.model.StackPlan.Store;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who does each step of a stack, for every kind of chain, kernel and hypervisor the language allows. */
class StackPlanTest {

    private static HypervisorModel hypervisor(boolean cpuidVisible, boolean composeHypercall, StorageKind... traps) {
        Set<StorageKind> trapped = EnumSet.noneOf(StorageKind.class);
        trapped.addAll(Set.of(traps));
        return new HypervisorModel(HypervisorKind.KVM, cpuidVisible, trapped, composeHypercall, false);
    }

    private static StackModel stack(StorageKind storage, Optional<String> remap, boolean hcall) {
        return new StackModel("dev", storage, remap, hcall, 1);
    }

    @Test
    void aHostStackComposesThroughItsRemapDomainOrItsVectorDomainAndStoresDirectly() {
        StackPlan remapped = StackPlan.of(true, Optional.empty(), stack(StorageKind.MSI, Optional.of("dmar0"), false));
        StackPlan bare = StackPlan.of(true, Optional.empty(), stack(StorageKind.MSI, Optional.empty(), false));

        assertThat(remapped).isEqualTo(new StackPlan(true, Composer.REMAP_DOMAIN, Store.DIRECT, true, Optional.empty()));
        assertThat(remapped.compatibilityDestinationsOnly()).isFalse();
        assertThat(bare).isEqualTo(new StackPlan(true, Composer.VECTOR_DOMAIN, Store.DIRECT, false, Optional.empty()));
        assertThat(bare.compatibilityDestinationsOnly()).isTrue();
    }

    @Test
    void aGuestStackWithHcallStoresWhatTheHypervisorReturnsWhateverItTraps() {
        HypervisorModel hv = hypervisor(true, true, StorageKind.MSI, StorageKind.MSIX, StorageKind.IMS_DEVICE);
        for (StorageKind storage : StorageKind.values()) {
            StackPlan plan = StackPlan.of(false, Optional.of(hv), stack(storage, Optional.empty(), true));
            assertThat(plan).isEqualTo(new StackPlan(false, Composer.HYPERCALL, Store.AS_RETURNED, true, Optional.empty()));
            assertThat(plan.compatibilityDestinationsOnly()).isFalse();
        }
    }

    @Test
    void aGuestThatComposesItselfIsTrappedOrReachesTheHardwareUntranslated() {
        HypervisorModel hv = hypervisor(true, false, StorageKind.MSIX);

        StackPlan trapped = StackPlan.of(false, Optional.of(hv), stack(StorageKind.MSIX, Optional.empty(), false));
        StackPlan untrapped = StackPlan.of(false, Optional.of(hv), stack(StorageKind.IMS_DEVICE, Optional.empty(), false));

        assertThat(trapped).isEqualTo(new StackPlan(false, Composer.VECTOR_DOMAIN, Store.TRAPPED, false, Optional.empty()));
        assertThat(trapped.trapped()).isTrue();
        assertThat(untrapped.store()).isEqualTo(Store.UNTRAPPED);
        assertThat(untrapped.trapped()).isFalse();
    }

    @Test
    void imsInQueueMemoryWithoutHcallIsRefusedOnlyWhereTheGuestKnowsItIsVirtualized() {
        StackModel imsQueue = stack(StorageKind.IMS_QUEUE, Optional.empty(), false);

        StackPlan visible = StackPlan.of(false, Optional.of(hypervisor(true, true)), imsQueue);
        assertThat(visible.created()).isFalse();
        assertThat(visible.refusal()).hasValue(StackPlan.Refusal.UNTRANSLATABLE);
        // a guest that cannot tell composes as on bare metal: created, and misrouted at run time
        StackPlan hidden = StackPlan.of(false, Optional.of(hypervisor(false, false)), imsQueue);
        assertThat(hidden.created()).isTrue();
        assertThat(hidden.store()).isEqualTo(Store.UNTRAPPED);
    }

    @Test
    void theHypervisorsOwnRules() {
        assertThat(hypervisor(true, true).composeHypercallUsable()).isTrue();
        assertThat(hypervisor(false, true).composeHypercallUsable()).isFalse();
        assertThat(hypervisor(true, false).composeHypercallUsable()).isFalse();
        HypervisorModel msix = hypervisor(true, false, StorageKind.MSIX);
        assertThat(msix.guestWritesReachDevice(StorageKind.MSIX)).isFalse();
        assertThat(msix.guestWritesReachDevice(StorageKind.IMS_QUEUE)).isTrue();
        assertThat(msix.guestWritesReachDevice(StorageKind.MSI)).isTrue();
    }

    @Test
    void aGuestStackNeedsAHypervisor() {
        assertThrows(IllegalArgumentException.class,
                () -> StackPlan.of(false, Optional.empty(), stack(StorageKind.MSIX, Optional.empty(), false)));
    }

    @Test
    void linuxCreatesImsOnlyFrom62To69AndOnlyOnARealRemappingUnit() {
        StackModel remapped = stack(StorageKind.IMS_DEVICE, Optional.of("dmar0"), false);
        StackModel bare = stack(StorageKind.IMS_DEVICE, Optional.empty(), false);
        Optional<HypervisorModel> none = Optional.empty();

        assertThat(StackPlan.of(true, none, remapped, KernelProfile.LINUX_6_1).refusal()).hasValue(StackPlan.Refusal.NO_IMS_DOMAIN);
        assertThat(StackPlan.of(true, none, remapped, KernelProfile.LINUX_6_6).created()).isTrue();
        assertThat(StackPlan.of(true, none, bare, KernelProfile.LINUX_6_6).refusal()).hasValue(StackPlan.Refusal.NO_IMS_DOMAIN);
        assertThat(StackPlan.of(true, none, remapped, KernelProfile.LINUX_6_12).refusal()).hasValue(StackPlan.Refusal.NO_IMS_DOMAIN);
        assertThat(StackPlan.of(true, none, bare, KernelProfile.DESIGN).created()).isTrue();
        // MSI-X is every kernel's
        for (KernelProfile kernel : KernelProfile.values()) {
            assertThat(StackPlan.of(true, none, stack(StorageKind.MSIX, Optional.empty(), false), kernel).created()).isTrue();
        }
    }

    @Test
    void aLinuxGuestComposesByHypercallOnlyMsiAndMsixUnderHyperVOrXen() {
        HypervisorModel kvm = new HypervisorModel(HypervisorKind.KVM, true, Set.of(StorageKind.MSIX), true, false);
        HypervisorModel hyperv = new HypervisorModel(HypervisorKind.HYPERV, true, Set.of(StorageKind.MSIX), true, false);
        StackModel msix = stack(StorageKind.MSIX, Optional.empty(), true);
        StackModel ims = stack(StorageKind.IMS_QUEUE, Optional.empty(), true);

        assertThat(StackPlan.of(false, Optional.of(hyperv), msix, KernelProfile.LINUX_6_6).created()).isTrue();
        assertThat(StackPlan.of(false, Optional.of(kvm), msix, KernelProfile.LINUX_6_6).refusal())
                .hasValue(StackPlan.Refusal.NO_COMPOSE_HYPERCALL);
        assertThat(StackPlan.of(false, Optional.of(hyperv), ims, KernelProfile.LINUX_6_6).refusal())
                .hasValue(StackPlan.Refusal.NO_COMPOSE_HYPERCALL);
        assertThat(StackPlan.of(false, Optional.of(kvm), ims, KernelProfile.DESIGN).created()).isTrue();
        // no Linux guest has IMS: it has no virtual remapping unit to put it on
        StackModel imsDevice = stack(StorageKind.IMS_DEVICE, Optional.empty(), false);
        assertThat(StackPlan.of(false, Optional.of(kvm), imsDevice, KernelProfile.LINUX_6_6).refusal())
                .hasValue(StackPlan.Refusal.NO_IMS_DOMAIN);
    }
}
