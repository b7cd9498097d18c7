package dev.irqtopo.compiler.naming;

import dev.irqtopo.compiler.naming.GeneratedNames.Clash;
import dev.irqtopo.compiler.naming.GeneratedNames.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The check that an arm64 or riscv64 platform's declared names do not become identifiers its generated
 * code already has in the same scope ({@link DesignLayout}): nested classes among themselves, a guest's
 * accessor among the platform class's methods, a device's accessor or a stack's among the methods
 * every object has or the kernel class's.
 */
public final class DesignGeneratedNames {

    private static final Set<String> OBJECT_METHODS =
            Set.of("getClass", "hashCode", "toString", "clone", "finalize", "notify", "notifyAll", "wait");

    private DesignGeneratedNames() {
    }

    /** One clash per declared name, in the order platform, guests, devices. */
    public static List<Clash> clashes(DesignLayout<?, ?> layout) {
        String platform = layout.model().name();
        Map<String, String> types = new HashMap<>();
        types.put(Naming.collisionKey(GeneratedNames.HOST_CLASS), "the nested class " + GeneratedNames.HOST_CLASS);
        types.put(Naming.collisionKey(DesignLayout.HARDWARE_CLASS), "the nested class " + DesignLayout.HARDWARE_CLASS);
        List<Clash> clashes = new ArrayList<>();
        Optional.ofNullable(types.get(Naming.collisionKey(layout.platformClass())))
                .ifPresent(t -> clashes.add(new Clash(Kind.PLATFORM, platform, layout.platformClass(), t)));
        types.put(Naming.collisionKey(layout.platformClass()), "the platform class " + layout.platformClass());
        for (DesignLayout.Device device : layout.devices()) {
            types.putIfAbsent(Naming.collisionKey(device.className()), "the device class " + device.className());
        }
        for (DesignLayout.Kernel<?> guest : layout.kernels().subList(1, layout.kernels().size())) {
            Optional<String> type = Optional.ofNullable(types.get(Naming.collisionKey(guest.className())));
            Optional<String> method = member(guest.accessor(), DesignLayout.PLATFORM_METHODS, "the platform class");
            if (type.isPresent()) {
                clashes.add(new Clash(Kind.GUEST, guest.kernel(), guest.className(), type.get()));
            } else if (method.isPresent()) {
                clashes.add(new Clash(Kind.GUEST, guest.kernel(), guest.accessor() + "()", method.get()));
            } else {
                types.put(Naming.collisionKey(guest.className()), "the guest class " + guest.className());
            }
        }
        // each device's stacks, in kernel order: looked up once, not per device
        Map<String, List<DesignLayout.Stack<?>>> stacksOf = new HashMap<>();
        layout.kernels().forEach(kernel -> kernel.stacks().forEach(stack ->
                stacksOf.computeIfAbsent(stack.device(), d -> new ArrayList<>()).add(stack)));
        for (DesignLayout.Device device : layout.devices()) {
            Optional<String> method = member(device.accessor(), List.of(), "Hardware");
            for (DesignLayout.Stack<?> stack : stacksOf.getOrDefault(device.device().name(), List.of())) {
                if (method.isEmpty()) {
                    method = member(stack.accessor(), DesignLayout.KERNEL_METHODS, "a kernel class");
                }
            }
            method.ifPresent(m -> clashes.add(new Clash(Kind.DEVICE, device.device().name(), device.accessor() + "()", m)));
        }
        return clashes;
    }

    private static Optional<String> member(String accessor, List<String> own, String where) {
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
