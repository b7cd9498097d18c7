package dev.irqtopo.compiler.naming;

import dev.irqtopo.model.PlatformModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The identifiers of generated code that do not come from declared names, and the check that a
 * declared name does not become one of them. Declared names become identifiers only through
 * {@link Naming}; the checker already keeps them apart from each other (IRQ012, IRQ013), and this class
 * keeps them apart from the members the generated classes always have ({@code host()}, {@code boot()},
 * the {@code Hardware} class, {@link Object}'s methods, …).
 */
public final class GeneratedNames {

    public static final String HOST = "host";
    public static final String HOST_CLASS = Naming.className(HOST);
    public static final String HOST_ACCESSOR = Naming.accessorName(HOST);
    public static final String HARDWARE_CLASS = Naming.className("hardware");
    public static final String HARDWARE_ACCESSOR = Naming.accessorName("hardware");
    public static final String BUS_DOMAIN_CLASS = Naming.className("bus_domain");
    public static final String WRITABLE_BUS_DOMAIN_CLASS = Naming.className("writable_bus_domain");
    public static final String REQUESTER_IDS_CLASS = Naming.className("requester_ids");
    public static final String SIZES_CLASS = Naming.className("sizes");
    public static final String BRIDGE_ALIASES_CLASS = Naming.className("bridge_aliases");
    public static final String IOMMU_REQUESTER_IDS_CLASS = Naming.className("iommu_requester_ids");
    public static final String EXPECTED_VERDICT = "EXPECTED_VERDICT";
    public static final String DRIVER_SUFFIX = Naming.className("driver");
    public static final String DEVICE_SUFFIX = Naming.className("device");

    public static final String BOOT = "boot";
    public static final String MODEL = "model";
    public static final String PLATFORM = "platform";
    public static final String BOOT_RESULTS = "bootResults";
    public static final String VERIFY_ISOLATION = "verifyIsolation";
    public static final String KERNEL = "kernel";

    /** {@link Object}'s methods without parameters: an accessor of the same name would override or hide one. */
    private static final Set<String> OBJECT_METHODS =
            Set.of("getClass", "hashCode", "toString", "clone", "finalize", "notify", "notifyAll", "wait");

    /** The platform class's own methods, beside one accessor per guest. */
    private static final Set<String> PLATFORM_METHODS =
            Set.of(BOOT, MODEL, PLATFORM, BOOT_RESULTS, HOST_ACCESSOR, HARDWARE_ACCESSOR, VERIFY_ISOLATION);

    /** A kernel class's own method, beside one accessor per device. */
    private static final Set<String> KERNEL_METHODS = Set.of(KERNEL);

    /** What a declared name is. */
    public enum Kind { PLATFORM, GUEST, DEVICE }

    /** A declared name whose identifier is already taken in the generated code. */
    public record Clash(Kind kind, String name, String identifier, String takenBy) {
        public Clash {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(name);
            Objects.requireNonNull(identifier);
            Objects.requireNonNull(takenBy);
        }
    }

    private GeneratedNames() {
    }

    /** The class generated for a platform. */
    public static String platformClass(String platform) {
        return Naming.className(platform);
    }

    /** A constant's name, from an accessor: {@code nicVf} becomes {@code NIC_VF}. */
    public static String constant(String accessor) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < accessor.length(); i++) {
            char c = accessor.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char before = accessor.charAt(i - 1);
                if (Character.isLowerCase(before) || Character.isDigit(before)) {
                    out.append('_');
                }
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }

    /**
     * Every declared name of the platform whose identifier collides, equal or equal ignoring case, with
     * an identifier the generated code already uses in the same scope: one clash per name, in the order
     * platform, guests, devices.
     */
    public static List<Clash> clashes(PlatformModel model) {
        return clashes(PlatformLayout.of(model));
    }

    public static List<Clash> clashes(PlatformLayout layout) {
        PlatformModel model = layout.model();
        String platformClass = layout.platformClass();
        Map<String, String> fixedTypes = new HashMap<>();
        for (String type : layout.fixedNestedTypes()) {
            fixedTypes.put(Naming.collisionKey(type), "the nested class " + type);
        }
        List<PlatformLayout.KernelLayout> guests = layout.kernels().subList(1, layout.kernels().size());

        List<Clash> clashes = new ArrayList<>();
        Optional.ofNullable(fixedTypes.get(Naming.collisionKey(platformClass)))
                .ifPresent(type -> clashes.add(new Clash(Kind.PLATFORM, model.name(), platformClass, type)));
        fixedTypes.put(Naming.collisionKey(platformClass), "the platform class " + platformClass);
        for (PlatformLayout.KernelLayout guest : guests) {
            Optional<String> type = Optional.ofNullable(fixedTypes.get(Naming.collisionKey(guest.className())));
            Optional<String> method = member(guest.accessor(), PLATFORM_METHODS, "the platform class");
            if (type.isPresent() && method.isPresent()) {
                clashes.add(new Clash(Kind.GUEST, guest.kernel(), guest.className() + " and " + guest.accessor() + "()",
                        type.get() + " and " + method.get()));
            } else if (type.isPresent()) {
                clashes.add(new Clash(Kind.GUEST, guest.kernel(), guest.className(), type.get()));
            } else if (method.isPresent()) {
                clashes.add(new Clash(Kind.GUEST, guest.kernel(), guest.accessor() + "()", method.get()));
            }
        }
        Set<String> kernelDevices = new HashSet<>();
        layout.kernels().forEach(k -> k.devices().forEach(d -> kernelDevices.add(d.device())));
        for (PlatformLayout.DeviceEntry device : layout.hardware()) {
            Set<String> own = kernelDevices.contains(device.device().name()) ? KERNEL_METHODS : Set.of();
            member(device.accessor(), own, "a kernel class").ifPresent(m ->
                    clashes.add(new Clash(Kind.DEVICE, device.device().name(), device.accessor() + "()", m)));
        }
        return clashes;
    }

    /** The fixed method an accessor collides with, described, if any. */
    private static Optional<String> member(String accessor, Set<String> own, String where) {
        String key = Naming.collisionKey(accessor);
        for (String method : own) {
            if (Naming.collisionKey(method).equals(key)) {
                return Optional.of("the method " + method + "() of " + where);
            }
        }
        for (String method : OBJECT_METHODS) {
            if (Naming.collisionKey(method).equals(key)) {
                return Optional.of("the method " + method + "() every Java object has");
            }
        }
        return Optional.empty();
    }
}
