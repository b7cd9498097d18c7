package dev.irqtopo.runtime.imsic;

import dev.irqtopo.model.riscv.ImsicGeometry;
import dev.irqtopo.model.riscv.InterruptFile;
import dev.irqtopo.runtime.message.Errno;
import dev.irqtopo.runtime.message.Message;
import dev.irqtopo.runtime.message.Result;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Linux's IMSIC irq domain (drivers/irqchip/irq-riscv-imsic-platform.c and -state.c, 6.12): Linux
 * CPU {@code i} is hart {@code i}, and its supervisor-level file is the one the driver targets.
 * <ul>
 *   <li>{@code imsic_irq_domain_alloc}: more than one interrupt at once is -EOPNOTSUPP ("Multi-MSI is
 *       not supported yet"; the MSI parent does not offer {@code MSI_FLAG_MULTI_PCI_MSI}, so a PCI MSI
 *       function gets one vector); one identity from the matrix on the online CPUs, -ENOSPC if there is
 *       none. The affinity it then sets (all online CPUs) contains the chosen CPU, so nothing moves.</li>
 *   <li>MSI-X and platform MSI allocate one interrupt per vector; when one fails the MSI core frees the
 *       ones already allocated ({@link #allocVectors}).</li>
 *   <li>{@code imsic_irq_set_affinity}: a mask that contains the current CPU changes nothing; a move
 *       still in flight is -EBUSY; otherwise a new identity on the mask's CPUs (-ENOSPC, old one kept)
 *       and the device is pointed at it. The old identity stays taken until its CPU has synchronised
 *       ({@code __imsic_local_sync} frees it; {@link #completeMoves}).</li>
 *   <li>{@code imsic_irq_compose_msg}: address = the CPU's supervisor-level page ({@code
 *       imsic_cpu_page_phys(cpu, 0)}), data = the identity.</li>
 * </ul>
 */
public final class ImsicDriver {

    private final ImsicGeometry geometry;
    private final ImsicMatrix matrix;
    /** Moves in flight: new vector → the old vector it replaced, not yet released. */
    private final Map<ImsicVector, ImsicVector> moving = new TreeMap<>();
    /** Old vectors of moves whose new vector was freed before the old CPU synchronised. */
    private final List<ImsicVector> leftBehind = new ArrayList<>();

    public ImsicDriver(ImsicGeometry geometry) {
        this.geometry = geometry;
        this.matrix = new ImsicMatrix(geometry.harts().count(), geometry.supervisorIds());
    }

    /** {@code imsic_irq_domain_alloc} for {@code nrIrqs} consecutive interrupts. */
    public Result<ImsicVector> alloc(int nrIrqs) {
        if (nrIrqs < 1) {
            throw new IllegalArgumentException("interrupt count " + nrIrqs);
        }
        if (nrIrqs > 1) {
            return Result.failed(Errno.EOPNOTSUPP);
        }
        Result<ImsicVector> vector = matrix.allocOnline();
        return vector.isOk() ? vector : Result.failed(Errno.ENOSPC);
    }

    /** {@code count} vectors one by one, as the MSI core allocates MSI-X vectors: all, or none and -ENOSPC. */
    public Result<List<ImsicVector>> allocVectors(int count) {
        List<ImsicVector> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Result<ImsicVector> vector = alloc(1);
            if (!vector.isOk()) {
                taken.forEach(matrix::free);
                return Result.failed(((Result.Failed<ImsicVector>) vector).errno());
            }
            taken.add(vector.value());
        }
        return Result.ok(List.copyOf(taken));
    }

    /** {@code imsic_irq_set_affinity}: the vector the interrupt uses afterwards. */
    public Result<ImsicVector> setAffinity(ImsicVector current, BitSet mask) {
        requireAllocated(current);
        if (mask.get(current.cpu())) {
            return Result.ok(current);
        }
        if (moving.containsKey(current)) {
            return Result.failed(Errno.EBUSY);
        }
        Result<ImsicVector> next = matrix.alloc(mask);
        if (!next.isOk()) {
            return Result.failed(Errno.ENOSPC);
        }
        moving.put(next.value(), current);
        return next;
    }

    /** Every old CPU has synchronised: the identities that moves left behind are released. */
    public void completeMoves() {
        moving.values().forEach(matrix::free);
        moving.clear();
        leftBehind.forEach(matrix::free);
        leftBehind.clear();
    }

    /** {@code imsic_irq_domain_free}: the identity goes back to its CPU (a move's old one still waits). */
    public void free(ImsicVector vector) {
        requireAllocated(vector);
        matrix.free(vector);
        ImsicVector old = moving.remove(vector);
        if (old != null) {
            leftBehind.add(old);
        }
    }

    /** {@code imsic_irq_compose_msg}: the CPU's supervisor-level page and the identity. */
    public Message compose(ImsicVector vector) {
        requireAllocated(vector);
        return Message.of(geometry.page(InterruptFile.supervisor(vector.cpu())), vector.identity());
    }

    /**
     * The message for identity {@code identity} of guest file {@code guest} of CPU {@code cpu}, at the
     * page {@code imsic_cpu_page_phys(cpu, guest)} gives: the supervisor-level page plus
     * {@code guest} pages. Linux refuses a guest index that does not fit {@code riscv,guest-index-bits}
     * (-EINVAL here); an index that fits but exceeds GEILEN names a page with no file, which the model
     * refuses as well. Identities outside the guest files' 1..N are -EINVAL (the model's check: the
     * hardware would ignore them).
     */
    public Result<Message> composeGuest(int cpu, int guest, int identity) {
        if (cpu < 0 || cpu >= matrix.cpus() || guest < 1 || guest >>> geometry.guestIndexBits() != 0
                || guest > geometry.guestFiles() || identity < 1 || identity > geometry.guestIds()) {
            return Result.failed(Errno.EINVAL);
        }
        return Result.ok(Message.of(geometry.page(InterruptFile.guest(cpu, guest)), identity));
    }

    public ImsicMatrix matrix() {
        return matrix;
    }

    public ImsicGeometry geometry() {
        return geometry;
    }

    /** The moves in flight: new vector → old vector. */
    public Map<ImsicVector, ImsicVector> moving() {
        return Map.copyOf(moving);
    }

    private void requireAllocated(ImsicVector vector) {
        if (!matrix.isAllocated(vector)) {
            throw new IllegalArgumentException("vector " + vector + " is not allocated");
        }
    }
}
