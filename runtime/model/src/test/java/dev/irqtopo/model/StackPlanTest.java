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

        assertThat(remapped).isEqualTo(new StackPlan(true, Composer.REMAP_DOMAIN, Store.DIRECT, true, true));
        assertThat(remapped.compatibilityDestinationsOnly()).isFalse();
        assertThat(bare).isEqualTo(new StackPlan(true, Composer.VECTOR_DOMAIN, Store.DIRECT, false, true));
        assertThat(bare.compatibilityDestinationsOnly()).isTrue();
    }

    @Test
    void aGuestStackWithHcallStoresWhatTheHypervisorReturnsWhateverItTraps() {
        HypervisorModel hv = hypervisor(true, true, StorageKind.MSI, StorageKind.MSIX, StorageKind.IMS_DEVICE);
        for (StorageKind storage : StorageKind.values()) {
            StackPlan plan = StackPlan.of(false, Optional.of(hv), stack(storage, Optional.empty(), true));
            assertThat(plan).isEqualTo(new StackPlan(false, Composer.HYPERCALL, Store.AS_RETURNED, true, true));
            assertThat(plan.compatibilityDestinationsOnly()).isFalse();
        }
    }

    @Test
    void aGuestThatComposesItselfIsTrappedOrReachesTheHardwareUntranslated() {
        HypervisorModel hv = hypervisor(true, false, StorageKind.MSIX);

        StackPlan trapped = StackPlan.of(false, Optional.of(hv), stack(StorageKind.MSIX, Optional.empty(), false));
        StackPlan untrapped = StackPlan.of(false, Optional.of(hv), stack(StorageKind.IMS_DEVICE, Optional.empty(), false));

        assertThat(trapped).isEqualTo(new StackPlan(false, Composer.VECTOR_DOMAIN, Store.TRAPPED, false, true));
        assertThat(trapped.trapped()).isTrue();
        assertThat(untrapped.store()).isEqualTo(Store.UNTRAPPED);
        assertThat(untrapped.trapped()).isFalse();
    }

    @Test
    void imsInQueueMemoryWithoutHcallIsRefusedOnlyWhereTheGuestKnowsItIsVirtualized() {
        StackModel imsQueue = stack(StorageKind.IMS_QUEUE, Optional.empty(), false);

        assertThat(StackPlan.of(false, Optional.of(hypervisor(true, true)), imsQueue).created()).isFalse();
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
}
