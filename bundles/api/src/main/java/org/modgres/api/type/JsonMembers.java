package org.modgres.api.type;

import java.util.List;

/**
 * The top-level members of a json text as written: the keys of an object (null for the elements
 * of an array) and the text of each value, which json's operators and functions return verbatim.
 */
public record JsonMembers(String source, List<String> keys, List<int[]> spans) {

    /** Returns the number of members. */
    public int size() {
        return spans.size();
    }

    /** Returns a member's key, or null for an array element. */
    public String key(int index) {
        return keys.get(index);
    }

    /** Returns a member's value as written. */
    public String valueText(int index) {
        int[] span = spans.get(index);
        return source.substring(span[0], span[1]);
    }
}
