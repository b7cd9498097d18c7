package dev.irqtopo.compiler.ast;

import java.util.List;
import java.util.Objects;

/** {@code guest NAME { … }}: a virtual machine, its vCPUs, assigned devices and stacks, in source order. */
public record GuestDecl(Pos at, Name name, List<GuestItem> items) implements PlatformItem {

    public GuestDecl {
        Objects.requireNonNull(at);
        Objects.requireNonNull(name);
        items = List.copyOf(items);
    }

    public List<GuestItem.Cpus> cpus() {
        return items.stream().filter(GuestItem.Cpus.class::isInstance).map(GuestItem.Cpus.class::cast).toList();
    }

    /** The names of every {@code assign} line, in source order. */
    public List<Name> assigned() {
        return items.stream().filter(GuestItem.Assign.class::isInstance)
                .flatMap(i -> ((GuestItem.Assign) i).devices().stream()).toList();
    }

    /** Its {@code kernel} lines, in source order: at most one is allowed (IRQ024). */
    public List<KernelDecl> kernels() {
        return items.stream().filter(KernelDecl.class::isInstance).map(KernelDecl.class::cast).toList();
    }

    public List<StackDecl> stacks() {
        return items.stream().filter(StackDecl.class::isInstance).map(StackDecl.class::cast).toList();
    }
}
