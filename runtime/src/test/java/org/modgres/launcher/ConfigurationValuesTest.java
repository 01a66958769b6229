package org.modgres.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigurationValuesTest {

    private static Map<String, Object> convert(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>) JsonParser.parse(json);
        return ConfigurationValues.convert(members);
    }

    @Test
    void keeps_json_types_when_the_key_names_none() {
        Map<String, Object> properties = convert("{\"s\": \"x\", \"n\": 5, \"d\": 1.5, \"b\": true}");

        assertEquals(Map.of("s", "x", "n", 5L, "d", 1.5, "b", true), properties);
    }

    @Test
    void makes_arrays_of_the_element_type_and_widens_mixed_numbers_to_double() {
        Map<String, Object> properties = convert("{\"s\": [\"a\", \"b\"], \"n\": [1, 2], \"m\": [1, 2.5], \"e\": []}");

        assertArrayEquals(new String[] {"a", "b"}, (String[]) properties.get("s"));
        assertArrayEquals(new Long[] {1L, 2L}, (Long[]) properties.get("n"));
        assertArrayEquals(new Double[] {1.0, 2.5}, (Double[]) properties.get("m"));
        assertArrayEquals(new String[0], (String[]) properties.get("e"));
    }

    @Test
    void converts_to_the_type_named_after_the_colon() {
        Map<String, Object> properties = convert("""
                {"port:Integer": 5432, "ratio:Float": 0.5, "small:Short": 7, "tiny:Byte": -1, "c:Character": "x",
                 "text:String": 12, "flag:Boolean": false, "big:Long": 9000000000, "d:Double": 2}""");

        assertEquals(5432, properties.get("port"));
        assertEquals(0.5f, properties.get("ratio"));
        assertEquals((short) 7, properties.get("small"));
        assertEquals((byte) -1, properties.get("tiny"));
        assertEquals('x', properties.get("c"));
        assertEquals("12", properties.get("text"));
        assertEquals(false, properties.get("flag"));
        assertEquals(9_000_000_000L, properties.get("big"));
        assertEquals(2.0, properties.get("d"));
    }

    @Test
    void converts_typed_arrays_and_collections() {
        Map<String, Object> properties =
                convert("{\"ports:Integer[]\": [1, 2], \"names:Collection<String>\": [\"a\", \"b\"]}");

        assertArrayEquals(new Integer[] {1, 2}, (Integer[]) properties.get("ports"));
        assertEquals(List.of("a", "b"), properties.get("names"));
    }

    @Test
    void rejects_values_that_do_not_fit_the_type() {
        assertMessage("{\"p:Integer\": 3000000000}", "property \"p:Integer\": 3000000000 is out of range for Integer");
        assertMessage("{\"p:Integer\": 1.5}", "property \"p:Integer\": expected an integer, found 1.5");
        assertMessage("{\"p:Boolean\": \"yes\"}", "property \"p:Boolean\": expected a boolean, found yes");
        assertMessage("{\"p:Date\": 1}", "property \"p:Date\": unknown type \"Date\"");
        assertMessage("{\"p:Integer[]\": 1}", "property \"p:Integer[]\": expected a JSON array");
    }

    @Test
    void rejects_nulls_objects_mixed_arrays_and_names_given_twice() {
        assertMessage("{\"p\": null}", "property \"p\": null is not a configuration value");
        assertMessage("{\"p\": {}}", "property \"p\": an object is not a configuration value");
        assertMessage("{\"p\": [1, \"a\"]}", "property \"p\": array elements of different types");
        assertMessage("{\"p\": 1, \"p:Long\": 2}", "property \"p:Long\": given twice");
    }

    private static void assertMessage(String json, String expectedStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> convert(json));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
