package dev.irqtopo.runtime.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One assignment for people: the exact verdict beside Linux's on a first line, then why they agree or
 * differ. Linux asks only whether the device's IOMMU group has isolated MSI (semantics §7), so where
 * it would assign a device that is not isolated the lowest breach through it says what Linux misses.
 */
final class AssignmentText {

    private AssignmentText() {
    }

    /**
     * @param breach the first finding through this device, present whenever the device is not isolated
     * @return the heading line, then the lines that explain it
     */
    static List<String> lines(Assignment a, Optional<Finding> breach) {
        List<String> lines = new ArrayList<>();
        String exact = a.isolated() ? "isolated" : "NOT isolated";
        lines.add(a.guest() + " " + a.device() + " (" + a.requesterId() + "): " + exact + heading(a));
        if (a.linuxIsolatedMsi()) {
            String reports = "Linux reports isolated MSI for " + a.requesterId()
                    + a.remappingUnit().map(u -> " (interrupt remapping on " + u + ")").orElse("");
            if (a.isolated()) {
                lines.add(reports + (a.vfioGroupViable() ? "" : ", but " + split(a)));
            } else {
                lines.add(reports + breach.map(f -> ", but " + FindingWords.flaw(f) + ": " + reaches(f)).orElse(""));
                if (!a.vfioGroupViable()) {
                    lines.add(split(a));
                }
            }
        } else {
            String why = noIsolatedMsi(a);
            if (!a.vfioGroupViable()) {
                why += "; the IOMMU group of " + a.requesterId() + " is also split between owners";
            } else if (!a.isolated()) {
                why += ": VFIO assigns it only with allow_unsafe_interrupts";
            }
            lines.add(why);
        }
        return lines;
    }

    private static String heading(Assignment a) {
        if (a.linuxWronglyAssigns()) {
            return ", yet Linux would assign it";
        }
        if (a.linuxWronglyRefuses()) {
            return ", yet Linux would refuse it";
        }
        if (a.linuxIsolatedMsi() && !a.vfioGroupViable()) {
            return a.isolated() ? "; VFIO refuses it (split group)" : "; VFIO refuses it anyway (split group)";
        }
        return a.isolated() ? "; Linux assigns it too" : "; Linux refuses it too";
    }

    private static String noIsolatedMsi(Assignment a) {
        // a remapping unit covers the device itself, so another device of its group lacks one
        return a.remappingUnit().isEmpty()
                ? "no interrupt remapping covers " + a.requesterId() + ", so Linux reports no isolated MSI"
                : "a device in the IOMMU group of " + a.requesterId()
                        + " has no interrupt remapping, so Linux reports no isolated MSI";
    }

    private static String split(Assignment a) {
        return "the IOMMU group of " + a.requesterId() + " is split between owners, which alone makes VFIO refuse it";
    }

    private static String reaches(Finding f) {
        return f.guest() + " reaches " + FindingWords.victim(f.victim()) + " with " + f.message().addressHex() + " "
                + f.message().dataHex();
    }
}
