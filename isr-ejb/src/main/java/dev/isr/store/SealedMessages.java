package dev.isr.store;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.jgroups.BytesMessage;
import org.jgroups.Message;
import org.jgroups.stack.Protocol;
import org.jgroups.util.ByteArray;
import org.jgroups.util.MessageBatch;
import org.jgroups.util.Util;

/**
 * Seals every message of the cluster channel with AES-GCM under the cluster's key, right above the transport: the
 * whole message (payload, headers, flags, sender, destination) is serialized, encrypted and authenticated into the
 * payload of a plain message, {@code IV || ciphertext || tag}, with a random 96-bit IV per message. A message that does
 * not open under the key (made without it, changed in transit, or cut short) is dropped before any protocol above
 * reads it: a process without the key cannot be discovered, join, be heard, or learn anything but the sizes and times
 * of the messages.
 *
 * <p>Why not JGroups' own {@code SYM_ENCRYPT} with {@code SERIALIZE}: in JGroups 5.5 it initialises its ciphers with
 * an {@code IvParameterSpec}, which the JDK's GCM refuses, and its other modes (ECB, CBC) encrypt without
 * authenticating. This protocol adds no header of its own.
 *
 * <p>Dropped messages are counted ({@link #rejected()}) and logged at most once a minute, so that a process hammering
 * the port cannot flood the log.
 */
final class SealedMessages extends Protocol {

    static final String CIPHER = "AES/GCM/NoPadding";
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    SealedMessages(SecretKey key) {
        this.key = key;
    }

    /** How many messages did not open under the key since the channel started. */
    long rejected() {
        return rejected.get();
    }

    @Override
    public Object down(Message message) {
        if (message.getSrc() == null) {
            message.setSrc(local_addr);
        }
        Message sealed;
        try {
            sealed = new BytesMessage(message.getDest(), seal(Util.messageToBuffer(message)));
        } catch (Exception e) {
            throw new IllegalStateException("a cluster message could not be sealed", e);
        }
        sealed.setFlag(message.getFlags(), false);
        if (message.isFlagSet(Message.TransientFlag.DONT_LOOPBACK)) {
            sealed.setFlag(Message.TransientFlag.DONT_LOOPBACK);
        }
        return down_prot.down(sealed);
    }

    @Override
    public Object up(Message message) {
        Message opened = open(message);
        return opened == null ? null : up_prot.up(opened);
    }

    @Override
    public void up(MessageBatch batch) {
        List<Message> opened = new ArrayList<>(batch.size());
        for (Message message : batch) {
            Message open = open(message);
            if (open != null) {
                opened.add(open);
            }
        }
        batch.clear().add(opened);
        if (!batch.isEmpty()) {
            up_prot.up(batch);
        }
    }

    private byte[] seal(ByteArray plain) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        byte[] sealed = new byte[IV_BYTES + cipher.getOutputSize(plain.length())];
        System.arraycopy(iv, 0, sealed, 0, IV_BYTES);
        cipher.doFinal(plain.array(), plain.offset(), plain.length(), sealed, IV_BYTES);
        return sealed;
    }

    /** The message sealed in {@code message}, or null if it does not open under the key. */
    private Message open(Message message) {
        try {
            byte[] buffer = message.getArray();
            int offset = message.getOffset();
            int length = message.getLength();
            if (buffer == null || length <= IV_BYTES) {
                throw new GeneralSecurityException("too short to be sealed: " + length + " bytes");
            }
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, buffer, offset, IV_BYTES));
            byte[] plain = cipher.doFinal(buffer, offset + IV_BYTES, length - IV_BYTES);
            Message opened = Util.messageFromBuffer(plain, 0, plain.length);
            if (opened.getDest() == null) {
                opened.setDest(message.getDest());
            }
            if (opened.getSrc() == null) {
                opened.setSrc(message.getSrc());
            }
            return opened;
        } catch (Exception e) {
            reject(message, e);
            return null;
        }
    }

    private void reject(Message message, Exception cause) {
        long count = rejected.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLogged.compareAndSet(last, now)) {
            StoreLog.foreignMessageDropped(message.getSrc(), cause, count);
        }
    }
}
