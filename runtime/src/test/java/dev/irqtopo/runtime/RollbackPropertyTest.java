package dev.irqtopo.runtime;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.testing.OwnershipInvariant;
import dev.irqtopo.testing.PropertyRuns;
import dev.irqtopo.testing.RandomPlatforms;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random requests, frees and raw writes on random platforms. A failed request must leave the
 * platform equal to before, compared as a full snapshot; after every step every vector, irq number
 * and remap entry belongs to exactly one interrupt; and freeing everything returns to the state
 * before boot.
 */
class RollbackPropertyTest {

    @Test
    void failedRequestsChangeNothingAndOwnershipStaysOneToOne() {
        PropertyRuns.forEachSeed(60, random -> {
            PlatformModel model = RandomPlatforms.next(random);
            Platform platform = Platform.create(model);
            PlatformSnapshot beforeBoot = platform.snapshot();
            platform.boot();
            checkOwnership(platform);
            boolean[] wroteRaw = {false};
            for (int step = 0; step < 40; step++) {
                Stack stack = pick(random, platform.stacks());
                int choice = random.nextInt(10);
                if (stack != null && choice < 5) {
                    PlatformSnapshot before = platform.snapshot();
                    Allocation allocation = stack.allocate(random.nextInt(6) - 1);
                    if (!allocation.succeeded()) {
                        assertWithMessage("after a failed request (%s)", allocation.errno().get())
                                .that(platform.snapshot()).isEqualTo(before);
                    }
                } else if (stack != null && choice < 8) {
                    AllocatedInterrupt irq = pick(random, stack.interrupts());
                    if (irq != null) {
                        assertWithMessage("free").that(stack.free(irq.virq())).isEmpty();
                    }
                } else {
                    wroteRaw[0] |= rawWrite(random, platform);
                }
                checkOwnership(platform);
            }
            for (Stack stack : platform.stacks()) {
                for (AllocatedInterrupt irq : stack.interrupts()) {
                    stack.free(irq.virq());
                }
            }
            PlatformSnapshot freed = platform.snapshot();
            assertWithMessage("kernels with everything freed").that(freed.kernels()).isEqualTo(beforeBoot.kernels());
            assertWithMessage("entries with everything freed").that(freed.entries()).isEqualTo(beforeBoot.entries());
            if (!wroteRaw[0]) {
                // raw writes into slots no interrupt used stay, as in hardware; without them storage is back at reset
                assertWithMessage("storages with everything freed").that(freed.storages()).isEqualTo(beforeBoot.storages());
            }
        });
    }

    /** A kernel writes something into a storage of some device; a refused write changes nothing. */
    private static boolean rawWrite(Random random, Platform platform) {
        Kernel kernel = pick(random, platform.kernels());
        DeviceModel device = pick(random, platform.model().devices());
        StorageModel storage = pick(random, device.storages());
        long address = random.nextBoolean() ? 0xFEE0_0000L | random.nextInt(0x2000) : random.nextInt(0x1000);
        PlatformSnapshot before = platform.snapshot();
        int slot = storage.kind() == dev.irqtopo.model.StorageKind.MSI ? 0 : random.nextInt(storage.size());
        if (kernel.write(device.name(), storage.kind().busDomain(), slot, Message.of(address, random.nextInt(64))).isPresent()) {
            assertWithMessage("after a refused write").that(platform.snapshot()).isEqualTo(before);
            return false;
        }
        return true;
    }

    private static void checkOwnership(Platform platform) {
        OwnershipInvariant.check(platform, platform.snapshot());
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
    }
}
