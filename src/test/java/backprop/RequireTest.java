package backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Require: the argument checks behind every message")
class RequireTest {

    @Nested
    @DisplayName("nonNull")
    class NonNull {

        @Test
        @DisplayName("returns the value when it is there")
        void passes() {
            double[] x = {1};
            assertSame(x, Require.nonNull("x", x, "inputs"));
        }

        @Test
        @DisplayName("throws a NullPointerException that names the argument and what was expected")
        void names() {
            NullPointerException e = assertThrows(NullPointerException.class,
                    () -> Require.nonNull("x", null, "N × 2 inputs"));
            assertEquals("x is null: expected N × 2 inputs", e.getMessage());
        }
    }

    @Nested
    @DisplayName("arrayLength")
    class ArrayLength {

        @Test
        @DisplayName("passes the longest array Java allows, as an int")
        void longest() {
            assertEquals(Integer.MAX_VALUE - 8, Require.arrayLength("x", Integer.MAX_VALUE - 8L));
        }

        @Test
        @DisplayName("refuses one more, with the count, the bytes and the limit")
        void oneMore() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Require.arrayLength("W2 of layer sizes [2, 100000, 100000, 1]", 10_000_000_000L));
            assertEquals("W2 of layer sizes [2, 100000, 100000, 1] needs 10,000,000,000 values (80.0 GB): "
                    + "expected at most 2,147,483,639 values, the most a Java array holds", e.getMessage());
        }
    }

    @Nested
    @DisplayName("memory")
    class Memory {

        @Test
        @DisplayName("passes what the heap could hold")
        void fits() {
            Require.memory("a small array", 1024);
        }

        @Test
        @DisplayName("refuses more than the heap's maximum, saying both")
        void tooMuch() {
            long max = Runtime.getRuntime().maxMemory();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Require.memory("a data set", max + 1));
            assertTrue(e.getMessage().startsWith("a data set needs " + Require.bytes(max + 1)
                    + " but this JVM's heap holds at most " + Require.bytes(max)), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} bytes read as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            999          | 1.0 kB
            1000000      | 1.0 MB
            12800000000  | 12.8 GB
            """)
    @DisplayName("memory is written in decimal units a person reads at a glance")
    void bytes(long n, String text) {
        assertEquals(text, Require.bytes(n));
    }
}
