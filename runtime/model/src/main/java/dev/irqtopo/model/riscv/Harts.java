package dev.irqtopo.model.riscv;

/**
 * The harts of the platform: {@code groups} hart groups of {@code perGroup} harts each. Hart {@code h}
 * (Linux's logical CPU {@code h}, the order the IMSIC node lists its parents) is hart number
 * {@code h mod perGroup} of group {@code h / perGroup}. The AIA places interrupt-file pages by these
 * two numbers; a platform without groups has one.
 */
public record Harts(int perGroup, int groups) {

    /** QEMU's virt machine allows 512 harts per socket ({@code VIRT_CPUS_MAX}); the model allows more. */
    public static final int MAX_PER_GROUP = 1 << 14;
    /** QEMU's virt machine allows 4 sockets ({@code VIRT_SOCKETS_MAX}); the model allows more. */
    public static final int MAX_GROUPS = 1 << 8;

    public Harts {
        if (perGroup < 1 || perGroup > MAX_PER_GROUP) {
            throw new IllegalArgumentException("harts per group " + perGroup + " outside 1.." + MAX_PER_GROUP);
        }
        if (groups < 1 || groups > MAX_GROUPS) {
            throw new IllegalArgumentException("hart groups " + groups + " outside 1.." + MAX_GROUPS);
        }
    }

    /** {@code count} harts in one group. */
    public static Harts of(int count) {
        return new Harts(count, 1);
    }

    public int count() {
        return perGroup * groups;
    }

    public int group(int hart) {
        check(hart);
        return hart / perGroup;
    }

    /** The hart number within its group, the {@code h} of the AIA's placement formulas. */
    public int local(int hart) {
        check(hart);
        return hart % perGroup;
    }

    /** k = ⌈log2(h_max + 1)⌉, the bits any hart number within a group needs. */
    public int hartBits() {
        return Bits.toRepresent(perGroup);
    }

    /** j = ⌈log2(g_max + 1)⌉, the bits any group number needs. */
    public int groupBits() {
        return Bits.toRepresent(groups);
    }

    private void check(int hart) {
        if (hart < 0 || hart >= count()) {
            throw new IllegalArgumentException("hart " + hart + " outside 0.." + (count() - 1));
        }
    }
}
