package dev.irqtopo.compiler.naming;

import dev.irqtopo.model.DeviceModel;
import dev.irqtopo.model.PlatformDesign;
import dev.irqtopo.model.StackDeclaration;
import dev.irqtopo.model.StorageKind;
import dev.irqtopo.model.StorageModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes and members of an arm64 or riscv64 platform's generated code, every identifier through
 * {@link Naming}: the platform class; one kernel class per kernel (the host's {@code Host}, a guest's
 * from its name) with one accessor per stack ({@code pfMsix()}); {@code Hardware} with one accessor per
 * device, each returning a view of the device through the class of its shape, the kinds of storage it
 * has ({@code MsixDevice}, {@code MsiMsixDevice}): one class per shape, not per device, keeps the
 * generated source small on platforms of thousands of devices. {@link Arm64Layout} and
 * {@link RiscvLayout} build it from their models.
 *
 * @param <M> the platform's model
 * @param <S> its stacks' model
 */
public record DesignLayout<M extends PlatformDesign, S extends StackDeclaration>(
        M model, String platformClass, List<Kernel<S>> kernels, List<Device> devices) {

    /** The fixed nested class of the devices. */
    public static final String HARDWARE_CLASS = GeneratedNames.HARDWARE_CLASS;
    /** The methods of the platform class, beside one accessor per guest. */
    public static final List<String> PLATFORM_METHODS = List.of(GeneratedNames.BOOT, GeneratedNames.MODEL,
            GeneratedNames.PLATFORM, GeneratedNames.BOOT_RESULTS, GeneratedNames.HOST_ACCESSOR,
            GeneratedNames.HARDWARE_ACCESSOR, GeneratedNames.VERIFY_ISOLATION);
    /** The method of a kernel class, beside one accessor per stack. */
    public static final List<String> KERNEL_METHODS = List.of(GeneratedNames.KERNEL);

    /** A kernel: its name, class, accessor (the host's {@code host()}) and stacks. */
    public record Kernel<S>(String kernel, boolean host, String className, String accessor, List<Stack<S>> stacks) {
    }

    /** A stack: its declaration, its device's name and the kernel class's accessor for what booting did with it. */
    public record Stack<S>(S stack, String device, String accessor) {
    }

    /** A device: its declaration, {@code Hardware}'s accessor and the class of its shape. */
    public record Device(DeviceModel device, String accessor, String className) {
    }

    /** The shapes' classes, each with the storage kinds its devices have, in the order devices first use them. */
    public Map<String, List<StorageKind>> shapes() {
        Map<String, List<StorageKind>> shapes = new LinkedHashMap<>();
        devices.forEach(d -> shapes.putIfAbsent(d.className(), storageKinds(d.device())));
        return shapes;
    }

    /** @param guests each guest's name and stacks, in declaration order */
    static <M extends PlatformDesign, S extends StackDeclaration> DesignLayout<M, S> of(M model, List<S> hostStacks,
                                                                                      Map<String, List<S>> guests) {
        List<Kernel<S>> kernels = new ArrayList<>();
        kernels.add(new Kernel<>(GeneratedNames.HOST, true, GeneratedNames.HOST_CLASS, GeneratedNames.HOST_ACCESSOR,
                stacks(hostStacks)));
        guests.forEach((guest, stacks) -> kernels.add(new Kernel<>(guest, false, Naming.className(guest),
                Naming.accessorName(guest), stacks(stacks))));
        List<Device> devices = model.devices().stream()
                .map(d -> new Device(d, Naming.accessorName(d.name()), shapeClass(storageKinds(d))))
                .toList();
        return new DesignLayout<>(model, GeneratedNames.platformClass(model.name()), kernels, devices);
    }

    private static List<StorageKind> storageKinds(DeviceModel device) {
        return device.storages().stream().map(StorageModel::kind).distinct().sorted().toList();
    }

    /** {@code MsixDevice}, {@code ImsQueueDevice}; IMS in device memory is plain {@code Ims}; no storage, {@code Device}. */
    private static String shapeClass(List<StorageKind> kinds) {
        StringBuilder name = new StringBuilder();
        kinds.forEach(kind -> name.append(Naming.className(kind == StorageKind.IMS_DEVICE ? "ims" : kind.keyword())));
        return name.append(GeneratedNames.DEVICE_SUFFIX).toString();
    }

    private static <S extends StackDeclaration> List<Stack<S>> stacks(List<S> stacks) {
        return stacks.stream()
                .map(s -> new Stack<>(s, s.device(), Naming.accessorName(s.device() + "_" + s.busDomain().keyword())))
                .toList();
    }
}
