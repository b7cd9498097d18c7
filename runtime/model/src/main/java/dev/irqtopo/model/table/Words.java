package dev.irqtopo.model.table;

import dev.irqtopo.model.ApicMode;
import dev.irqtopo.model.ExpectedVerdict;
import dev.irqtopo.model.HypervisorKind;
import dev.irqtopo.model.IommuKind;
import dev.irqtopo.model.KernelProfile;
import dev.irqtopo.model.SourceCheck;
import dev.irqtopo.model.StorageKind;

import java.util.function.Function;

/**
 * The words the table writes for enumerations and flags: the language's own keywords, so that a table
 * reads almost like the source it came from ({@code ims queue} becomes the one token {@code ims_queue}).
 */
final class Words {

    private Words() {
    }

    static String storage(StorageKind kind) {
        return kind.keyword().replace(' ', '_');
    }

    static StorageKind storage(String word) {
        return lookup(StorageKind.values(), Words::storage, word, "storage");
    }

    static ApicMode apic(String word) {
        return lookup(ApicMode.values(), ApicMode::keyword, word, "apic mode");
    }

    static IommuKind iommu(String word) {
        return lookup(IommuKind.values(), IommuKind::keyword, word, "IOMMU kind");
    }

    static SourceCheck sourceCheck(String word) {
        return lookup(SourceCheck.values(), SourceCheck::keyword, word, "source check");
    }

    static ExpectedVerdict expect(String word) {
        return lookup(ExpectedVerdict.values(), ExpectedVerdict::keyword, word, "expected verdict");
    }

    static HypervisorKind hypervisor(String word) {
        return lookup(HypervisorKind.values(), HypervisorKind::keyword, word, "hypervisor kind");
    }

    static KernelProfile kernel(String word) {
        return lookup(KernelProfile.values(), KernelProfile::word, word, "kernel");
    }

    /** {@code yes} or {@code no} for a flag, e.g. {@code on}/{@code off}. */
    static String flag(boolean value, String yes, String no) {
        return value ? yes : no;
    }

    static boolean flag(String word, String yes, String no) {
        if (word.equals(yes)) {
            return true;
        }
        if (word.equals(no)) {
            return false;
        }
        throw new IllegalArgumentException("expected " + yes + " or " + no + ", found '" + word + "'");
    }

    private static <E> E lookup(E[] values, Function<E, String> word, String text, String what) {
        for (E value : values) {
            if (word.apply(value).equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "'");
    }
}
