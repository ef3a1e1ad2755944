package rehearse.io;

import rehearse.base.Printable;

/**
 * IPv4 addresses and subnet masks as an MSCS IP Address resource holds them. That resource type
 * has an IPv4 address and a subnet mask (its required private properties are Address, Network
 * and SubnetMask); IPv6 cluster addresses are another resource type ("IPv6 Address", with a
 * prefix length), which Windows Server 2008 introduced. MSCS on Windows NT 4.0 and Windows 2000,
 * the platforms of the upgrade tables, has none.
 */
public final class Ipv4 {
    /** A problem with the text, and where in it (a character offset). */
    public record Problem(int offset, String message) {}

    private Ipv4() {}

    /** The address as a 32-bit number, or -1 when {@link #problem} has something to say. */
    public static long value(String text) {
        if (problem(text) != null) return -1;
        long v = 0;
        for (String part : text.split("\\.", -1)) v = v << 8 | Integer.parseInt(part);
        return v;
    }

    /** What is wrong with {@code text} as an IPv4 address, or null when it is one. */
    public static Problem problem(String text) {
        if (text.indexOf(':') >= 0 && text.chars().allMatch(c -> c == ':' || c == '.' || c == '%' || Character.digit(c, 16) >= 0)) {
            return new Problem(0, "'" + Printable.clean(text) + "' is an IPv6 address; the IP Address resource of MSCS on Windows NT 4.0"
                    + " and Windows 2000 holds an IPv4 address (IPv6 cluster addresses are a separate resource type, from"
                    + " Windows Server 2008 on)");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4 || !text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            return new Problem(0, "'" + Printable.clean(text) + "' is not an IPv4 address (four numbers from 0 to 255 separated by"
                    + " dots, e.g. 192.0.2.20)");
        }
        int offset = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return new Problem(offset, "'" + part + "' is not a number from 0 to 255 in the IPv4 address '" + text + "'");
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                return new Problem(offset, "'" + part + "' in the IPv4 address '" + text + "' has a leading zero, which Windows reads"
                        + " as octal; write " + Integer.parseInt(part));
            }
            offset += part.length() + 1;
        }
        return null;
    }

    /** What is wrong with {@code text} as a subnet mask (an address whose one bits come first), or null. */
    public static Problem maskProblem(String text) {
        Problem p = problem(text);
        if (p != null) return p;
        long v = value(text);
        long inverted = ~v & 0xFFFFFFFFL;
        if ((inverted & (inverted + 1)) != 0) {
            return new Problem(0, "'" + text + "' is not a subnet mask: its one bits must all come first (e.g. 255.255.255.0)");
        }
        return null;
    }
}
