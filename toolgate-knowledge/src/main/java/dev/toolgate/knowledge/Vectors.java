package dev.toolgate.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The stored form of an embedding: its float32 components, little-endian (4 bytes each). */
public final class Vectors {

    private Vectors() {}

    /**
     * Returns the bytes of a vector.
     *
     * @param vector the components
     * @return {@code 4 × vector.length} bytes
     */
    public static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    /**
     * Returns the vector stored in {@code bytes}.
     *
     * @param bytes as {@link #bytes} wrote them; a length not divisible by 4 loses the rest
     * @return the components
     */
    public static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
