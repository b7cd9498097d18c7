package dev.irqtopo.runtime.isolation;

import dev.irqtopo.runtime.message.DeliveryMode;
import java.util.List;
import java.util.Locale;

/** A finding's means, class, victim and special modes in words for people. */
final class FindingWords {

    private FindingWords() {
    }

    /** {@code "the host"}, or the guest's name. */
    static String victim(String victim) {
        return victim.equals("host") ? "the host" : victim;
    }

    /** How the guest makes the device emit it: {@code "vf's DMA"}, {@code "adi1's IMS storage"}. */
    static String means(Finding finding) {
        String what = switch (finding.means()) {
            case DMA -> "DMA";
            case MSI -> "MSI storage";
            case MSIX -> "MSI-X table";
            case IMS -> "IMS storage";
        };
        return finding.device() + "'s " + what;
    }

    /** Why the remapping unit let the message through, said of the finding itself. */
    static String why(Finding finding) {
        return switch (finding.findingClass()) {
            case NO_REMAPPING -> "no interrupt remapping covers requester id " + finding.requesterId()
                    + ", so compatibility format reaches the CPUs";
            case COMPATIBILITY_FORMAT -> "the remapping unit lets compatibility format pass";
            case SOURCE_CHECK_OFF -> "the remap entry it hits validates no source (SVT 00)";
            case SOURCE_CHECK_BUS -> "the remap entry it hits checks the bus only (SVT 10)";
            case SHARED_REQUESTER_ID -> "the IOMMU sees it with requester id " + finding.requesterId()
                    + ", the one " + victim(finding.victim()) + "'s interrupt is bound to";
        };
    }

    /** The same reason as the flaw in Linux's isolated-MSI verdict: what Linux does not look at. */
    static String flaw(Finding finding) {
        return switch (finding.findingClass()) {
            case NO_REMAPPING -> "no remapping covers it";
            case COMPATIBILITY_FORMAT -> "compatibility format passes";
            case SOURCE_CHECK_OFF -> "source validation is off";
            case SOURCE_CHECK_BUS -> "source validation checks the bus only";
            case SHARED_REQUESTER_ID -> "the requester id is shared with " + victim(finding.victim());
        };
    }

    /** {@code "SMI, NMI, INIT and ExtINT"}. */
    static String modes(List<DeliveryMode> modes) {
        List<String> words = modes.stream().map(FindingWords::mode).toList();
        if (words.size() < 2) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private static String mode(DeliveryMode mode) {
        return mode == DeliveryMode.EXTINT ? "ExtINT" : mode.keyword().toUpperCase(Locale.ROOT);
    }
}
