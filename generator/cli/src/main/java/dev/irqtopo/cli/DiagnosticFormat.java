package dev.irqtopo.cli;

/**
 * How {@code check} prints its diagnostics: for people on standard error (the default), or for tools on
 * standard output as a JSON array or a SARIF 2.1.0 log.
 */
enum DiagnosticFormat {
    text,
    json,
    sarif
}
