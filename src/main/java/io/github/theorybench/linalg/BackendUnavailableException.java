package io.github.theorybench.linalg;

/** A backend that cannot be used, with one line saying which library failed and why. Never caught to fall back. */
public final class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String backend;
    private final String cause;

    public BackendUnavailableException(String backend, String cause) {
        super("backend " + backend + " unavailable: " + cause);
        this.backend = backend;
        this.cause = cause;
    }

    public String backend() {
        return backend;
    }

    public String cause() {
        return cause;
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": "
                + t.getMessage();
        return msg.replace('\n', ' ').trim();
    }
}
