package dev.stockade.compiler.effective;

/** The OS identity a server runs as, with the language's defaults applied (user = server name, group = user). */
public record Identity(String user, String group) {
}
