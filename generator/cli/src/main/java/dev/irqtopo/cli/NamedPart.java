package dev.irqtopo.cli;

import dev.irqtopo.model.PlatformDesign;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A part of a platform that a command's option names, a device or an IOMMU: the command runs on the
 * selected platforms that declare it, and refuses in one line when none does.
 *
 * @param kind  {@code "device"}, {@code "IOMMU"}
 * @param parts the names of such parts a platform declares, in declaration order
 */
record NamedPart(String kind, String name, Function<PlatformDesign, List<String>> parts) {

    /** Beyond this many, a refusal does not list the names a platform declares. */
    private static final int MAX_LISTED = 12;

    boolean declaredBy(PlatformDesign platform) {
        return parts.apply(platform).contains(name);
    }

    /** The selected platforms that declare the part. */
    List<PlatformDesign> declaring(List<PlatformDesign> selected) {
        return selected.stream().filter(this::declaredBy).toList();
    }

    /**
     * Why the command cannot run: no selected platform declares the part. It names the platform that
     * does when {@code --platform} chose another.
     */
    Optional<String> refusal(PlatformSelection selection, List<PlatformDesign> selected, List<PlatformDesign> declared) {
        if (selected.stream().anyMatch(this::declaredBy)) {
            return Optional.empty();
        }
        if (selected.size() != 1) {
            return Optional.of("no platform of " + selection.fileName() + " declares " + kind + " " + name);
        }
        PlatformDesign platform = selected.get(0);
        Optional<PlatformDesign> elsewhere = declared.stream().filter(this::declaredBy).findFirst();
        if (selection.chosen() && elsewhere.isPresent()) {
            return Optional.of(kind + " " + name + " is declared on platform " + elsewhere.get().name() + ", not on "
                    + platform.name());
        }
        List<String> names = parts.apply(platform);
        String listed = names.isEmpty() ? " (it declares none)"
                : names.size() <= MAX_LISTED ? " (it declares " + String.join(", ", names) + ")" : "";
        return Optional.of("platform " + platform.name() + " declares no " + kind + " " + name + listed);
    }
}
