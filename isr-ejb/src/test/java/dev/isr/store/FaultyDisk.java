package dev.isr.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small real file system mounted for one test, to break the way disks break: a tmpfs that can be filled up and
 * freed again, or an ext4 image on a loop device that the kernel can be made to turn read-only as it does after an
 * I/O error ({@code errors=remount-ro}, then {@code trigger_fs_error}: even files already open for writing then fail).
 * Needs root (mount); tests that use it are skipped, saying so, where it cannot mount. Unmounted by {@link #close}.
 */
final class FaultyDisk implements AutoCloseable {

    private final Path mountPoint;
    private final Path image;
    private Path filler;

    private FaultyDisk(Path mountPoint, Path image) {
        this.mountPoint = mountPoint;
        this.image = image;
    }

    /** A tmpfs of {@code megabytes} at {@code dir/disk}. */
    static FaultyDisk tmpfs(Path dir, int megabytes) throws IOException, InterruptedException {
        Path mountPoint = Files.createDirectories(dir.resolve("disk"));
        assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString()),
                "mounting a tmpfs needs root");
        return new FaultyDisk(mountPoint, null);
    }

    /** An ext4 image of {@code megabytes} on a loop device at {@code dir/disk}, that errors make read-only. */
    static FaultyDisk ext4(Path dir, int megabytes) throws IOException, InterruptedException {
        Path mountPoint = Files.createDirectories(dir.resolve("disk"));
        Path image = dir.resolve("disk.img");
        assumeTrue(
                run("truncate", "-s", megabytes + "M", image.toString())
                        && run("mkfs.ext4", "-q", "-F", image.toString())
                        && run("mount", "-o", "loop,errors=remount-ro", image.toString(), mountPoint.toString()),
                "mounting an ext4 image on a loop device needs root, losetup and mkfs.ext4");
        return new FaultyDisk(mountPoint, image);
    }

    Path path() {
        return mountPoint;
    }

    /** Writes a file until the disk has at most {@code leaveBytes} free (0: until it is full). */
    void fill(long leaveBytes) throws IOException {
        filler = mountPoint.resolve("filler");
        byte[] block = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(filler)) {
            long toWrite = leaveBytes == 0
                    ? Long.MAX_VALUE
                    : Files.getFileStore(mountPoint).getUsableSpace() - leaveBytes;
            for (long written = 0; written < toWrite; written += block.length) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    /** Deletes what {@link #fill} wrote. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Turns the ext4 read-only as the kernel does after an error: even files open for writing fail from now on. */
    void failReadOnly() throws IOException, InterruptedException {
        String device = Files.readString(Path.of("/proc/mounts"))
                .lines()
                .filter(line -> line.split(" ")[1].equals(mountPoint.toString()))
                .map(line -> line.split(" ")[0])
                .findFirst()
                .orElseThrow();
        Files.writeString(Path.of("/sys/fs/ext4", Path.of(device).getFileName().toString(), "trigger_fs_error"), "isr");
    }

    @Override
    public void close() throws IOException {
        try {
            if (!run("umount", mountPoint.toString())) {
                run("umount", "-l", mountPoint.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unmounting " + mountPoint, e);
        }
        if (image != null) {
            Files.deleteIfExists(image);
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }
}
