package io.sensoretl.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The word-at-a-time helpers against byte-by-byte loops. */
class BytesTest {

    @Test
    void indexOfFindsTheFirstMatchAsAByteLoopDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(1, 40)];
            // few distinct bytes: matches next to each other, in one word, at word edges; bytes just below
            // and above the one looked for (the SWAR test's borrow), and high bytes
            byte[] alphabet = {'\n', '\n' - 1, '\n' + 1, 'a', (byte) 0x80, (byte) 0xFF, 0};
            for (int i = 0; i < b.length; i++) {
                b[i] = alphabet[random.nextInt(alphabet.length)];
            }
            byte c = random.nextBoolean() ? (byte) '\n' : alphabet[random.nextInt(alphabet.length)];
            int from = random.nextInt(b.length + 1);
            int to = from + random.nextInt(b.length - from + 1);
            assertEquals(naive(b, from, to, c), Bytes.indexOf(b, from, to, c),
                    () -> "from " + from + " to " + to + " in " + java.util.Arrays.toString(b));
        }
    }

    private static int naive(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
