package dev.irqtopo.cli.explain;

import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.model.StackPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The note that says what every kernel profile would do with one stack: whether it creates the bus
 * domain (and why not), and for a host stack how it names the destination CPU. Profiles that would do
 * the same share one entry. The plan and the destination mode come from the model's own rules.
 */
final class KernelsNote {

    private KernelsNote() {
    }

    static String of(PlatformModel platform, Optional<GuestModel> guest, StackModel stack) {
        Map<String, List<String>> byOutcome = new LinkedHashMap<>();
        for (KernelProfile profile : KernelProfile.values()) {
            StackPlan plan = StackPlan.of(guest.isEmpty(), platform.hypervisor(), stack, profile);
            String outcome = plan.refusal().map(KernelsNote::refused).orElse("created");
            if (guest.isEmpty() && plan.created()) {
                outcome += ", " + profile.hostDestinationMode(platform.cpu().apic(), platform.cpu().count(),
                        platform.x2apicRemapping()).words() + " destinations";
            }
            byOutcome.computeIfAbsent(outcome, o -> new ArrayList<>()).add(profile.words());
        }
        List<String> parts = new ArrayList<>();
        byOutcome.forEach((outcome, profiles) -> parts.add(String.join(", ", profiles) + ": " + outcome));
        KernelProfile running = guest.map(GuestModel::kernel).orElse(platform.hostKernel());
        return "Kernels: " + String.join("; ", parts) + ". " + guest.map(GuestModel::name).orElse("The host")
                + " runs " + running.words() + ".";
    }

    static String refused(StackPlan.Refusal refusal) {
        return switch (refusal) {
            case UNTRANSLATABLE -> "not created, nothing could translate its stores";
            case NO_IMS_DOMAIN -> "not created, no IMS domain there";
            case NO_COMPOSE_HYPERCALL -> "not created, no hypercall composes it";
        };
    }
}
