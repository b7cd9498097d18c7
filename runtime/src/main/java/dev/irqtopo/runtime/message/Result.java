package dev.irqtopo.runtime.message;

import java.util.Objects;

/**
 * The outcome of a kernel-like operation of a driver the engine models (the GIC's, the IMSIC's): a
 * value, or the errno Linux returns. A failed operation has taken nothing.
 */
public sealed interface Result<T> permits Result.Ok, Result.Failed {

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> failed(Errno errno) {
        return new Failed<>(errno);
    }

    /** The value; an {@link IllegalStateException} for a failure, which a caller that checked never sees. */
    T value();

    boolean isOk();

    record Ok<T>(T value) implements Result<T> {
        public Ok {
            Objects.requireNonNull(value);
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    record Failed<T>(Errno errno) implements Result<T> {
        public Failed {
            Objects.requireNonNull(errno);
        }

        @Override
        public T value() {
            throw new IllegalStateException("failed with " + errno);
        }

        @Override
        public boolean isOk() {
            return false;
        }
    }
}
