package dev.irqtopo.runtime.isolation;

/** Why the remapping unit let a breaching message through. */
public enum FindingClass {
    /** No remapping unit translates the device's messages: compatibility format reaches the CPUs. */
    NO_REMAPPING("no-remapping"),
    /** A VT-d unit in xAPIC mode with {@code compat allowed} let compatibility format pass. */
    COMPATIBILITY_FORMAT("compatibility-format"),
    /** The entry accepted the request because it validates no source (SVT 00). */
    SOURCE_CHECK_OFF("source-check-off"),
    /** The entry accepted the request because it validates the bus only (SVT 10). */
    SOURCE_CHECK_BUS("source-check-bus"),
    /** The entry, or the AMD-Vi table, is bound to the very requester id the device emits. */
    SHARED_REQUESTER_ID("shared-requester-id");

    private final String keyword;

    FindingClass(String keyword) {
        this.keyword = keyword;
    }

    /** {@code "no-remapping"}, ...: the word the reports use. */
    public String keyword() {
        return keyword;
    }
}
