package dev.irqtopo.runtime.diff;

import dev.irqtopo.model.GuestModel;
import dev.irqtopo.model.PlatformModel;
import dev.irqtopo.model.StackModel;
import dev.irqtopo.runtime.sim.SimulationReport;
import dev.irqtopo.runtime.sim.StackReport;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each stack as declared, with what booting did with it: whether its domain was created, and its errno. */
final class Stacks {

    private static final String HOST = "host";

    private Stacks() {
    }

    /** Every stack of {@code platform} in boot order, the outcome from {@code simulation}, its run. */
    static Map<Subject.Stack, Facts> of(PlatformModel platform, SimulationReport simulation) {
        Map<Subject.Stack, StackReport> booted = new HashMap<>();
        for (StackReport stack : simulation.stacks()) {
            booted.put(subject(stack), stack);
        }
        Map<Subject.Stack, Facts> stacks = new LinkedHashMap<>();
        for (StackModel stack : platform.hostStacks()) {
            put(stacks, HOST, stack, booted);
        }
        for (GuestModel guest : platform.guests()) {
            for (StackModel stack : guest.stacks()) {
                put(stacks, guest.name(), stack, booted);
            }
        }
        return stacks;
    }

    static Subject.Stack subject(StackReport stack) {
        return new Subject.Stack(stack.kernel(), stack.device(), stack.storage());
    }

    private static void put(Map<Subject.Stack, Facts> stacks, String kernel, StackModel stack,
                            Map<Subject.Stack, StackReport> booted) {
        Subject.Stack subject = new Subject.Stack(kernel, stack.device(), stack.busDomain());
        StackReport report = booted.get(subject);
        if (report == null) {
            throw new IllegalArgumentException("the simulation has no stack " + subject.text());
        }
        stacks.put(subject, Declarations.stack(stack)
                .flag("created", report.created())
                .word("errno", report.errno().map(Enum::name)));
    }
}
