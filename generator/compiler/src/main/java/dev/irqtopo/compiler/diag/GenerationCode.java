package dev.irqtopo.compiler.diag;

/**
 * The diagnostics only a generation run reports, beside those of {@link DiagnosticCode}: they concern the
 * Java code, not the platform, so checking a file alone never reports them. The checker's generation
 * rules report them, on the files of the run that have no other error. Codes are stable, like the others.
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
 *   <tr><td>IRQ052</td><td>error</td><td>a platform whose class has the qualified name of a package another
 *       file's platform goes into (or of a package above that one): {@code package p; platform q} in one file
 *       and {@code package p.Q;} in another. javac refuses a class and a package of the same name</td>
 *       <td>the platform's name, in the later file</td></tr>
 *   <tr><td>IRQ053</td><td>error</td><td>retired, never reported: it refused arm64 and then riscv64
 *       platforms while they had no generated code; every architecture has it now. The constant stays so
 *       the code keeps its meaning and is never given to another problem</td>
 *       <td>—</td></tr>
 * </table>
 *
 * <p>Generation also reports two platforms of different files whose classes would collide, with the
 * checker's codes: IRQ010 for the same platform in the same package, IRQ012 for classes whose source
 * files differ only in case, package directories included ({@code a.b.X} and {@code a.B.X}).
 */
public enum GenerationCode {
    IRQ050("no package for generated code"),
    IRQ051("name taken by generated code"),
    IRQ052("class named like a package"),
    /** Retired: never reported (see the table above). */
    IRQ053("retired: platform without generated code");

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
