package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.RequesterId;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.testing.PropertyRuns;
import dev.irqtopo.testing.RandomPlatforms;
import dev.irqtopo.testing.SmallPlatforms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/**
 * The index against {@link Hardware#reach}, reduced by hand: for every device, the lowest message per
 * owner must be exactly the lowest of the reach destinations that land on that owner, whatever the
 * attribution.
 */
class ReachIndexTest {

    @Test
    void theLowestMessagePerKernelIsTheLowestReachDestinationOfThatKernel() {
        PropertyRuns.forEachSeed(2_000, random -> {
            PlatformModel model = random.nextBoolean() ? SmallPlatforms.next(random) : RandomPlatforms.next(random);
            Platform platform = Platform.create(model);
            platform.boot();
            List<String> kernels = new ArrayList<>();
            platform.kernels().forEach(k -> kernels.add(k.name()));
            ToIntFunction<Delivery> byKernel = delivery -> {
                if (delivery instanceof Delivery.Delivered delivered) {
                    return kernels.indexOf(delivered.kernel());
                }
                return delivery instanceof Delivery.Spurious spurious && spurious.cpu().isPresent() ? 0 : -1;
            };
            assertAgreesWithReach(platform, model, byKernel, kernels.size());
        });
    }

    @Test
    void anyAttributionOfDeliveriesGivesTheLowestReachDestinationPerOwner() {
        PropertyRuns.forEachSeed(1_000, random -> {
            PlatformModel model = SmallPlatforms.next(random);
            Platform platform = Platform.create(model);
            platform.boot();
            // owners by outcome and vector: runs of one owner break where the attribution changes
            ToIntFunction<Delivery> byOutcome = delivery -> {
                if (delivery instanceof Delivery.Delivered delivered) {
                    return delivered.vector() % 3;
                }
                if (delivery instanceof Delivery.Spurious spurious) {
                    return spurious.cpu().isPresent() ? 3 : 4;
                }
                return -1;
            };
            assertAgreesWithReach(platform, model, byOutcome, 5);
        });
    }

    @Test
    void entriesOfOneDeviceFormOneRunThatOnlyItsRequesterUses() {
        EntryRuns runs = new EntryRuns();
        RequesterId nic = RequesterId.of(3, 0, 0);
        RequesterId vf = RequesterId.of(3, 0, 1);
        VtdRemapEntry forNic = VtdRemapEntry.remapped(0x21, 0, ApicMode.X2APIC, SourceCheck.FULL, nic);
        VtdRemapEntry forVf = VtdRemapEntry.remapped(0x22, 0, ApicMode.X2APIC, SourceCheck.FULL, vf);
        runs.add(forNic, 0, 0xFEE0_0018L, 2);
        runs.add(forNic, 0, 0xFEE0_0018L, 1);
        runs.add(forNic, 0, 0xFEE0_0018L, 3);
        runs.add(forVf, 1, 0xFEE0_0018L, 4);
        runs.add(forNic, 1, 0xFEE0_0018L, 5);

        LowestMessages fromNic = new LowestMessages(2);
        runs.offerTo(nic, fromNic);
        assertThat(fromNic.toList()).containsExactly(Optional.of(Message.of(0xFEE0_0018L, 1)),
                Optional.of(Message.of(0xFEE0_0018L, 5))).inOrder();
        LowestMessages fromVf = new LowestMessages(2);
        runs.offerTo(vf, fromVf);
        assertThat(fromVf.toList()).containsExactly(Optional.empty(), Optional.of(Message.of(0xFEE0_0018L, 4))).inOrder();
        LowestMessages fromOther = new LowestMessages(2);
        runs.offerTo(RequesterId.of(4, 0, 0), fromOther);
        assertThat(fromOther.toList()).containsExactly(Optional.empty(), Optional.empty());
    }

    @Test
    void messagesCompareUnsignedByAddressThenData() {
        LowestMessages lowest = new LowestMessages(1);
        lowest.offer(0, 0xFEE0_0018L, 0x8000_0000);
        lowest.offer(0, 0xFEE0_0018L, 7);
        lowest.offer(0, 0x8000_0000_FEE0_0000L, 0);
        assertThat(lowest.toList()).containsExactly(Optional.of(Message.of(0xFEE0_0018L, 7)));
    }

    @Test
    void anUnknownDeviceIsAProgrammingError() {
        Platform platform = Platform.create(SmallPlatforms.next(new Random(1)));
        ReachIndex index = platform.hardware().reachIndex(delivery -> 0, 1);
        assertThrows(IllegalArgumentException.class, () -> index.lowestPerOwner("no such device"));
    }

    @Test
    void anOwnerBeyondTheCountIsAProgrammingError() {
        PropertyRuns.forEachSeed(50, random -> {
            Platform platform = Platform.create(SmallPlatforms.next(random));
            platform.boot();
            boolean landsSomewhere = platform.model().devices().stream()
                    .anyMatch(d -> !platform.hardware().reach(d.name()).isEmpty());
            if (landsSomewhere) {
                assertThrows(IllegalArgumentException.class, () -> platform.hardware().reachIndex(delivery -> 1, 1));
            }
        });
    }

    private static void assertAgreesWithReach(Platform platform, PlatformModel model, ToIntFunction<Delivery> owner, int owners) {
        ReachIndex index = platform.hardware().reachIndex(owner, owners);
        for (DeviceModel device : model.devices()) {
            Map<Integer, Message> expected = new HashMap<>();
            for (Reach reach : platform.hardware().reach(device.name())) {
                int o = owner.applyAsInt(reach.delivery());
                if (o >= 0) {
                    expected.merge(o, reach.message(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                }
            }
            List<Optional<Message>> found = index.lowestPerOwner(device.name());
            assertWithMessage("owners of %s", device.name()).that(found).hasSize(owners);
            assertWithMessage("owners %s reaches", device.name()).that(index.lowestByOwner(device.name()))
                    .containsExactlyEntriesIn(expected).inOrder();
            for (int o = 0; o < owners; o++) {
                assertWithMessage("%s owner %s", device.name(), o).that(found.get(o))
                        .isEqualTo(Optional.ofNullable(expected.get(o)));
            }
        }
    }
}
