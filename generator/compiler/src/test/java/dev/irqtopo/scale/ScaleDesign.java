package dev.irqtopo.scale;

import dev.irqtopo.model.PlatformDesign;

/**
 * A generated design the scale harness times: its text, and how to run and check the simulate and
 * verify stages on its checked model. The checks run outside the timed stages.
 *
 * @param <S> what simulating it reports
 * @param <V> what verifying it reports
 */
interface ScaleDesign<S, V> {

    int devices();

    /** Every interrupt its stacks allocate, host and guests. */
    int interrupts();

    String className();

    default String fileName() {
        return "scale-" + devices() + ".irqtopo";
    }

    /** The design's source, in package {@code dev.example.scale}. */
    String text();

    S simulate(PlatformDesign model);

    /** Throws unless every declared interrupt was allocated and delivered to the kernel that allocated it. */
    void checkSimulation(S report);

    V verify(PlatformDesign model);

    /** Throws unless the platform is isolated. */
    void checkVerification(V report);

    /** Every scale design's size: ten devices at least, in tens, so that each ten splits host and guest alike. */
    static int checkedSize(int devices) {
        if (devices < 10 || devices % 10 != 0) {
            throw new IllegalArgumentException("a multiple of ten devices, at least ten: " + devices);
        }
        return devices;
    }

    /** Devices 6 to 9 of every ten go to a guest. */
    static boolean assigned(int device) {
        return device % 10 >= 6;
    }

    static int ceil(int a, int b) {
        return (a + b - 1) / b;
    }
}
