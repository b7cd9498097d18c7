package dev.irqtopo.compiler;

import dev.irqtopo.compiler.diag.Diagnostic;
import dev.irqtopo.compiler.diag.Severity;

/**
 * The diagnostics only generation reports, beside the checker's: they concern the Java code, not the
 * platform. Codes are stable, like the checker's.
 *
 * <table>
 *   <caption>Generation diagnostics</caption>
 *   <tr><th>code</th><th>severity</th><th>when</th><th>points at</th></tr>
 *   <tr><td>IRQ050</td><td>error</td><td>no package for generated code: the file has no {@code package}
 *       line and the generator was given none</td><td>the platform's name</td></tr>
 *   <tr><td>IRQ051</td><td>error</td><td>a platform, guest or device name whose Java identifier is one the
 *       generated code already uses in that scope: a guest named {@code hardware} or {@code boot} (methods
 *       of the platform class), a guest or platform whose class would be {@code Host}, {@code Sizes} or
 *       another nested class, a device named {@code kernel} or {@code toString}; compared ignoring case,
 *       as IRQ012 does</td><td>the name</td></tr>
 * </table>
 *
 * <p>Generation also reports two platforms of one package declared in different files, with the
 * checker's codes: IRQ010 for the same name, IRQ012 for names whose classes differ only in case.
 */
public enum GenerationCode {
    IRQ050("no package for generated code"),
    IRQ051("name taken by generated code");

    private final String title;

    GenerationCode(String title) {
        this.title = title;
    }

    /** A few words naming the problem. */
    public String title() {
        return title;
    }

    public Severity severity() {
        return Severity.ERROR;
    }

    /** A diagnostic of this code at a 1-based position. */
    public Diagnostic at(String file, int line, int column, String message) {
        return new Diagnostic(file, line, column, severity(), name(), message);
    }
}
