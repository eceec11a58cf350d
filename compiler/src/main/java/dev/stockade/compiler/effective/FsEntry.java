package dev.stockade.compiler.effective;

import java.util.Optional;

/**
 * One path that the policy names, with the access that decides it and everything below it that
 * no longer path decides.
 *
 * @param path the normalized path
 * @param access the grants on exactly this path; empty for a deny or a conflict
 * @param conflict whether a grant and a deny name this same path (then access is empty)
 * @param enclosing the nearest named path above, whose access this one replaces below it
 */
public record FsEntry(String path, Access access, boolean conflict, Optional<String> enclosing) {
}
