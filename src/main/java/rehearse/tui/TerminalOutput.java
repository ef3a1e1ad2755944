package rehearse.tui;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Buffers terminal output so a frame leaves in one write, but flushes at once after a
 * cursor-position query (ESC [ 6 n): Lanterna asks the terminal its size that way and would
 * otherwise wait for an answer to a question still sitting in our buffer.
 */
final class TerminalOutput extends BufferedOutputStream {
    private int state; // how much of ESC [ 6 n has been seen

    TerminalOutput(OutputStream out) {
        super(out, 1 << 16);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        super.write(b);
        if (track(b)) flush();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        super.write(b, off, len);
        boolean query = false;
        for (int i = off; i < off + len; i++) query |= track(b[i]);
        if (query) flush();
    }

    private boolean track(int b) {
        b &= 0xFF;
        if (b == 0x1B) {
            state = 1;
            return false;
        }
        switch (state) {
            case 1 -> state = b == '[' ? 2 : 0;
            case 2 -> state = b == '6' ? 3 : 0;
            case 3 -> {
                state = 0;
                return b == 'n';
            }
            default -> state = 0;
        }
        return false;
    }
}
