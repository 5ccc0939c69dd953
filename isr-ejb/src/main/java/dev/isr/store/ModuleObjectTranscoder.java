package dev.isr.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.infinispan.commons.dataconversion.MediaType;
import org.infinispan.commons.dataconversion.Transcoder;
import org.infinispan.commons.marshall.WrappedByteArray;
import org.infinispan.protostream.ImmutableSerializationContext;
import org.infinispan.protostream.ProtobufUtil;
import org.infinispan.protostream.SerializationContext;

/**
 * Converts the module's objects (and the strings and numbers of its keys and small values) to and from ProtoStream
 * bytes under the module's own serialization context, for caches in a container of the server's.
 *
 * <p>Why not Infinispan's own: a container's encoder registry picks the first transcoder that converts
 * {@code application/x-java-object} to {@code application/x-protostream}, which on WildFly is the server's marshaller,
 * and that knows none of the module's types ({@code No marshaller registered for Java type dev.isr.core.PurgeRecord}).
 * The caches are used with a media type of this deployment's own ({@link #objects()}), which only this transcoder
 * converts. Its {@code instance} parameter differs from one deployment to the next, so that a redeployed module never
 * meets the transcoder (and classes) of the deployment before it, even in a registry that cannot forget one.
 *
 * <p>Thread-safe: the serialization context is not changed after construction.
 */
final class ModuleObjectTranscoder implements Transcoder {

    private final MediaType objects;
    private final ImmutableSerializationContext context;

    ModuleObjectTranscoder() {
        objects = MediaType.fromString("application/x-isr-object")
                .withParameter("instance", UUID.randomUUID().toString());
        SerializationContext serialization = ProtobufUtil.newSerializationContext();
        new IsrSchemaImpl().register(serialization);
        context = serialization;
    }

    /** The request media type of the caches this transcoder serves: the module's objects, as they are. */
    MediaType objects() {
        return objects;
    }

    @Override
    public Set<MediaType> getSupportedMediaTypes() {
        return Set.of(objects, MediaType.APPLICATION_PROTOSTREAM);
    }

    @Override
    public boolean supportsConversion(MediaType from, MediaType to) {
        return objects.equals(from) && to.match(MediaType.APPLICATION_PROTOSTREAM)
                || from.match(MediaType.APPLICATION_PROTOSTREAM) && objects.equals(to);
    }

    @Override
    public Object transcode(Object content, MediaType from, MediaType to) {
        Objects.requireNonNull(content, "content");
        try {
            if (objects.equals(from)) {
                return ProtobufUtil.toWrappedByteArray(context, content);
            }
            byte[] bytes = content instanceof WrappedByteArray wrapped ? wrapped.getBytes() : (byte[]) content;
            return ProtobufUtil.fromWrappedByteArray(context, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "ProtoStream conversion " + from + " -> " + to + " of a "
                            + content.getClass().getName() + " failed",
                    e);
        }
    }
}
