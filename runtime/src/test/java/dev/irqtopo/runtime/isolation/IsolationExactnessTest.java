package dev.irqtopo.runtime.isolation;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.irqtopo.model.BusDomainKind;
import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StorageModel;
import dev.irqtopo.runtime.Delivery;
import dev.irqtopo.runtime.Hardware;
import dev.irqtopo.runtime.Message;
import dev.irqtopo.runtime.Platform;
import dev.irqtopo.testing.PropertyRuns;
import dev.irqtopo.testing.RandomPlatforms;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The symbolic analysis against brute force. On the random platforms (entries below 16, APIC IDs 0
 * and 1) every candidate lowest message lies in addresses 0xFEE00000..0xFEE01FFC with data below
 * 256, and nothing outside that box is lower for the same victim (bits 1:0 decode to nothing; more
 * data bits only fault or repeat a lower message's decoding). So trying every message in the box
 * must give exactly the analysis's victims and messages.
 */
class IsolationExactnessTest {

    @Test
    void theLowestBreachingMessagePerVictimIsExactlyWhatTryingEveryMessageFinds() {
        PropertyRuns.forEachSeed(12, random -> {
            PlatformModel model = RandomPlatforms.next(random);
            Platform platform = Platform.create(model);
            platform.boot();
            IsolationReport report = IsolationAnalysis.analyze(platform);
            for (GuestModel guest : model.guests()) {
                for (DeviceModel device : model.devices()) {
                    if (!guest.owns(device.name())) {
                        continue;
                    }
                    Map<String, Message> bruteForce = null;
                    for (StorageModel storage : device.storages()) {
                        if (!IsolationAnalysis.guestWritable(storage.kind(), model.hypervisor().orElseThrow())) {
                            continue;
                        }
                        if (bruteForce == null) {
                            bruteForce = tryEveryMessage(platform.hardware(), device.name(), guest.name());
                        }
                        assertWithMessage("%s %s %s", guest.name(), device.name(), storage.kind().keyword())
                                .that(found(report, guest.name(), device.name(), storage.kind().busDomain()))
                                .isEqualTo(bruteForce);
                    }
                }
            }
        });
    }

    private static Map<String, Message> found(IsolationReport report, String guest, String device, BusDomainKind storage) {
        Map<String, Message> found = new TreeMap<>();
        for (Finding f : report.findings()) {
            if (f.guest().equals(guest) && f.device().equals(device) && f.means() == dev.irqtopo.runtime.isolation.Means.of(storage)) {
                found.put(f.victim(), f.message());
            }
        }
        return found;
    }

    /** Every message of the box in increasing order: the first one to hit a victim is its lowest. */
    private static Map<String, Message> tryEveryMessage(Hardware hardware, String device, String guest) {
        Map<String, Message> lowest = new TreeMap<>();
        for (long address = 0xFEE0_0000L; address <= 0xFEE0_1FFCL; address += 4) {
            for (int data = 0; data < 256; data++) {
                Message message = Message.of(address, data);
                String victim = victim(hardware.emit(device, message));
                if (victim != null && !victim.equals(guest)) {
                    lowest.putIfAbsent(victim, message);
                }
            }
        }
        return lowest;
    }

    /** Section 7: whoever's handler runs; a vector on a host CPU nobody owns is the host's. */
    private static String victim(Delivery delivery) {
        if (delivery instanceof Delivery.Delivered d) {
            return d.kernel();
        }
        if (delivery instanceof Delivery.Spurious s && s.cpu().isPresent()) {
            return "host";
        }
        return null;
    }
}
