package io.github.theorybench.profile;

/** The profiler's native library could not be found, loaded or started; the message names the cause in one line. */
public final class ProfilerUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProfilerUnavailableException(String message) {
        super(message);
    }

    public ProfilerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
