package dev.stockade.maven;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * How many lines of one kind (errors, warnings, infos, written files, deleted files) the build log
 * lists one by one before it only counts them, as javac stops at 100 errors and 100 warnings. A
 * fleet of 10,000 servers has hundreds of thousands of findings and files: listed, they bury the
 * build's outcome and take seconds to print. What is not listed is never lost: the reports hold
 * every finding and the output directory's manifest every file. A limit of 0 lists everything.
 */
final class LogLimit {

    private final int limit;
    private int listed;
    private int unlisted;

    private LogLimit(int limit) {
        this.limit = limit;
    }

    /** The {@code stockade.logLimit} setting, checked: 0 (no limit) or more. */
    static int checked(int limit) throws MojoExecutionException {
        if (limit < 0) {
            throw new MojoExecutionException("stockade.logLimit: must be 0 (list everything) or a positive number "
                    + "of lines of each kind, not " + limit);
        }
        return limit;
    }

    /** A fresh count for one kind of line, up to {@code limit} (0: no limit). */
    static LogLimit of(int limit) {
        return new LogLimit(limit);
    }

    /** Whether the next line of this kind is listed; each one that is not is counted. */
    boolean list() {
        if (limit == 0 || listed < limit) {
            listed++;
            return true;
        }
        unlisted++;
        return false;
    }

    /** How many lines of this kind were counted but not listed. */
    int unlisted() {
        return unlisted;
    }
}
