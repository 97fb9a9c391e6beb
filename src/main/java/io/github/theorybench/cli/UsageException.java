package io.github.theorybench.cli;

/** A user error detected after parsing (e.g. an unusable --out directory): one line, exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
