package dev.isr.core;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client networks the admin API answers ({@code isr.admin.allowed-networks}): CIDR blocks, IPv4 or IPv6, given
 * as address literals. Empty: every network (the token alone protects the API).
 *
 * <p>Only literals are accepted, never names, so that reading the configuration asks no resolver and a name cannot
 * point elsewhere tomorrow. An IPv4 client seen as an IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) is matched
 * as the IPv4 address it is.
 */
public final class ClientNetworks {

    public static final ClientNetworks ANY = new ClientNetworks(List.of(), List.of());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<String> declared;
    private final List<Block> blocks;

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private ClientNetworks(List<String> declared, List<Block> blocks) {
        this.declared = declared;
        this.blocks = blocks;
    }

    /** Parses {@code a.b.c.d/n}, {@code x::y/n}, or a single address; fails naming the entry at fault. */
    public static ClientNetworks parse(List<String> networks) {
        List<Block> blocks = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        for (String network : networks) {
            String value = network.trim();
            if (value.isEmpty()) {
                continue;
            }
            blocks.add(block(value));
            declared.add(value);
        }
        return blocks.isEmpty() ? ANY : new ClientNetworks(List.copyOf(declared), List.copyOf(blocks));
    }

    private static Block block(String value) {
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address literal: '" + value + "'"));
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("the prefix length of '" + value + "' must be 0.." + bits);
            }
            prefix = Integer.parseInt(length);
        }
        // the host bits of the network are ignored: 10.1.2.3/8 is 10.0.0.0/8
        byte[] network = new BigInteger(1, bytes)
                .shiftRight(bits - prefix)
                .shiftLeft(bits - prefix)
                .toByteArray();
        byte[] aligned = new byte[bytes.length];
        int copy = Math.min(network.length, aligned.length);
        System.arraycopy(network, network.length - copy, aligned, aligned.length - copy, copy);
        return new Block(aligned, prefix);
    }

    private static Optional<byte[]> literal(String address) {
        String value =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        if (IPV4.matcher(value).matches()) {
            for (String part : value.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // a literal: getByName only parses it, no resolver is asked
            byte[] bytes = InetAddress.getByName(value).getAddress();
            return Optional.of(bytes);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether every network is allowed (nothing configured). */
    public boolean any() {
        return blocks.isEmpty();
    }

    /** Whether the client at {@code address} (a literal, as the server reports it) is in one of the networks. */
    public boolean allows(String address) {
        if (blocks.isEmpty()) {
            return true;
        }
        if (address == null) {
            return false;
        }
        byte[] bytes = literal(address.trim()).orElse(null);
        if (bytes == null) {
            return false;
        }
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** The networks as configured, for {@code toString} and messages. */
    public List<String> declared() {
        return declared;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientNetworks networks && networks.declared.equals(declared);
    }

    @Override
    public int hashCode() {
        return declared.hashCode();
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "any" : declared.toString();
    }
}
