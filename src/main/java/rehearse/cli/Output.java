package rehearse.cli;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output, remembering the first write failure: a PrintWriter only says that something
 * failed, and the operator needs to know what ("no space left on device").
 */
final class Output extends OutputStream {
    private final OutputStream target;
    private IOException failure;

    Output(OutputStream target) {
        this.target = target;
    }

    /** The first failure, or null. */
    IOException failure() {
        return failure;
    }

    /** A reader that stopped reading (| head): not the operator's problem, and not ours. */
    static boolean readerClosed(IOException e) {
        String m = e == null ? null : e.getMessage();
        return m != null && m.contains("Broken pipe");
    }

    private IOException keep(IOException e) {
        if (failure == null) failure = e;
        return e;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            target.write(b);
        } catch (IOException e) {
            throw keep(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            target.write(b, off, len);
        } catch (IOException e) {
            throw keep(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            target.flush();
        } catch (IOException e) {
            throw keep(e);
        }
    }
}
